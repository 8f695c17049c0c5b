import type { RoundReport } from "../../shared/debrief/report";
import type { LogEntry, LogFinal, LogHeader, MatchLogFile } from "../../shared/log/format";

/**
 * Where sessions, rounds, match logs and share links are kept. Two implementations behind one
 * interface: SQLite in DATA_DIR (the default, one machine) and PostgreSQL (DATABASE_URL, any number
 * of server processes). Every method is asynchronous because PostgreSQL is; the SQLite one does its
 * work synchronously and returns settled promises.
 *
 * The guarantee both keep: a tick's entries are committed in one write together with the tick
 * reached (`appendTick`), so after a crash the stored log and the stored progress agree and
 * replaying to the stored tick rebuilds exactly what was played.
 */
export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** Where the data is, for logs and messages (a path, or the database URL without its password). */
  readonly where: string;
  close(): Promise<void>;

  /** False when the code is already taken by a stored session (the caller picks another). */
  createSession(code: string, hostSecretHash: string, practice: boolean, createdAt: string): Promise<boolean>;
  session(code: string): Promise<SessionRow | null>;
  saveSnapshot(code: string, snapshot: unknown): Promise<void>;
  endSession(code: string, endedAt: string): Promise<void>;
  deleteSession(code: string): Promise<void>;
  /** Sessions not ended: their rooms can be rebuilt. */
  openSessions(): Promise<string[]>;

  /**
   * A new round, written by `owner` (a token of the room that plays it). Only the owner's
   * `appendTick` calls are accepted, so a room that was moved to another process cannot go on
   * writing into the log its successor continues.
   */
  startRound(id: string, session: string, header: LogHeader, owner: string): Promise<void>;
  /** Makes `owner` the round's writer (a round rebuilt after a crash or a handover). */
  claimRound(id: string, owner: string): Promise<void>;
  /**
   * One atomic write: the entries (in order, after those already stored) and, when given, the tick
   * the round reached. Rejects with `LostOwnership` when `owner` is no longer the round's writer.
   */
  appendTick(id: string, owner: string, entries: readonly LogEntry[], tick: number | null): Promise<void>;
  /**
   * An input acknowledged to its sender as queued for `input.tick`. `appendTick` forgets those of
   * ticks before the tick it stores (they were played), so after a crash the ones left for the last
   * stored tick or later are exactly the acknowledged inputs that were never played.
   */
  queueInput(id: string, input: QueuedRow): Promise<void>;
  /** The inputs queued for `fromTick` or later (see queueInput); every queued input of the round is then forgotten. */
  takeQueued(id: string, fromTick: number): Promise<QueuedRow[]>;
  /** Forgets every queued input of the round (they were answered some other way). */
  clearQueued(id: string): Promise<void>;
  saveReport(id: string, report: RoundReport): Promise<void>;
  finishRound(id: string, final: LogFinal, report: RoundReport | null, endedAt: string): Promise<void>;
  discardRound(id: string): Promise<void>;
  round(id: string): Promise<RoundRow | null>;
  rounds(session: string): Promise<RoundRow[]>;
  report(id: string): Promise<RoundReport | null>;
  /** The round's match log as exported: header, every entry in order, and the final hash. */
  exportLog(id: string): Promise<MatchLogFile | null>;

  createShare(round: string, createdAt: string): Promise<string>;
  shares(round: string): Promise<{ id: string; createdAt: string }[]>;
  revokeShare(round: string, id: string): Promise<boolean>;
  sharedRound(id: string): Promise<string | null>;
}

export interface QueuedRow {
  tick: number;
  seat: number;
  /** The sender's request id. */
  request: number;
  command: unknown;
}

export interface SessionRow {
  code: string;
  hostSecretHash: string;
  practice: boolean;
  createdAt: string;
  endedAt: string | null;
  /** The room's own snapshot for recovery: roster, teams, bots, config (see rooms/persistence). */
  snapshot: unknown;
}

export interface RoundRow {
  id: string;
  session: string;
  number: number;
  scenario: string;
  startedAt: string;
  endedAt: string | null;
  /** running: being played (or interrupted by a crash); finished: has a final hash. */
  status: "running" | "finished";
  teams: string[];
  winner: string | null;
  lastTick: number;
}

/** A write refused because another room has taken the round over (see `Store.startRound`). */
export class LostOwnership extends Error {
  constructor(readonly round: string) {
    super(`round ${round} is now written by another room`);
    this.name = "LostOwnership";
  }
}

/** What both implementations store per round, turned into the row the API lists. */
export function roundRow(r: {
  id: string; session: string; number: number; scenario: string; startedAt: string; endedAt: string | null;
  status: string; header: string; final: string | null; lastTick: number;
}): RoundRow {
  const header = JSON.parse(r.header) as LogHeader;
  const final = r.final ? (JSON.parse(r.final) as LogFinal) : null;
  // The winner the debrief names: the best team students played (bots are references, not
  // classmates; see shared/debrief/class.ts), or the best of all in a round nobody played.
  const seated = new Set(header.roster.filter((p) => p.role === "student").map((p) => p.team));
  const students = final ? final.results.filter((r) => seated.has(r.team)) : [];
  const best = final ? [...(students.length > 0 ? students : final.results)].sort((a, b) => b.score - a.score)[0] : undefined;
  return {
    id: r.id, session: r.session, number: r.number, scenario: r.scenario, startedAt: r.startedAt, endedAt: r.endedAt,
    status: r.status === "finished" ? "finished" : "running", teams: header.settings.teams,
    winner: best ? best.name : null, lastTick: r.lastTick,
  };
}

/** A database URL as it may be printed: without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable database URL)";
  }
}
