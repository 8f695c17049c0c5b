import type { ClassRow } from "../../../../shared/debrief/class";
import type { RoundReport } from "../../../../shared/debrief/report";
import { money, t } from "../../i18n";
import { h } from "../dom";
import { teamColor } from "../teamColors";
import { controlText } from "./format";

/**
 * The podium: the three best teams students played, revealed third, second, first on the projector
 * (at once where motion is unwelcome, and on every other screen); the bots, which are references and
 * not classmates, listed apart.
 */
export function podium(report: RoundReport, rows: readonly ClassRow[], reveal: boolean): HTMLElement {
  const ranked = rows.filter((r) => r.ranked).slice(0, 3);
  const apart = rows.filter((r) => !r.ranked);
  // On stage: second, first, third from left to right; revealed third, second, first.
  const stage = [ranked[1], ranked[0], ranked[2]];
  const delay = (rank: number) => `${(3 - rank) * 1.4}s`;
  const steps = stage.map((r) => r ? h("li", {
    class: `step step-${r.rank}`, testid: `podium-${r.rank}`, style: reveal ? { animationDelay: delay(r.rank) } : {},
  },
    h("span", { class: "place", text: t("debrief.place", { n: r.rank }) }),
    h("span", { class: "who" }, h("span", { class: "swatch", style: { background: teamColor(r.team) }, "aria-hidden": "true" }), r.name),
    h("span", { class: "score", text: money(r.score) }),
    h("span", { class: "block", "aria-hidden": "true" })) : null);
  const winner = ranked[0];
  const again = reveal ? h("button", {
    testid: "podium-reveal", text: t("debrief.reveal"),
    // Restarting a CSS animation: take the class off, let the browser see it gone, put it back.
    onclick: () => { el.classList.remove("reveal"); void el.offsetWidth; el.classList.add("reveal"); },
  }) : null;
  const el = h("section", { class: `panel podium${reveal ? " reveal" : ""}`, testid: "podium" },
    h("div", { class: "row" }, h("h3", { class: "grow", text: t("debrief.podium") }), again),
    winner ? h("p", { class: "sr-only", text: t("debrief.winner", { team: winner.name }) }) : null,
    h("ol", { class: "steps" }, steps),
    apart.length > 0 ? h("div", { class: "apart", testid: "podium-apart" },
      h("h4", { text: t("debrief.notRanked") }),
      h("ul", {}, apart.map((r) => h("li", {},
        h("span", { class: "swatch", style: { background: teamColor(r.team) }, "aria-hidden": "true" }),
        `${r.name} · ${money(r.score)} · ${controlText(report.control[r.team])}`)))) : null);
  return el;
}
