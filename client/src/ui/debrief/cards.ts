import type { Card } from "../../../../shared/debrief/card";
import type { RoundReport } from "../../../../shared/debrief/report";
import { MODEL_IDS } from "../../../../shared/engine/data";
import { money, t } from "../../i18n";
import { h } from "../dom";
import { textOf } from "./format";

/** One card: the lesson's title, what it says with the team's numbers, and the question for the class. */
export function cardEl(card: Card, report: RoundReport, team: number): HTMLElement {
  const text = textOf(card, report);
  return h("article", { class: `panel card card-${card.id}`, testid: `card-${card.id}` },
    h("h4", { text: text.title }),
    h("p", { text: text.body }),
    // What the card's mistake cost (shared/debrief/card.ts): only where it was measured and not nothing.
    card.cost !== null && card.cost > 0 ? h("p", { class: "card-cost", testid: `card-cost-${card.id}`, text: t("debrief.cardCost", { cost: money(card.cost) }) }) : null,
    h("p", { class: "question" }, h("b", { text: `${t("debrief.discuss")} ` }), text.question),
    card.id === "packing" ? packingDetails(report, team) : null);
}

/** The packing card opens onto its numbers: the servers held at the peak against the packing, by model and by host layer. */
function packingDetails(report: RoundReport, team: number): HTMLElement | null {
  const p = report.facts[team]?.packing;
  if (!p) return null;
  const models = MODEL_IDS.filter((m) => p.heldModels[m] + p.ffdModels[m] > 0);
  return h("details", { class: "packing-details", testid: "packing-details" },
    h("summary", { text: t("debrief.packingDetails") }),
    h("div", { class: "table-scroll", tabindex: "0" }, h("table", { class: "compare" },
      h("caption", { text: t("debrief.packingTable") }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "" }), models.map((m) => h("th", { scope: "col", text: t(`model.${m}`) })), h("th", { scope: "col", text: "$" }))),
      h("tbody", {},
        h("tr", {}, h("th", { scope: "row", text: t("debrief.held") }), models.map((m) => h("td", { text: String(p.heldModels[m]) })), h("td", { text: money(p.heldPrice) })),
        h("tr", {}, h("th", { scope: "row", text: t("debrief.ffd") }), models.map((m) => h("td", { text: String(p.ffdModels[m]) })), h("td", { text: money(p.ffdPrice) }))))),
    h("div", { class: "table-scroll", tabindex: "0" }, h("table", { class: "compare" },
      h("thead", {}, h("tr", {}, [t("debrief.layer"), t("debrief.items"), t("debrief.held"), t("debrief.ffd"), t("debrief.bound")].map((x) => h("th", { scope: "col", text: x })))),
      h("tbody", {}, p.groups.map((g) => h("tr", {},
        h("th", { scope: "row", text: `${t(`layer.${g.layer}`)}${g.isolated ? ` (${t("debrief.kept")})` : ""}` }),
        h("td", { text: String(g.items) }), h("td", { text: String(g.used) }), h("td", { text: String(g.ffd) }), h("td", { text: String(g.lowerBound) })))))));
}
