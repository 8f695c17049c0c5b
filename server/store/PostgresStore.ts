import pg from "pg";
import type { RoundReport } from "../../shared/debrief/report";
import type { LogEntry, LogFinal, LogHeader, MatchLogFile } from "../../shared/log/format";
import { newSecret } from "../session/secrets";
import { LostOwnership, redactUrl, roundRow, type QueuedRow, type RoundRow, type SessionRow, type Store } from "./Store";

/**
 * The store in PostgreSQL (node-postgres), shared by every server process. Same tables as the
 * SQLite file; JSON is kept as text so an exported log is byte for byte what was written. A tick
 * is one statement (entries and the tick reached together, so it commits or not as a whole) and
 * one round trip.
 */

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  code TEXT PRIMARY KEY,
  host_secret_hash TEXT NOT NULL,
  practice BOOLEAN NOT NULL DEFAULT FALSE,
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
);
-- Inputs acknowledged as queued and not yet played (see Store.queueInput).
CREATE TABLE IF NOT EXISTS queued (
  n BIGSERIAL PRIMARY KEY,
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
CREATE INDEX IF NOT EXISTS shares_round ON shares(round);
`;

/**
 * Entries numbered after the round's last, inserted only if `owner` still writes the round; the
 * tick reached is recorded in the same statement. Returns one row when the owner matched.
 */
const APPEND_TICK = `
WITH progress AS (
  UPDATE rounds SET last_tick = GREATEST(last_tick, COALESCE($2::int, last_tick))
  WHERE id = $1 AND owner = $3 RETURNING id
), base AS (
  SELECT COALESCE(MAX(seq), -1) AS seq FROM entries WHERE round = $1
), inserted AS (
  INSERT INTO entries (round, seq, tick, body)
  SELECT progress.id, base.seq + e.n, e.tick, e.body
  FROM progress, base, unnest($4::int[], $5::text[]) WITH ORDINALITY AS e(tick, body, n)
  RETURNING 1
), played AS (
  DELETE FROM queued USING progress WHERE queued.round = progress.id AND queued.tick < $2::int
)
SELECT (SELECT COUNT(*) FROM inserted) AS inserted FROM progress`;

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export class PostgresStore implements Store {
  readonly kind = "postgres";
  readonly where: string;

  private constructor(private readonly pool: pg.Pool, url: string) {
    this.where = redactUrl(url);
  }

  /** Connects and creates the tables if they are missing (several processes may do so at once). */
  static async open(url: string, poolSize = 10): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: "spikeday" });
    // An idle client losing its connection (the database restarted) must not take the process down.
    pool.on("error", (e) => console.error("postgres: idle client error", e.message));
    const client = await pool.connect();
    try {
      // Two processes starting together would race on CREATE TABLE IF NOT EXISTS; a lock orders them.
      await client.query("SELECT pg_advisory_lock(721903)");
      try {
        await client.query(SCHEMA);
      } finally {
        await client.query("SELECT pg_advisory_unlock(721903)");
      }
    } finally {
      client.release();
    }
    return new PostgresStore(pool, url);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  private async one(sql: string, params: unknown[] = []): Promise<Row | undefined> {
    return (await this.rows(sql, params))[0];
  }

  async createSession(code: string, hostSecretHash: string, practice: boolean, createdAt: string): Promise<boolean> {
    const r = await this.pool.query(
      "INSERT INTO sessions (code, host_secret_hash, practice, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING",
      [code, hostSecretHash, practice, createdAt],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async session(code: string): Promise<SessionRow | null> {
    const r = await this.one("SELECT * FROM sessions WHERE code = $1", [code]);
    if (!r) return null;
    return {
      code: String(r.code), hostSecretHash: String(r.host_secret_hash), practice: r.practice === true,
      createdAt: String(r.created_at), endedAt: str(r.ended_at), snapshot: r.snapshot ? JSON.parse(String(r.snapshot)) : null,
    };
  }

  async saveSnapshot(code: string, snapshot: unknown): Promise<void> {
    await this.pool.query("UPDATE sessions SET snapshot = $1 WHERE code = $2", [JSON.stringify(snapshot), code]);
  }

  async endSession(code: string, endedAt: string): Promise<void> {
    await this.pool.query("UPDATE sessions SET ended_at = $1 WHERE code = $2 AND ended_at IS NULL", [endedAt, code]);
  }

  async deleteSession(code: string): Promise<void> {
    await this.pool.query("DELETE FROM sessions WHERE code = $1", [code]);
  }

  async openSessions(): Promise<string[]> {
    return (await this.rows("SELECT code FROM sessions WHERE ended_at IS NULL ORDER BY created_at")).map((r) => String(r.code));
  }

  async startRound(id: string, session: string, header: LogHeader, owner: string): Promise<void> {
    await this.pool.query(
      "INSERT INTO rounds (id, session, number, scenario, started_at, status, header, owner) VALUES ($1, $2, $3, $4, $5, 'running', $6, $7)",
      [id, session, header.round, header.scenario, header.startedAt, JSON.stringify(header), owner],
    );
  }

  async claimRound(id: string, owner: string): Promise<void> {
    await this.pool.query("UPDATE rounds SET owner = $1 WHERE id = $2", [owner, id]);
  }

  async appendTick(id: string, owner: string, entries: readonly LogEntry[], tick: number | null): Promise<void> {
    const ticks = entries.map((e) => e.tick);
    const bodies = entries.map((e) => JSON.stringify(e));
    const r = await this.pool.query(APPEND_TICK, [id, tick, owner, ticks, bodies]);
    if (r.rowCount === 0) throw new LostOwnership(id);
  }

  async queueInput(id: string, input: QueuedRow): Promise<void> {
    await this.pool.query("INSERT INTO queued (round, tick, seat, request, body) VALUES ($1, $2, $3, $4, $5)",
      [id, input.tick, input.seat, input.request, JSON.stringify(input.command)]);
  }

  async takeQueued(id: string, fromTick: number): Promise<QueuedRow[]> {
    const rows = await this.rows("DELETE FROM queued WHERE round = $1 RETURNING n, tick, seat, request, body", [id]);
    return rows.filter((r) => Number(r.tick) >= fromTick).sort((a, b) => Number(a.n) - Number(b.n))
      .map((r) => ({ tick: Number(r.tick), seat: Number(r.seat), request: Number(r.request), command: JSON.parse(String(r.body)) as unknown }));
  }

  async clearQueued(id: string): Promise<void> {
    await this.pool.query("DELETE FROM queued WHERE round = $1", [id]);
  }

  async saveReport(id: string, report: RoundReport): Promise<void> {
    await this.pool.query("UPDATE rounds SET report = $1 WHERE id = $2", [JSON.stringify(report), id]);
  }

  async finishRound(id: string, final: LogFinal, report: RoundReport | null, endedAt: string): Promise<void> {
    await this.pool.query(
      "UPDATE rounds SET status = 'finished', ended_at = $1, final = $2, report = COALESCE($3, report), last_tick = $4 WHERE id = $5",
      [endedAt, JSON.stringify(final), report ? JSON.stringify(report) : null, final.tick, id],
    );
  }

  async discardRound(id: string): Promise<void> {
    await this.pool.query("DELETE FROM rounds WHERE id = $1", [id]);
  }

  private toRound(r: Row): RoundRow {
    return roundRow({
      id: String(r.id), session: String(r.session), number: Number(r.number), scenario: String(r.scenario),
      startedAt: String(r.started_at), endedAt: str(r.ended_at), status: String(r.status), header: String(r.header),
      final: str(r.final), lastTick: Number(r.last_tick),
    });
  }

  async round(id: string): Promise<RoundRow | null> {
    const r = await this.one("SELECT * FROM rounds WHERE id = $1", [id]);
    return r ? this.toRound(r) : null;
  }

  async rounds(session: string): Promise<RoundRow[]> {
    return (await this.rows("SELECT * FROM rounds WHERE session = $1 ORDER BY number", [session])).map((r) => this.toRound(r));
  }

  async report(id: string): Promise<RoundReport | null> {
    const r = await this.one("SELECT report FROM rounds WHERE id = $1", [id]);
    return r?.report ? (JSON.parse(String(r.report)) as RoundReport) : null;
  }

  async exportLog(id: string): Promise<MatchLogFile | null> {
    const r = await this.one("SELECT header, final FROM rounds WHERE id = $1", [id]);
    if (!r) return null;
    const entries = (await this.rows("SELECT body FROM entries WHERE round = $1 ORDER BY seq", [id])).map((e) => JSON.parse(String(e.body)) as LogEntry);
    return { header: JSON.parse(String(r.header)) as LogHeader, entries, final: r.final ? (JSON.parse(String(r.final)) as LogFinal) : null };
  }

  async createShare(round: string, createdAt: string): Promise<string> {
    const id = newSecret(18);
    await this.pool.query("INSERT INTO shares (id, round, created_at) VALUES ($1, $2, $3)", [id, round, createdAt]);
    return id;
  }

  async shares(round: string): Promise<{ id: string; createdAt: string }[]> {
    return (await this.rows("SELECT id, created_at FROM shares WHERE round = $1 ORDER BY created_at", [round]))
      .map((s) => ({ id: String(s.id), createdAt: String(s.created_at) }));
  }

  async revokeShare(round: string, id: string): Promise<boolean> {
    return ((await this.pool.query("DELETE FROM shares WHERE id = $1 AND round = $2", [id, round])).rowCount ?? 0) > 0;
  }

  async sharedRound(id: string): Promise<string | null> {
    const r = await this.one("SELECT round FROM shares WHERE id = $1", [id]);
    return r ? String(r.round) : null;
  }
}
