import type { Command, HostAction } from "../engine/commands";
import type { TeamResult } from "../engine/results";
import type { MatchSettings } from "../engine/types";
import type { Role } from "../protocol/phases";
import { ENGINE_VERSION } from "../engine/data";
import { hashValue } from "../engine/hash";
import { SCENARIOS } from "../scenarios";

/**
 * A match log is a header plus every input in the order it was applied (after Pokémon Showdown's
 * input logs): replaying the inputs through the engine from the header's seed rebuilds the match.
 * Bump the format version on any change that an older reader would misread.
 */
export const LOG_FORMAT_VERSION = 1;
/** A state hash is logged every this many ticks, so a replay can say where it diverged. */
export const HASH_EVERY_TICKS = 60;

export interface RosterEntry {
  seat: number;
  nickname: string;
  role: Role;
  team: number;
}

export interface LogHeader {
  format: typeof LOG_FORMAT_VERSION;
  engineVersion: string;
  scenario: MatchSettings["scenario"];
  /** Hash of the scenario's content: a replay with a different scenario file is caught up front. */
  scenarioHash: string;
  seed: number;
  settings: MatchSettings;
  /** Seats at the start of the round (joins, leaves and moves follow as entries). */
  roster: RosterEntry[];
  room: string;
  round: number;
  /** ISO time the round started (wall clock, for listing only; the engine never reads it). */
  startedAt: string;
  /** Bot playing each team at the start, null for humans. */
  bots: (string | null)[];
}

/** Inputs (replayed) and annotations (shown on the timeline, ignored by the engine). */
export type LogEntry =
  | { tick: number; type: "command"; seat: number; team: number; command: Command }
  | { tick: number; type: "incident"; seat: number; action: HostAction }
  | { tick: number; type: "hash"; hash: string }
  | { tick: number; type: "join" | "leave"; seat: number; nickname: string; team: number }
  | { tick: number; type: "move"; seat: number; team: number }
  | { tick: number; type: "bot"; team: number; bot: string | null }
  | { tick: number; type: "pause" | "resume" }
  /**
   * The server stopped during the round: a shutdown (written as it stopped) or a crash (written when
   * the round was rebuilt, at the last tick stored). `recover` follows when the room is rebuilt, with
   * how many acknowledged inputs were never played.
   */
  | { tick: number; type: "stop"; cause: "shutdown" | "crash" }
  | { tick: number; type: "recover"; lost: number };

export interface LogFinal {
  tick: number;
  hash: string;
  endedBy: "time" | "host" | "recovered";
  results: TeamResult[];
}

export interface MatchLogFile {
  header: LogHeader;
  entries: LogEntry[];
  final: LogFinal | null;
}

/** Entries the engine must see again, in order, when replaying. */
export function isInput(e: LogEntry): e is Extract<LogEntry, { type: "command" | "incident" }> {
  return e.type === "command" || e.type === "incident";
}

/** The header for a new match (the server and the simulator both start logs with it). */
export function newLogHeader(h: Omit<LogHeader, "format" | "engineVersion" | "scenario" | "scenarioHash">): LogHeader {
  return {
    format: LOG_FORMAT_VERSION,
    engineVersion: ENGINE_VERSION,
    scenario: h.settings.scenario,
    scenarioHash: hashValue(SCENARIOS[h.settings.scenario]),
    ...h,
  };
}
