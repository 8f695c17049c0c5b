import { conceptCards } from "../../../shared/debrief/cards";
import type { RoundReport } from "../../../shared/debrief/report";
import { clock, localized, money, t } from "../i18n";
import { lineChart, type LineChart } from "./charts";
import { h } from "./dom";
import { teamColor } from "./teamColors";

const MONEY_ROWS: { key: keyof RoundReport["results"][number]["ledger"]; color: string; sign: 1 | -1 }[] = [
  { key: "revenue", color: "#009e73", sign: 1 },
  { key: "resale", color: "#56b4e9", sign: 1 },
  { key: "servers", color: "#0072b2", sign: -1 },
  { key: "rent", color: "#7f3c8d", sign: -1 },
  { key: "licences", color: "#cc79a7", sign: -1 },
  { key: "hypervisorLicences", color: "#a5487d", sign: -1 },
  { key: "power", color: "#e69f00", sign: -1 },
  { key: "penalties", color: "#d55e00", sign: -1 },
  { key: "fines", color: "#000000", sign: -1 },
];

function moneyBars(report: RoundReport, team: number): HTMLElement {
  const ledger = report.results[team].ledger;
  const max = Math.max(1, ...MONEY_ROWS.map((r) => ledger[r.key]));
  return h("div", { class: "bars", testid: `debrief-money-${team}` }, MONEY_ROWS.map((row) => h("div", { class: "bar" },
    h("span", { text: t(`debrief.${row.key}`) }),
    h("div", { class: "track" }, h("div", { class: "fill", style: { width: `${(ledger[row.key] * 100) / max}%`, background: row.color } })),
    h("b", { style: { textAlign: "right" }, text: `${row.sign < 0 ? "−" : "+"}${money(ledger[row.key])}` }))));
}

function spikeText(report: RoundReport, team: number): string[] {
  if (report.spikeStart < 0) return [];
  const r = report.results[team];
  const at = (tick: number) => clock(report.startMinute + tick);
  const lines = [t("debrief.spikeAt", { time: at(report.spikeStart) })];
  const reaction = report.reactions[team];
  const name = report.teams[team];
  lines.push(reaction >= 0 ? t("debrief.reacted", { team: name, time: at(reaction), n: reaction - report.spikeStart }) : t("debrief.noReaction", { team: name }));
  lines.push(r.spikeFirstDrop >= 0 ? t("debrief.firstDrop", { time: at(r.spikeFirstDrop), back: r.spikeRecovered >= 0 ? at(r.spikeRecovered) : "—" }) : t("debrief.neverDropped"));
  return lines;
}

/** One team's round: money, OS tax, utilization against occupancy, the spike, and its concept cards. */
function teamSection(report: RoundReport, team: number, charts: LineChart[]): HTMLElement {
  const r = report.results[team];
  const s = report.series.teams[team];
  const chart = lineChart([
    { label: t("debrief.utilization"), color: "#0072b2", width: 2 },
    { label: t("debrief.occupancy"), color: "#e69f00", width: 2, dash: [6, 4] },
  ], () => report.startMinute, 170, (v) => `${Math.round(v)}%`);
  charts.push(chart);
  const xs = (s?.utilization ?? []).map((_, i) => i);
  chart.set(xs, [(s?.utilization ?? []).map((v) => v / 100), (s?.occupancy ?? []).map((v) => v / 100)]);
  const cards = conceptCards(report, team);
  return h("section", { class: "panel stack", testid: `debrief-team-${team}`, style: { borderTop: `6px solid ${teamColor(team)}` } },
    h("h2", { text: `${report.teams[team]} · ${money(r.score)}` }),
    h("div", { class: "row" },
      h("span", { class: "pill", text: `${t("debrief.availability")} ${(r.availability / 100).toFixed(1)}%` }),
      h("span", { class: "pill", text: `${t("debrief.osTax")}: ${(r.osTaxCpu / 1000).toFixed(1)}` }),
      h("span", { class: "pill", text: `${t("debrief.utilization")} ${(r.utilization / 100).toFixed(0)}% · ${t("debrief.occupancy")} ${(r.occupancy / 100).toFixed(0)}%` })),
    h("h3", { text: t("debrief.money") }), moneyBars(report, team),
    h("h3", { text: t("debrief.util") }), chart.el,
    report.spikeStart >= 0 ? h("h3", { text: t("debrief.spike") }) : null,
    h("ul", { testid: `debrief-spike-${team}` }, spikeText(report, team).map((l) => h("li", { text: l }))),
    h("h3", { text: t("debrief.cards") }),
    h("div", { class: "cards", testid: `debrief-cards-${team}` }, cards.map((c) => h("article", { class: "panel card", testid: `card-${c.id}` },
      h("h3", { text: t(`card.${c.id}-title`) }),
      h("p", { text: localized(`card.${c.body ?? `${c.id}-body`}`, c.params) })))));
}

function compareTable(reports: readonly RoundReport[], teams: number[] | null): HTMLElement {
  const rows = reports.flatMap((rep) => rep.results
    .filter((r) => teams === null || teams.includes(r.team))
    .map((r) => h("tr", {},
      h("td", { text: String(rep.round) }),
      h("td", { text: `${t(`scenario.${rep.scenario}`)} (${(rep.settings.unlocks ?? []).map((l) => t(`layer.${l}`)).join(", ")})` }),
      h("td", { text: rep.teams[r.team] }),
      h("td", { text: money(r.score) }),
      h("td", { text: `${(r.availability / 100).toFixed(1)}%` }),
      h("td", { text: `${(r.utilization / 100).toFixed(0)}% / ${(r.occupancy / 100).toFixed(0)}%` }),
      h("td", { text: (r.osTaxCpu / 1000).toFixed(1) }))));
  return h("table", { class: "compare", testid: "debrief-compare" },
    h("thead", {}, h("tr", {}, ["round", "scenario"].map((k) => h("th", { text: t(`debrief.${k}`) })), h("th", { text: t("common.team") }),
      h("th", { text: t("debrief.score") }), h("th", { text: t("debrief.availability") }), h("th", { text: `${t("debrief.utilization")} / ${t("debrief.occupancy")}` }), h("th", { text: t("play.osTax") }))),
    h("tbody", {}, rows));
}

/**
 * After a round: for a student, their team first and the other teams after; for the teacher, every
 * team. Rounds can be compared (round 2 with VMs against round 3 with containers).
 */
export function debriefView(reports: readonly RoundReport[], myTeam: number | null): { el: HTMLElement; destroy(): void } {
  const charts: LineChart[] = [];
  const report = reports[reports.length - 1];
  if (!report) return { el: h("main", { class: "debrief", testid: "debrief-view" }), destroy: () => {} };
  const order = report.results.map((r) => r.team).sort((a, b) => (a === myTeam ? -1 : b === myTeam ? 1 : report.results[b].score - report.results[a].score));
  const winner = [...report.results].sort((a, b) => b.score - a.score)[0];
  const el = h("main", { class: "debrief", testid: "debrief-view" },
    h("h1", { text: t("debrief.title", { round: report.round }) }),
    h("p", { style: { fontSize: "1.3rem" }, testid: "debrief-winner", text: t("debrief.winner", { team: report.teams[winner.team] }) }),
    // A student reads their own team; the others fold away until opened.
    order.map((team) => (myTeam === null || team === myTeam
      ? teamSection(report, team, charts)
      : h("details", { class: "panel", testid: `debrief-other-${team}` },
        h("summary", { style: { fontWeight: "700", fontSize: "1.1rem" }, text: `${report.teams[team]} · ${money(report.results[team].score)}` }),
        teamSection(report, team, charts)))),
    reports.length > 1 ? h("section", { class: "panel" }, h("h2", { text: t("debrief.compare") }), compareTable(reports, myTeam === null ? null : [myTeam])) : null);
  return { el, destroy: () => charts.forEach((c) => c.destroy()) };
}
