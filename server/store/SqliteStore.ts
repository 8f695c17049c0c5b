import Database from "better-sqlite3";
import type { RoundReport } from "../../shared/debrief/report";
import type { LogEntry, LogFinal, LogHeader, MatchLogFile } from "../../shared/log/format";
import { newSecret } from "../session/secrets";
import { LostOwnership, roundRow, type QueuedRow, type RoundRow, type SessionRow, type Store } from "./Store";

/**
 * The store in one SQLite file (better-sqlite3: synchronous, embedded, fast enough to write every
 * tick as it is played). WAL mode with synchronous=NORMAL: a committed write survives the process
 * being killed, so a crash loses at most the tick in progress. Several server processes on one
 * machine may share the file (REDIS_URL without DATABASE_URL): SQLite serialises their writes with
 * file locks, and `busy_timeout` makes a writer wait its turn instead of failing.
 */

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
  last_tick INTEGER NOT NULL DEFAULT 0,
  owner TEXT
);
CREATE INDEX IF NOT EXISTS rounds_session ON rounds(session, number);
CREATE TABLE IF NOT EXISTS entries (
  round TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  tick INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (round, seq)
) WITHOUT ROWID;
-- Inputs acknowledged as queued and not yet played (see Store.queueInput).
CREATE TABLE IF NOT EXISTS queued (
  round TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  tick INTEGER NOT NULL,
  seat INTEGER NOT NULL,
  request INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS queued_round ON queued(round, tick);
CREATE TABLE IF NOT EXISTS shares (
  id TEXT PRIMARY KEY,
  round TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
`;

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export class SqliteStore implements Store {
  readonly kind = "sqlite";
  readonly db: Database.Database;
  /** Next entry number per round this process writes (read from the table once, then counted). */
  private readonly seqs = new Map<string, number>();
  private readonly stmt;
  private readonly writeTick;

  constructor(readonly where: string) {
    this.db = new Database(where);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(SCHEMA);
    // Files made before rounds had an owner.
    const columns = this.db.prepare("PRAGMA table_info(rounds)").all() as { name: string }[];
    if (!columns.some((c) => c.name === "owner")) this.db.exec("ALTER TABLE rounds ADD COLUMN owner TEXT");
    this.stmt = {
      insertSession: this.db.prepare("INSERT OR IGNORE INTO sessions (code, host_secret_hash, practice, created_at) VALUES (?, ?, ?, ?)"),
      session: this.db.prepare("SELECT * FROM sessions WHERE code = ?"),
      snapshot: this.db.prepare("UPDATE sessions SET snapshot = ? WHERE code = ?"),
      endSession: this.db.prepare("UPDATE sessions SET ended_at = ? WHERE code = ? AND ended_at IS NULL"),
      deleteSession: this.db.prepare("DELETE FROM sessions WHERE code = ?"),
      openSessions: this.db.prepare("SELECT code FROM sessions WHERE ended_at IS NULL ORDER BY created_at"),
      insertRound: this.db.prepare("INSERT INTO rounds (id, session, number, scenario, started_at, status, header, owner) VALUES (?, ?, ?, ?, ?, 'running', ?, ?)"),
      claimRound: this.db.prepare("UPDATE rounds SET owner = ? WHERE id = ?"),
      insertEntry: this.db.prepare("INSERT INTO entries (round, seq, tick, body) VALUES (?, ?, ?, ?)"),
      progress: this.db.prepare("UPDATE rounds SET last_tick = MAX(last_tick, COALESCE(?, last_tick)) WHERE id = ? AND owner = ?"),
      saveReport: this.db.prepare("UPDATE rounds SET report = ? WHERE id = ?"),
      finishRound: this.db.prepare("UPDATE rounds SET status = 'finished', ended_at = ?, final = ?, report = COALESCE(?, report), last_tick = ? WHERE id = ?"),
      deleteRound: this.db.prepare("DELETE FROM rounds WHERE id = ?"),
      round: this.db.prepare("SELECT * FROM rounds WHERE id = ?"),
      rounds: this.db.prepare("SELECT * FROM rounds WHERE session = ? ORDER BY number"),
      entries: this.db.prepare("SELECT body FROM entries WHERE round = ? ORDER BY seq"),
      maxSeq: this.db.prepare("SELECT COALESCE(MAX(seq), -1) AS seq FROM entries WHERE round = ?"),
      insertShare: this.db.prepare("INSERT INTO shares (id, round, created_at) VALUES (?, ?, ?)"),
      share: this.db.prepare("SELECT round FROM shares WHERE id = ?"),
      sharesOf: this.db.prepare("SELECT id, created_at FROM shares WHERE round = ? ORDER BY created_at"),
      deleteShare: this.db.prepare("DELETE FROM shares WHERE id = ? AND round = ?"),
      insertQueued: this.db.prepare("INSERT INTO queued (round, tick, seat, request, body) VALUES (?, ?, ?, ?, ?)"),
      clearQueuedBefore: this.db.prepare("DELETE FROM queued WHERE round = ? AND tick < ?"),
      clearQueued: this.db.prepare("DELETE FROM queued WHERE round = ?"),
      queuedFrom: this.db.prepare("SELECT tick, seat, request, body FROM queued WHERE round = ? AND tick >= ? ORDER BY rowid"),
    };
    this.writeTick = this.db.transaction((id: string, owner: string, entries: readonly LogEntry[], tick: number | null) => {
      if (this.stmt.progress.run(tick, id, owner).changes === 0) throw new LostOwnership(id);
      let seq = this.seqs.get(id) ?? (this.stmt.maxSeq.get(id) as { seq: number }).seq + 1;
      for (const e of entries) this.stmt.insertEntry.run(id, seq++, e.tick, JSON.stringify(e));
      if (tick !== null) this.stmt.clearQueuedBefore.run(id, tick);
      return seq;
    });
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async createSession(code: string, hostSecretHash: string, practice: boolean, createdAt: string): Promise<boolean> {
    return this.stmt.insertSession.run(code, hostSecretHash, practice ? 1 : 0, createdAt).changes > 0;
  }

  async session(code: string): Promise<SessionRow | null> {
    const r = this.stmt.session.get(code) as Row | undefined;
    if (!r) return null;
    return {
      code: String(r.code), hostSecretHash: String(r.host_secret_hash), practice: r.practice === 1,
      createdAt: String(r.created_at), endedAt: str(r.ended_at), snapshot: r.snapshot ? JSON.parse(String(r.snapshot)) : null,
    };
  }

  async saveSnapshot(code: string, snapshot: unknown): Promise<void> {
    this.stmt.snapshot.run(JSON.stringify(snapshot), code);
  }

  async endSession(code: string, endedAt: string): Promise<void> {
    this.stmt.endSession.run(endedAt, code);
  }

  async deleteSession(code: string): Promise<void> {
    this.stmt.deleteSession.run(code);
  }

  async openSessions(): Promise<string[]> {
    return (this.stmt.openSessions.all() as { code: string }[]).map((r) => r.code);
  }

  async startRound(id: string, session: string, header: LogHeader, owner: string): Promise<void> {
    this.stmt.insertRound.run(id, session, header.round, header.scenario, header.startedAt, JSON.stringify(header), owner);
    this.seqs.set(id, 0);
  }

  async claimRound(id: string, owner: string): Promise<void> {
    this.stmt.claimRound.run(owner, id);
    // Another process may have written entries since this one last counted them.
    this.seqs.delete(id);
  }

  async appendTick(id: string, owner: string, entries: readonly LogEntry[], tick: number | null): Promise<void> {
    try {
      this.seqs.set(id, this.writeTick(id, owner, entries, tick));
    } catch (e) {
      this.seqs.delete(id);
      throw e;
    }
  }

  async queueInput(id: string, input: QueuedRow): Promise<void> {
    this.stmt.insertQueued.run(id, input.tick, input.seat, input.request, JSON.stringify(input.command));
  }

  async takeQueued(id: string, fromTick: number): Promise<QueuedRow[]> {
    const rows = (this.stmt.queuedFrom.all(id, fromTick) as { tick: number; seat: number; request: number; body: string }[])
      .map((r) => ({ tick: r.tick, seat: r.seat, request: r.request, command: JSON.parse(r.body) as unknown }));
    this.stmt.clearQueued.run(id);
    return rows;
  }

  async clearQueued(id: string): Promise<void> {
    this.stmt.clearQueued.run(id);
  }

  async saveReport(id: string, report: RoundReport): Promise<void> {
    this.stmt.saveReport.run(JSON.stringify(report), id);
  }

  async finishRound(id: string, final: LogFinal, report: RoundReport | null, endedAt: string): Promise<void> {
    this.stmt.finishRound.run(endedAt, JSON.stringify(final), report ? JSON.stringify(report) : null, final.tick, id);
    this.seqs.delete(id);
  }

  async discardRound(id: string): Promise<void> {
    this.stmt.deleteRound.run(id);
    this.seqs.delete(id);
  }

  private toRound(r: Row): RoundRow {
    return roundRow({
      id: String(r.id), session: String(r.session), number: Number(r.number), scenario: String(r.scenario),
      startedAt: String(r.started_at), endedAt: str(r.ended_at), status: String(r.status), header: String(r.header),
      final: str(r.final), lastTick: Number(r.last_tick),
    });
  }

  async round(id: string): Promise<RoundRow | null> {
    const r = this.stmt.round.get(id) as Row | undefined;
    return r ? this.toRound(r) : null;
  }

  async rounds(session: string): Promise<RoundRow[]> {
    return (this.stmt.rounds.all(session) as Row[]).map((r) => this.toRound(r));
  }

  async report(id: string): Promise<RoundReport | null> {
    const r = this.stmt.round.get(id) as { report?: string | null } | undefined;
    return r?.report ? (JSON.parse(r.report) as RoundReport) : null;
  }

  async exportLog(id: string): Promise<MatchLogFile | null> {
    const r = this.stmt.round.get(id) as Row | undefined;
    if (!r) return null;
    const entries = (this.stmt.entries.all(id) as { body: string }[]).map((e) => JSON.parse(e.body) as LogEntry);
    return { header: JSON.parse(String(r.header)) as LogHeader, entries, final: r.final ? (JSON.parse(String(r.final)) as LogFinal) : null };
  }

  async createShare(round: string, createdAt: string): Promise<string> {
    const id = newSecret(18);
    this.stmt.insertShare.run(id, round, createdAt);
    return id;
  }

  async shares(round: string): Promise<{ id: string; createdAt: string }[]> {
    return (this.stmt.sharesOf.all(round) as { id: string; created_at: string }[]).map((s) => ({ id: s.id, createdAt: s.created_at }));
  }

  async revokeShare(round: string, id: string): Promise<boolean> {
    return this.stmt.deleteShare.run(id, round).changes > 0;
  }

  async sharedRound(id: string): Promise<string | null> {
    const r = this.stmt.share.get(id) as { round: string } | undefined;
    return r ? r.round : null;
  }
}
