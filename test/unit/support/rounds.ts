/**
 * Scripted rounds for the debrief's tests: a match log written by hand (commands and the teacher's
 * incidents at given minutes), replayed through the engine as the replay viewer does, to the report.
 */
import { expect } from "vitest";
import type { Command, HostAction } from "../../../shared/engine/commands";
import { createMatch } from "../../../shared/engine/match";
import type { LayerKind } from "../../../shared/engine/data";
import { buildReport, type RoundReport } from "../../../shared/debrief/report";
import { emptySeries, recordTick } from "../../../shared/debrief/series";
import { RoundTracker } from "../../../shared/debrief/track";
import { results } from "../../../shared/engine/results";
import type { MatchSettings } from "../../../shared/engine/types";
import { playLogged } from "../../../shared/sim/log";
import { startBotMatch } from "../../../shared/sim/run";
import { newLogHeader, type LogEntry, type MatchLogFile } from "../../../shared/log/format";
import { Replayer } from "../../../shared/log/replay";
import type { ScenarioId } from "../../../shared/scenarios";

export type Step = LogEntry;

/** A team's command at a minute (seat 1 for team 0, seat 2 for team 1 …). */
export function cmd(tick: number, command: Command, team = 0): LogEntry {
  return { tick, type: "command", seat: team + 1, team, command };
}

/** The teacher's incident at a minute. */
export function incident(tick: number, action: Omit<HostAction, "type">): LogEntry {
  return { tick, type: "incident", seat: 0, action: { type: "incident", ...action } as HostAction };
}

export interface RoundSpec {
  scenario?: ScenarioId;
  teams?: number;
  seed?: number;
  unlocks?: LayerKind[];
  scriptedIncidents?: boolean;
  /** Demand in percent of the scenario's. */
  traffic?: number;
  /** The minute the round stops at (the report is built there). */
  end: number;
  steps: LogEntry[];
}

function settingsOf(spec: RoundSpec) {
  const teams = Array.from({ length: spec.teams ?? 1 }, (_, i) => `team ${i + 1}`);
  return {
    scenario: spec.scenario ?? "free-play", teams, scriptedIncidents: spec.scriptedIncidents ?? false,
    ...(spec.unlocks ? { unlocks: spec.unlocks } : {}),
    ...(spec.traffic ? { trafficPct: spec.traffic } : {}),
  } as const;
}

/** The tick the spike really starts at for a round's seed (scripts schedule moves around it). */
export function spikeStartOf(spec: Omit<RoundSpec, "steps" | "end">): number {
  return createMatch(settingsOf({ ...spec, end: 0, steps: [] }), spec.seed ?? 1).world.spikeStart;
}

export function playRound(spec: RoundSpec): RoundReport {
  const steps = [...spec.steps].sort((a, b) => a.tick - b.tick);
  const log: MatchLogFile = {
    header: newLogHeader({
      seed: spec.seed ?? 1, settings: settingsOf(spec), room: "TEST", round: 1, startedAt: "2026-01-01T00:00:00.000Z", bots: [],
      roster: Array.from({ length: spec.teams ?? 1 }, (_, i) => ({ seat: i + 1, nickname: `p${i + 1}`, role: "student" as const, team: i })),
    }),
    entries: steps,
    final: null,
  };
  const replayer = new Replayer(log, spec.end);
  replayer.runToEnd();
  // Every scripted command is one the engine accepts: a refused one would test nothing.
  expect(replayer.divergence).toBeNull();
  return replayer.report();
}

/** A bot match played to the end, its log, and its report built as the server builds it (tracked while played). */
export function botRound(scenario: ScenarioId, bots: readonly string[], seed: number, extra: Partial<MatchSettings> = {}): { log: MatchLogFile; report: RoundReport } {
  const match = startBotMatch(scenario, bots, seed, extra);
  const series = emptySeries(bots.length);
  const tracker = new RoundTracker(bots.length);
  const log = playLogged(match, bots, "2026-01-01T00:00:00.000Z", (run) => {
    run();
    recordTick(series, match.state);
    tracker.noteTick(match.state);
  });
  const report = buildReport({
    round: 1, state: match.state, results: results(match.state), series, facts: tracker.facts(), entries: log.entries,
    roster: log.header.roster, bots: log.header.bots,
  });
  return { log, report };
}
