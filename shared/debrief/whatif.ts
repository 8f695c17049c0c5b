/**
 * "What if": a counterfactual of one team's own round. The round is re-run from its seed with every
 * input as logged up to a chosen minute; from that minute a reference strategy (a bot, which knows
 * only what a player knows) plays the team, in the same demand and under the teacher's incidents.
 *
 * From the handover on only that team is simulated: nothing one team does reaches another in the
 * engine (demand is a function of the seed and the minute; each team has its own datacenter), with
 * one exception kept honest here — the server a teacher's random hardware failure strikes is drawn
 * from one PRNG the teams share, so after the handover that draw may differ from the full re-run.
 * Pure and deterministic: the same log, team, minute and strategy give the same answer everywhere.
 */
import { applyCommand, applyHostAction } from "../engine/api";
import { createMatch } from "../engine/match";
import { teamResult } from "../engine/results";
import { advance } from "../engine/tick";
import type { MatchState } from "../engine/types";
import { makeBot } from "../bots";
import { botSeed } from "../sim/run";
import { isBotSpec } from "../bots/names";
import type { WhatIfOutcome, WhatIfSeries, WhatIfSource, WhatIfSpec } from "./whatifSpec";

export * from "./whatifSpec";

/** The match as it stood at the start of minute `from`: every input before it replayed, every team. */
export function stateAt(src: WhatIfSource, from: number): MatchState {
  const state = createMatch(src.settings, src.seed);
  let cursor = 0;
  const inputs = src.inputs;
  while (state.tick < from) {
    while (cursor < inputs.length && inputs[cursor].tick <= state.tick) {
      const e = inputs[cursor++];
      if (e.tick < state.tick) continue;
      if (e.type === "command") applyCommand(state, e.team, e.command);
      else applyHostAction(state, e.action);
    }
    advance(state);
  }
  return state;
}

/**
 * Plays the team from `start` (the match at minute `spec.from`, left untouched) to the round's end
 * with the strategy in charge. `before` gives the team's own minutes before the handover (the
 * round's series) to complete the curves.
 */
export function runWhatIf(src: WhatIfSource, spec: WhatIfSpec, start: MatchState, before?: WhatIfSeries): WhatIfOutcome {
  if (!isBotSpec(spec.bot)) throw new Error(`unknown strategy "${spec.bot}"`);
  // The team alone, as team 0 of its own match: commands, incidents and events address it by index.
  const team = structuredClone(start.teams[spec.team]);
  team.id = 0;
  const state: MatchState = {
    ...start, teams: [team], events: [], demand: { ...start.demand },
    pendingIncidents: start.pendingIncidents.filter((p) => p.team === null || p.team === spec.team).map((p) => ({ ...p, team: p.team === null ? null : 0 })),
  };
  const bot = makeBot(spec.bot, botSeed(src.seed, spec.team));
  const series: WhatIfSeries = { served: [], dropped: [], cash: [] };
  for (let t = 0; t < spec.from; t++) {
    series.served.push(before?.served[t] ?? 0);
    series.dropped.push(before?.dropped[t] ?? 0);
    series.cash.push(before?.cash[t] ?? 0);
  }
  let skipped = 0;
  let cursor = 0;
  const inputs = src.inputs;
  while (cursor < inputs.length && inputs[cursor].tick < spec.from) cursor++;
  while (state.tick < src.ticks) {
    while (cursor < inputs.length && inputs[cursor].tick <= state.tick) {
      const e = inputs[cursor++];
      if (e.type !== "incident" || e.tick < state.tick) continue;
      const target = e.action.team;
      if (target !== null && target !== spec.team) continue;
      if (!applyHostAction(state, { ...e.action, team: target === null ? null : 0 }).ok) skipped++;
    }
    bot.play({ state, team, act: (command) => applyCommand(state, 0, command) });
    if (!advance(state)) break;
    series.served.push(team.last.served);
    series.dropped.push(team.last.dropped);
    series.cash.push(team.cash);
  }
  const result = { ...teamResult(team), team: spec.team };
  return { spec, result, series, skipped };
}

/** The whole what-if from the inputs alone (no state at hand): replay to the handover, then play it. */
export function whatIf(src: WhatIfSource, spec: WhatIfSpec, before?: WhatIfSeries): WhatIfOutcome {
  return runWhatIf(src, spec, stateAt(src, spec.from), before);
}

