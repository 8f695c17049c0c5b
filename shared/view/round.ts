import type { MatchState } from "../engine/types";
import type { RoundRow } from "./rows";

/** The world of a round, as shown from its briefing on. */
export function roundRow(state: MatchState, number: number, tickRate: number): RoundRow {
  const w = state.world;
  return {
    number, scenario: state.scenario, ticks: w.ticks, startMinute: w.startMinute, budget: w.budget, cashFloor: w.cashFloor,
    unlocks: [...w.unlocks], apps: [...w.apps], trafficPct: w.trafficPct, paymentIsolation: w.paymentIsolation, rent: w.rent, tickRate,
  };
}

/** Requests per tick per app of the round (the same for every team). */
export function demandRow(state: MatchState): Map<string, number> {
  return new Map(state.world.apps.map((a) => [a, state.demand[a]]));
}
