/**
 * The class on one screen: each team's round in the figures a class compares (availability, cost
 * per 1,000 requests served, utilization, occupancy, OS tax, reaction), students ranked together
 * and bots apart (a bot is a reference, not a classmate).
 */
import { APPS } from "../engine/data";
import { netCost } from "./money";
import type { RoundReport } from "./report";

export interface ClassRow {
  team: number;
  name: string;
  /** 1, 2, … among the teams students played; 0 for bots and teams nobody played. */
  rank: number;
  ranked: boolean;
  score: number;
  availability: number;
  served: number;
  dropped: number;
  /** Net cost of the round per 1,000 requests served, in cents (-1 when nothing was served). */
  costPer1k: number;
  utilization: number;
  occupancy: number;
  osTaxCpu: number;
  /** Minutes from the spike to the first capacity added (-1: none, null: no spike) … */
  reaction: number | null;
  /** … unless it could already serve the spike's peak when it hit. */
  ready: boolean;
}

/** Students' teams (played by students at least part of the round) are ranked; bots and empty teams are not. */
export function isRanked(report: RoundReport, team: number): boolean {
  const kind = report.control[team]?.kind ?? "students";
  return kind === "students" || kind === "mixed";
}

export function classRows(report: RoundReport): ClassRow[] {
  // With no students at all (a bot match, a replay of one) every team is ranked: there is no class to set apart.
  const anyStudents = report.results.some((r) => isRanked(report, r.team));
  const rows = report.results.map((r): ClassRow => {
    const served = report.series.teams[r.team]?.served.reduce((a, b) => a + b, 0) ?? 0;
    const s = report.spike[r.team];
    return {
      team: r.team, name: r.name, rank: 0, ranked: !anyStudents || isRanked(report, r.team), score: r.score, availability: r.availability,
      served, dropped: r.dropped, costPer1k: served > 0 ? Math.round((netCost(r, report.budget, report.scenario) * 1000) / served) : -1,
      utilization: r.utilization, occupancy: r.occupancy, osTaxCpu: r.osTaxCpu, reaction: s ? s.reaction : null,
      ready: s !== null && s.ready,
    };
  });
  const order = [...rows].sort((a, b) => Number(b.ranked) - Number(a.ranked) || b.score - a.score || a.team - b.team);
  // Equal scores share a place (1, 1, 3): a podium should not split a tie by team order.
  let n = 0;
  let last: ClassRow | null = null;
  for (const row of order) {
    if (!row.ranked) continue;
    n++;
    row.rank = last && last.score === row.score ? last.rank : n;
    last = row;
  }
  return order;
}

/** The users' demand a minute (every front-end app), the same for every team. */
export function demandLine(report: RoundReport): number[] {
  const out = new Array<number>(report.ticks).fill(0);
  for (const a of report.apps) {
    if (APPS[a].role !== "frontend") continue;
    const d = report.series.demand[a] ?? [];
    for (let t = 0; t < report.ticks; t++) out[t] += d[t] ?? 0;
  }
  return out;
}
