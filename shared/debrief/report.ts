import type { TeamResult } from "../engine/results";
import type { MatchSettings, MatchState } from "../engine/types";
import type { LogEntry } from "../log/format";
import type { RoundSeries } from "./series";
import { teamFacts, type TeamFacts } from "./facts";

/** Everything the debrief screen needs about one round; built by the server and by the replayer. */
export interface RoundReport {
  round: number;
  scenario: MatchSettings["scenario"];
  settings: MatchSettings;
  ticks: number;
  startMinute: number;
  /** When the spike really started (-1 when the scenario has none). */
  spikeStart: number;
  teams: string[];
  results: TeamResult[];
  series: RoundSeries;
  /** Per team: first tick at or after the spike's start when it added capacity (-1: never). */
  reactions: number[];
  /** Per team: count of commands its players (and bot) made. */
  commands: number[];
  /** Per team: what its datacenter ended up like and what happened to it (for the concept cards). */
  facts: TeamFacts[];
}

const SCALING = new Set(["buyServer", "createVm", "deploy", "migrateVm"]);

/** First capacity-adding command of each team once the spike began: how fast each team responded. */
export function reactionTicks(entries: readonly LogEntry[], teams: number, spikeStart: number): number[] {
  const out = new Array<number>(teams).fill(-1);
  if (spikeStart < 0) return out;
  for (const e of entries) {
    if (e.type !== "command" || e.tick < spikeStart || out[e.team] >= 0) continue;
    if (SCALING.has(e.command.type)) out[e.team] = e.tick;
  }
  return out;
}

export function buildReport(round: number, state: MatchState, results: TeamResult[], series: RoundSeries, entries: readonly LogEntry[]): RoundReport {
  const commands = new Array<number>(state.teams.length).fill(0);
  for (const e of entries) if (e.type === "command") commands[e.team]++;
  return {
    round,
    scenario: state.scenario,
    settings: state.settings,
    ticks: state.tick,
    startMinute: state.world.startMinute,
    // A round ended before the spike never had one.
    spikeStart: state.tick > state.world.spikeStart ? state.world.spikeStart : -1,
    teams: state.teams.map((t) => t.name),
    results,
    series,
    reactions: reactionTicks(entries, state.teams.length, state.tick > state.world.spikeStart ? state.world.spikeStart : -1),
    commands,
    facts: state.teams.map((_, i) => teamFacts(state, i, series, entries)),
  };
}
