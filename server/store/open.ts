import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Store } from "./Store";
import { SqliteStore } from "./SqliteStore";

export interface StoreOptions {
  /** postgres://… : PostgreSQL, shared by every server process. */
  databaseUrl?: string;
  /** Otherwise SQLite in this folder (spikeday.db). */
  dataDir?: string;
  /** PostgreSQL connections per process. */
  poolSize?: number;
}

/**
 * The store the environment asks for: PostgreSQL when DATABASE_URL is set, else SQLite under
 * DATA_DIR (default ./data). The PostgreSQL client is loaded only when it is used.
 */
export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  const url = opts.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error("DATABASE_URL must be a postgres:// URL");
    const { PostgresStore } = await import("./PostgresStore");
    return PostgresStore.open(url, opts.poolSize ?? (Number(process.env.DATABASE_POOL_SIZE) || 10));
  }
  return openSqlite(opts.dataDir ?? process.env.DATA_DIR ?? "data");
}

/** The SQLite store in `dir` (created if missing). */
export function openSqlite(dir: string): SqliteStore {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  return new SqliteStore(join(abs, "spikeday.db"));
}
