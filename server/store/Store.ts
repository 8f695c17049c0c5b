import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import type { RoundReport } from "../../shared/debrief/report";
import type { LogEntry, LogFinal, LogHeader, MatchLogFile } from "../../shared/log/format";
import { newSecret } from "../session/secrets";

/**
 * Sessions, rounds and match logs in SQLite (better-sqlite3: synchronous, embedded, fast enough to
 * write every command as it is applied). WAL mode with synchronous=NORMAL: a committed write
 * survives the process being killed, so a crash loses at most the tick in progress.
 */

export interface SessionRow {
  code: string;
  hostSecretHash: string;
  practice: boolean;
  createdAt: string;
  endedAt: string | null;
  /** The room's own snapshot for recovery: roster, teams, bots, config (see ClassRoom.snapshot). */
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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  code TEXT PRIMARY KEY,
  host_secret_hash TEXT NOT NULL,
  practice INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  ended_at TEXT,
  snapshot TEXT
);
CREATE TABLE IF NOT EXISTS rounds (
  id TEXT PRIMARY KEY,
  session TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  scenario TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  status TEXT NOT NULL,
  header TEXT NOT NULL,
  final TEXT,
  report TEXT,
  last_tick INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS rounds_session ON rounds(session, number);
CREATE TABLE IF NOT EXISTS entries (
  round TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  tick INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (round, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS shares (
  id TEXT PRIMARY KEY,
  round TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
`;

export class Store {
  readonly db: Database.Database;
  private readonly seqs = new Map<string, number>();
  private readonly stmt;

  constructor(readonly path: string) {
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.exec(SCHEMA);
    this.stmt = {
      insertSession: this.db.prepare("INSERT INTO sessions (code, host_secret_hash, practice, created_at) VALUES (?, ?, ?, ?)"),
      session: this.db.prepare("SELECT * FROM sessions WHERE code = ?"),
      snapshot: this.db.prepare("UPDATE sessions SET snapshot = ? WHERE code = ?"),
      endSession: this.db.prepare("UPDATE sessions SET ended_at = ? WHERE code = ? AND ended_at IS NULL"),
      deleteSession: this.db.prepare("DELETE FROM sessions WHERE code = ?"),
      insertRound: this.db.prepare("INSERT INTO rounds (id, session, number, scenario, started_at, status, header) VALUES (?, ?, ?, ?, ?, 'running', ?)"),
      insertEntry: this.db.prepare("INSERT INTO entries (round, seq, tick, body) VALUES (?, ?, ?, ?)"),
      lastTick: this.db.prepare("UPDATE rounds SET last_tick = MAX(last_tick, ?) WHERE id = ?"),
      saveReport: this.db.prepare("UPDATE rounds SET report = ? WHERE id = ?"),
      finishRound: this.db.prepare("UPDATE rounds SET status = 'finished', ended_at = ?, final = ?, report = ?, last_tick = ? WHERE id = ?"),
      deleteRound: this.db.prepare("DELETE FROM rounds WHERE id = ?"),
      round: this.db.prepare("SELECT * FROM rounds WHERE id = ?"),
      rounds: this.db.prepare("SELECT * FROM rounds WHERE session = ? ORDER BY number"),
      entries: this.db.prepare("SELECT body FROM entries WHERE round = ? ORDER BY seq"),
      maxSeq: this.db.prepare("SELECT COALESCE(MAX(seq), -1) AS seq FROM entries WHERE round = ?"),
      insertShare: this.db.prepare("INSERT INTO shares (id, round, created_at) VALUES (?, ?, ?)"),
      share: this.db.prepare("SELECT round FROM shares WHERE id = ?"),
      sharesOf: this.db.prepare("SELECT id, created_at FROM shares WHERE round = ?"),
      deleteShare: this.db.prepare("DELETE FROM shares WHERE id = ? AND round = ?"),
      openSessions: this.db.prepare("SELECT code FROM sessions WHERE ended_at IS NULL"),
    };
  }

  close(): void {
    this.db.close();
  }

  createSession(code: string, hostSecretHash: string, practice: boolean, createdAt: string): void {
    this.stmt.insertSession.run(code, hostSecretHash, practice ? 1 : 0, createdAt);
  }

  session(code: string): SessionRow | null {
    const r = this.stmt.session.get(code) as Record<string, unknown> | undefined;
    if (!r) return null;
    return {
      code: String(r.code), hostSecretHash: String(r.host_secret_hash), practice: r.practice === 1,
      createdAt: String(r.created_at), endedAt: r.ended_at === null ? null : String(r.ended_at),
      snapshot: r.snapshot ? JSON.parse(String(r.snapshot)) : null,
    };
  }

  saveSnapshot(code: string, snapshot: unknown): void {
    this.stmt.snapshot.run(JSON.stringify(snapshot), code);
  }

  endSession(code: string, endedAt: string): void {
    this.stmt.endSession.run(endedAt, code);
  }

  deleteSession(code: string): void {
    this.stmt.deleteSession.run(code);
  }

  /** Sessions that were open when the server last stopped: their rooms can be rebuilt. */
  openSessions(): string[] {
    return (this.stmt.openSessions.all() as { code: string }[]).map((r) => r.code);
  }

  startRound(session: string, header: LogHeader): string {
    const id = newSecret(9);
    this.stmt.insertRound.run(id, session, header.round, header.scenario, header.startedAt, JSON.stringify(header));
    this.seqs.set(id, 0);
    return id;
  }

  /** Appends one log entry; each is its own committed write. */
  append(round: string, entry: LogEntry): void {
    let seq = this.seqs.get(round);
    if (seq === undefined) seq = (this.stmt.maxSeq.get(round) as { seq: number }).seq + 1;
    this.stmt.insertEntry.run(round, seq, entry.tick, JSON.stringify(entry));
    this.seqs.set(round, seq + 1);
  }

  /** How far the round was played (the tick the state had reached), for rebuilding it after a crash. */
  setLastTick(round: string, tick: number): void {
    this.stmt.lastTick.run(tick, round);
  }

  saveReport(round: string, report: RoundReport): void {
    this.stmt.saveReport.run(JSON.stringify(report), round);
  }

  finishRound(round: string, final: LogFinal, report: RoundReport | null, endedAt: string): void {
    this.stmt.finishRound.run(endedAt, JSON.stringify(final), report ? JSON.stringify(report) : null, final.tick, round);
    this.seqs.delete(round);
  }

  discardRound(round: string): void {
    this.stmt.deleteRound.run(round);
    this.seqs.delete(round);
  }

  private toRound(r: Record<string, unknown>): RoundRow {
    const header = JSON.parse(String(r.header)) as LogHeader;
    const final = r.final ? (JSON.parse(String(r.final)) as LogFinal) : null;
    const best = final ? [...final.results].sort((a, b) => b.score - a.score)[0] : undefined;
    return {
      id: String(r.id), session: String(r.session), number: Number(r.number), scenario: String(r.scenario),
      startedAt: String(r.started_at), endedAt: r.ended_at === null ? null : String(r.ended_at),
      status: r.status === "finished" ? "finished" : "running", teams: header.settings.teams,
      winner: best ? best.name : null, lastTick: Number(r.last_tick),
    };
  }

  round(id: string): RoundRow | null {
    const r = this.stmt.round.get(id) as Record<string, unknown> | undefined;
    return r ? this.toRound(r) : null;
  }

  rounds(session: string): RoundRow[] {
    return (this.stmt.rounds.all(session) as Record<string, unknown>[]).map((r) => this.toRound(r));
  }

  report(id: string): RoundReport | null {
    const r = this.stmt.round.get(id) as { report?: string | null } | undefined;
    return r?.report ? (JSON.parse(r.report) as RoundReport) : null;
  }

  /** The round's match log as exported: header, every entry in order, and the final hash. */
  exportLog(id: string): MatchLogFile | null {
    const r = this.stmt.round.get(id) as Record<string, unknown> | undefined;
    if (!r) return null;
    const entries = (this.stmt.entries.all(id) as { body: string }[]).map((e) => JSON.parse(e.body) as LogEntry);
    return { header: JSON.parse(String(r.header)) as LogHeader, entries, final: r.final ? (JSON.parse(String(r.final)) as LogFinal) : null };
  }

  createShare(round: string, createdAt: string): string {
    const id = newSecret(18);
    this.stmt.insertShare.run(id, round, createdAt);
    return id;
  }

  shares(round: string): { id: string; createdAt: string }[] {
    return (this.stmt.sharesOf.all(round) as { id: string; created_at: string }[]).map((s) => ({ id: s.id, createdAt: s.created_at }));
  }

  revokeShare(round: string, id: string): boolean {
    return this.stmt.deleteShare.run(id, round).changes > 0;
  }

  sharedRound(id: string): string | null {
    const r = this.stmt.share.get(id) as { round: string } | undefined;
    return r ? r.round : null;
  }
}

/** The store under DATA_DIR (default ./data). */
export function openStore(dir = process.env.DATA_DIR ?? "data"): Store {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  return new Store(join(abs, "spikeday.db"));
}
