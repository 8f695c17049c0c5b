import { ENGINE_VERSION, stateHash, type TeamResult } from "../engine";
import { HASH_EVERY_TICKS, isInput, type MatchLogFile } from "./format";
import { Replayer, type Divergence } from "./replay";

/**
 * What can be wrong with a log that claims to be a finished round. Each is its own code, so a
 * forged log is told apart from a damaged one and each way around the check fails by name.
 */
export type LogProblem =
  /** Recorded by another engine version: its inputs mean something else here, nothing can be checked. */
  | { code: "engine_version"; log: string; engine: string }
  /** No final hash: nothing ties the log's end (or its results) to a state. */
  | { code: "final_missing" }
  /** The final hash is at a tick the scenario never reaches, so the replay could not check it. */
  | { code: "final_tick_beyond_scenario"; tick: number; ticks: number }
  /** "Ended by time" before the scenario's last minute. */
  | { code: "final_tick_not_end"; tick: number; ticks: number }
  /** Inputs logged after the final tick: the replay would stop before them. */
  | { code: "entries_after_final"; tick: number; final: number }
  /** Checkpoints the server writes every HASH_EVERY_TICKS minutes are not there. */
  | { code: "checkpoints_missing"; ticks: number[] }
  /** An unfinished log with no checkpoint at all: nothing in it can be checked. */
  | { code: "no_checkpoints"; tick: number }
  /** A state hash, the final hash, or an input the engine refused: the replay disagrees. */
  | { code: "diverged"; divergence: Divergence }
  /** The results written in `final` are not the ones the replayed state gives. */
  | { code: "results_mismatch"; team: number; field: string; logged: string; replayed: string };

export interface VerifyOptions {
  /**
   * An unfinished round (exported while it was still being played): no final hash is required,
   * and checkpoints are required up to its last entry.
   */
  partial?: boolean;
}

export interface Verification {
  replayer: Replayer;
  ok: boolean;
  /** The hash the replay reached at its end. */
  finalHash: string;
  problems: LogProblem[];
}

/** Ticks at which the server writes a checkpoint, up to and including `last`. */
function checkpointTicks(last: number): number[] {
  const out: number[] = [];
  for (let t = HASH_EVERY_TICKS; t <= last; t += HASH_EVERY_TICKS) out.push(t);
  return out;
}

/** The first field where two results differ (compared as JSON, so new fields are covered too). */
function firstDifference(logged: unknown, replayed: unknown, path: string): { field: string; logged: string; replayed: string } | null {
  if (typeof logged === "object" && logged !== null && typeof replayed === "object" && replayed !== null) {
    const keys = new Set([...Object.keys(logged), ...Object.keys(replayed)]);
    for (const key of [...keys].sort()) {
      const d = firstDifference((logged as Record<string, unknown>)[key], (replayed as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (d) return d;
    }
    return null;
  }
  if (logged === replayed) return null;
  return { field: path, logged: JSON.stringify(logged) ?? "(none)", replayed: JSON.stringify(replayed) ?? "(none)" };
}

function compareResults(logged: readonly TeamResult[], replayed: readonly TeamResult[]): LogProblem | null {
  const teams = Math.max(logged.length, replayed.length);
  for (let i = 0; i < teams; i++) {
    const d = firstDifference(logged[i], replayed[i], "");
    if (d) return { code: "results_mismatch", team: i, ...d, field: d.field || "(team)" };
  }
  return null;
}

/**
 * Re-simulates a log and checks everything it claims: every checkpoint the server writes is there
 * and matches, the final hash sits at a tick the scenario allows and matches, and the results in
 * `final` are the ones the replay computes.
 */
export function verifyLog(log: MatchLogFile, options: VerifyOptions = {}): Verification {
  const replayer = new Replayer(log);
  if (log.header.engineVersion !== ENGINE_VERSION) {
    return { replayer, ok: false, finalHash: stateHash(replayer.state), problems: [{ code: "engine_version", log: log.header.engineVersion, engine: ENGINE_VERSION }] };
  }
  replayer.runToEnd();
  const problems: LogProblem[] = [];
  const ticks = replayer.state.world.ticks;
  const final = log.final;
  const lastInput = log.entries.filter(isInput).reduce((m, e) => Math.max(m, e.tick), 0);

  if (!final) {
    if (!options.partial) problems.push({ code: "final_missing" });
  } else if (final.tick > ticks) {
    problems.push({ code: "final_tick_beyond_scenario", tick: final.tick, ticks });
  } else {
    if (final.endedBy === "time" && final.tick !== ticks) problems.push({ code: "final_tick_not_end", tick: final.tick, ticks });
    if (lastInput > final.tick) problems.push({ code: "entries_after_final", tick: lastInput, final: final.tick });
  }

  const end = final ? Math.min(final.tick, ticks) : Math.min(replayer.state.tick, ticks);
  const logged = new Set(log.entries.filter((e) => e.type === "hash").map((e) => e.tick));
  const missing = checkpointTicks(end).filter((t) => !logged.has(t));
  if (missing.length > 0) problems.push({ code: "checkpoints_missing", ticks: missing });
  else if (!final && options.partial && logged.size === 0) problems.push({ code: "no_checkpoints", tick: end });

  if (replayer.divergence) problems.push({ code: "diverged", divergence: replayer.divergence });
  else if (final && final.tick <= ticks) {
    const mismatch = compareResults(final.results, replayer.results());
    if (mismatch) problems.push(mismatch);
  }
  return { replayer, ok: problems.length === 0, finalHash: stateHash(replayer.state), problems };
}
