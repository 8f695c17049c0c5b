import { resaleValue } from "./actions";
import type { Ledger, MatchState, Team } from "./types";

export interface TeamResult {
  team: number;
  name: string;
  /** Cash plus what the servers still owned would sell for. */
  score: number;
  cash: number;
  resale: number;
  /** Share of users' requests served, in basis points (10000 = 100 %). */
  availability: number;
  dropped: number;
  droppedPeak: number;
  droppedPeakTick: number;
  /** CPU doing useful work vs CPU reserved, over owned capacity, in basis points. */
  utilization: number;
  occupancy: number;
  /** Average CPU (millicores) and memory (MiB) held by operating systems, hypervisors and engines. */
  osTaxCpu: number;
  osTaxMem: number;
  licenceSpend: number;
  ledger: Ledger;
  spikeFirstDrop: number;
  spikeRecovered: number;
}

const bp = (part: number, whole: number) => (whole > 0 ? Math.trunc((part * 10000) / whole) : 0);

export function teamResult(team: Team): TeamResult {
  const s = team.stats;
  const resale = team.servers.reduce((sum, server) => sum + resaleValue(server), 0);
  return {
    team: team.id,
    name: team.name,
    score: team.cash + resale,
    cash: team.cash,
    resale,
    availability: s.demand > 0 ? bp(s.served, s.demand) : 10000,
    dropped: s.dropped,
    droppedPeak: s.droppedPeak,
    droppedPeakTick: s.droppedPeakTick,
    utilization: bp(s.usefulCpu, s.capacityCpu),
    occupancy: bp(s.reservedCpu, s.capacityCpu),
    osTaxCpu: s.ticks > 0 ? Math.trunc(s.osTaxCpu / s.ticks) : 0,
    osTaxMem: s.ticks > 0 ? Math.trunc(s.osTaxMem / s.ticks) : 0,
    licenceSpend: team.ledger.licences + team.ledger.hypervisorLicences,
    ledger: { ...team.ledger },
    spikeFirstDrop: s.spikeFirstDrop,
    spikeRecovered: s.spikeRecovered,
  };
}

export function results(state: MatchState): TeamResult[] {
  return state.teams.map(teamResult);
}

/** Teams best first; ties broken by team order so the ranking is stable. */
export function ranking(state: MatchState): TeamResult[] {
  return results(state).sort((a, b) => b.score - a.score || a.team - b.team);
}
