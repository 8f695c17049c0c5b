import { classRows, demandLine, type ClassRow } from "../../../../shared/debrief/class";
import type { RoundReport } from "../../../../shared/debrief/report";
import { money, t } from "../../i18n";
import { lineChart, type LineChart } from "../charts";
import { h } from "../dom";
import { teamColor } from "../teamColors";
import { controlText, pct0, pct1 } from "./format";
import { downloadSummaryPng } from "./png";
import { podium } from "./podium";
import { scatter } from "./scatter";

/** Axis labels a room can read off the projector. */
const BIG_AXES = "600 18px system-ui, sans-serif";

export interface ClassViewOptions {
  /** The reader's team, shown first and marked (null for the teacher). */
  myTeam: number | null;
  /** The teacher may put one team on the projector. */
  spotlight?: (team: number) => void;
  /** Play the podium's reveal (the projector); otherwise it is shown at once. */
  reveal?: boolean;
  download?: boolean;
}

/**
 * The whole class on one screen: the podium (students' teams ranked, bots apart), every team's
 * requests served against the true demand and those turned away, all on one scale, the table of
 * each team's figures, and availability against cost.
 */
export function classView(report: RoundReport, opts: ClassViewOptions): { el: HTMLElement; destroy(): void } {
  const rows = classRows(report);
  const charts: LineChart[] = [];
  const demand = demandLine(report);
  const top = Math.max(1, ...demand);
  const xs = demand.map((_, i) => i);
  const names = report.teams.join(", ");
  // Bots are references, not classmates: their lines say so in the legend.
  const label = (i: number) => (rows.find((r) => r.team === i)?.ranked === false ? `${report.teams[i]} (${t("common.bot")})` : report.teams[i]);
  const served = lineChart([
    { label: t("debrief.demand"), color: "#111418", width: 3, dash: [2, 3] },
    ...report.teams.map((_, i) => ({ label: label(i), color: teamColor(i), width: 3 })),
  ], () => report.startMinute, 300, undefined, true, [0, top], opts.reveal ? BIG_AXES : undefined);
  served.set(xs, [demand, ...report.teams.map((_, i) => report.series.teams[i].served)]);
  const dropped = lineChart(report.teams.map((_, i) => ({ label: label(i), color: teamColor(i), width: 3 })), () => report.startMinute, 240, undefined, true, [0, top], opts.reveal ? BIG_AXES : undefined);
  dropped.set(xs, report.teams.map((_, i) => report.series.teams[i].dropped));
  charts.push(served, dropped);
  const el = h("section", { class: "stack class-debrief", testid: "debrief-class" },
    h("h2", { text: t("debrief.theClass") }),
    podium(report, rows, opts.reveal ?? false),
    h("section", { class: "panel stack" },
      h("h3", { text: t("debrief.classChart") }),
      h("figure", { role: "img", "aria-label": t("debrief.chartAlt", { what: t("debrief.served"), teams: names }), testid: "class-chart" }, served.el),
      h("h3", { text: t("debrief.droppedChart") }),
      h("figure", { role: "img", "aria-label": t("debrief.chartAlt", { what: t("host.dropped"), teams: names }) }, dropped.el)),
    h("section", { class: "panel stack" }, h("h3", { text: t("debrief.table") }), classTable(report, rows, opts),
      h("p", { class: "muted note", text: t("debrief.reactionNote") })),
    h("section", { class: "panel stack" }, h("h3", { text: t("debrief.scatter") }), scatter(report, rows)),
    opts.download ? h("div", { class: "row" },
      h("button", { class: "primary", testid: "download-summary", text: t("debrief.downloadSummary"), onclick: () => void downloadSummaryPng(report) })) : null);
  return { el, destroy: () => charts.forEach((c) => c.destroy()) };
}

function reactionText(row: ClassRow): string {
  if (row.reaction === null) return "—";
  if (row.ready) return "✓";
  return row.reaction >= 0 ? String(row.reaction) : "✗";
}

function classTable(report: RoundReport, rows: ClassRow[], opts: ClassViewOptions): HTMLElement {
  const head = [t("debrief.rank"), t("common.team"), t("debrief.score"), t("debrief.availability"), t("debrief.costPer1k"),
    t("debrief.utilizationH"), t("debrief.occupancyH"), t("debrief.osTax"), t("debrief.reaction"), t("debrief.playedBy")];
  // The reader's team first, then the ranking.
  const ordered = opts.myTeam === null ? rows : [...rows.filter((r) => r.team === opts.myTeam), ...rows.filter((r) => r.team !== opts.myTeam)];
  return h("div", { class: "table-scroll", tabindex: "0" }, h("table", { class: "compare class-table", testid: "debrief-compare" },
    h("thead", {}, h("tr", {}, head.map((x) => h("th", { scope: "col", text: x })), opts.spotlight ? h("th", { scope: "col", text: t("debrief.spotlight") }) : null)),
    h("tbody", {}, ordered.map((r) => h("tr", { class: r.team === opts.myTeam ? "mine" : r.ranked ? "" : "unranked", testid: `class-row-${r.team}` },
      h("td", { text: r.ranked ? String(r.rank) : "—" }),
      h("th", { scope: "row" }, h("span", { class: "swatch", style: { background: teamColor(r.team) }, "aria-hidden": "true" }), r.name,
        r.team === opts.myTeam ? h("small", { text: ` (${t("debrief.yourTeam")})` }) : null),
      h("td", { text: money(r.score) }),
      h("td", { text: pct1(r.availability) }),
      h("td", { text: r.costPer1k >= 0 ? money(r.costPer1k) : "—" }),
      h("td", { text: pct0(r.utilization) }),
      h("td", { text: pct0(r.occupancy) }),
      h("td", { text: (r.osTaxCpu / 1000).toFixed(1) }),
      h("td", { text: reactionText(r) }),
      h("td", { class: "muted", text: controlText(report.control[r.team]) }),
      opts.spotlight ? h("td", {}, h("button", {
        testid: `spotlight-${r.team}`, text: t("debrief.spotlight"), "aria-label": t("debrief.spotlightTeam", { team: r.name }),
        onclick: () => opts.spotlight?.(r.team),
      })) : null)))));
}
