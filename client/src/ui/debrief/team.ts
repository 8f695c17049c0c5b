import { classRows } from "../../../../shared/debrief/class";
import { teamCards } from "../../../../shared/debrief/cards";
import type { RoundReport } from "../../../../shared/debrief/report";
import { money, t } from "../../i18n";
import type { ServerView } from "../../model/types";
import { lineChart, type LineChart } from "../charts";
import { h } from "../dom";
import { drawMinimap } from "../host/minimap";
import { teamColor } from "../teamColors";
import { cardEl } from "./cards";
import { controlText, pct0, pct1 } from "./format";
import { downloadTeamPng } from "./png";
import { moneyWaterfall } from "./waterfall";
import { whatIfPanel, type WhatIfPanel } from "./whatIf";

export interface TeamDebriefOptions {
  /** The team's racks at the end of the round, when this page has them. */
  racks?: readonly ServerView[];
  /** Heading level of the team's name (2 on a student's page, 3 inside the class view). */
  level?: 2 | 3;
  /** Axis labels for the projector. */
  big?: boolean;
  /** Compute the what-if on opening (true for the reader's own team). */
  whatIf?: boolean;
  download?: boolean;
}

/**
 * One team's round: its headline numbers, where its money went, the cards with its own numbers and
 * the question each one puts to the class, what if another strategy had taken over, and its racks.
 */
export function teamDebrief(report: RoundReport, team: number, opts: TeamDebriefOptions = {}): { el: HTMLElement; destroy(): void } {
  const r = report.results[team];
  const row = classRows(report).find((x) => x.team === team);
  const charts: LineChart[] = [];
  let whatIf: WhatIfPanel | null = null;
  const s = report.series.teams[team];
  const chart = lineChart([
    { label: t("debrief.utilization"), color: "#0072b2", width: 2 },
    { label: t("debrief.occupancy"), color: "#b35c00", width: 2, dash: [6, 4] },
  ], () => report.startMinute, opts.big ? 240 : 170, (v) => `${Math.round(v)}%`, true, undefined, opts.big ? "600 18px system-ui, sans-serif" : undefined);
  charts.push(chart);
  chart.set(s.utilization.map((_, i) => i), [s.utilization.map((v) => v / 100), s.occupancy.map((v) => v / 100)]);
  const cards = teamCards(report, team);
  const heading = opts.level === 3 ? "h3" : "h2";
  const sub = opts.level === 3 ? "h4" : "h3";
  const ranked = classRows(report).filter((x) => x.ranked).length;
  const rank = row?.ranked && row.rank > 0 ? ` · ${t("debrief.rankOf", { n: row.rank, of: ranked })}` : "";
  const racks = opts.racks && opts.racks.length > 0 ? h("canvas", { class: "racks", testid: `debrief-racks-${team}`, role: "img", "aria-label": t("debrief.racks") }) : null;
  const el = h("section", { class: "panel stack team-debrief", testid: `debrief-team-${team}`, style: { borderTop: `6px solid ${teamColor(team)}` } },
    h(heading, { class: "team-name" }, h("span", { class: "swatch", style: { background: teamColor(team) }, "aria-hidden": "true" }), `${report.teams[team]} · ${money(r.score)}${rank}`),
    h("div", { class: "row" },
      h("span", { class: "pill", text: `${t("debrief.availability")} ${pct1(r.availability)}` }),
      row && row.costPer1k >= 0 ? h("span", { class: "pill", text: `${t("debrief.costPer1k")} ${money(row.costPer1k)}` }) : null,
      h("span", { class: "pill", text: `${t("debrief.utilizationH")} ${pct0(r.utilization)} · ${t("debrief.occupancy")} ${pct0(r.occupancy)}` }),
      h("span", { class: "pill", text: `${t("debrief.osTax")} ${(r.osTaxCpu / 1000).toFixed(1)}` }),
      h("span", { class: "pill muted", text: `${t("debrief.playedBy")}: ${controlText(report.control[team])}` })),
    h("div", { class: "team-grid-2" },
      h("div", { class: "stack" }, h(sub, { text: t("debrief.money") }), moneyWaterfall(report, team)),
      h("div", { class: "stack" }, h(sub, { text: t("debrief.util") }),
        h("figure", { role: "img", "aria-label": t("debrief.chartAlt", { what: `${t("debrief.utilization")} / ${t("debrief.occupancy")}`, teams: report.teams[team] }) }, chart.el),
        racks ? h(sub, { text: t("debrief.racks") }) : null, racks)),
    h(sub, { text: t("debrief.cards") }),
    cards.length > 0
      ? h("div", { class: "cards", testid: `debrief-cards-${team}` }, cards.map((c) => cardEl(c, report, team)))
      : h("p", { class: "muted", testid: `debrief-cards-${team}`, text: t("debrief.noCards") }),
    (whatIf = whatIfPanel(report, team, { autorun: opts.whatIf ?? false })).el,
    opts.download ? h("div", { class: "row" }, h("button", { testid: `download-team-${team}`, text: t("debrief.downloadTeam"), onclick: () => void downloadTeamPng(report, team) })) : null);
  if (racks && opts.racks) {
    const servers = opts.racks;
    // Drawn once the canvas has its size on the page.
    requestAnimationFrame(() => drawMinimap(racks, servers, report.ticks));
  }
  return { el, destroy: () => { charts.forEach((c) => c.destroy()); whatIf?.destroy(); } };
}
