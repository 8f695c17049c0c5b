import { APP_IDS, type AppId } from "../engine/data";
import type { MatchState } from "../engine/types";
import { incidentRow } from "../view/feed";
import type { BannerRow } from "../view/rows";

/** What each team did, tick by tick: the charts and the debrief are drawn from this. */
export interface TeamSeries {
  served: number[];
  dropped: number[];
  cash: number[];
  /** Basis points of owned CPU: doing useful work, and reserved. */
  utilization: number[];
  occupancy: number[];
  osTaxCpu: number[];
  /** Capacity per app (requests per tick), to see when a team scaled. */
  capacity: Record<AppId, number[]>;
}

/** An incident as it landed on a team: the same row as its banner (see `BannerState` under Synced state; `kind` is the incident kind). */
export type IncidentRecord = BannerRow;

export interface RoundSeries {
  /** Demand per app, the same for every team. */
  demand: Record<AppId, number[]>;
  teams: TeamSeries[];
  /** Every incident as it landed on each team (scripted or the teacher's). */
  incidents: IncidentRecord[];
}

const bp = (part: number, whole: number) => (whole > 0 ? Math.trunc((part * 10000) / whole) : 0);

function perApp(): Record<AppId, number[]> {
  return Object.fromEntries(APP_IDS.map((a) => [a, [] as number[]])) as Record<AppId, number[]>;
}

export function emptySeries(teams: number): RoundSeries {
  return {
    demand: perApp(),
    incidents: [],
    teams: Array.from({ length: teams }, () => ({
      served: [], dropped: [], cash: [], utilization: [], occupancy: [], osTaxCpu: [], capacity: perApp(),
    })),
  };
}

/** Appends the tick just played (call after each advance). */
export function recordTick(series: RoundSeries, state: MatchState): void {
  for (const a of state.world.apps) series.demand[a].push(state.demand[a]);
  for (const e of state.events) {
    if (e.kind === "incident") series.incidents.push(incidentRow(e, state.tick - 1));
  }
  state.teams.forEach((team, i) => {
    const s = series.teams[i];
    const f = team.last;
    s.served.push(f.served);
    s.dropped.push(f.dropped);
    s.cash.push(team.cash);
    s.utilization.push(bp(f.usefulCpu, f.capacityCpu));
    s.occupancy.push(bp(f.reservedCpu, f.capacityCpu));
    s.osTaxCpu.push(f.osTaxCpu);
    for (const a of state.world.apps) s.capacity[a].push(team.traffic[a].capacity);
  });
}

/** Only the series of one team (what a student is sent when joining mid-round). */
export function seriesForTeam(series: RoundSeries, team: number): RoundSeries {
  return {
    demand: series.demand,
    incidents: series.incidents.filter((x) => x.team === team),
    teams: series.teams.map((t, i) => (i === team ? t : emptySeries(1).teams[0])),
  };
}
