/**
 * Real server processes sharing rooms through a real Redis, with match logs in a real PostgreSQL:
 * what the cluster tests start. Each process is `server/main.ts` as deployed, configured only by
 * its environment.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { freePort, missingDaemons, startPostgres, startRedis, type UrlDaemon } from "../../server/cluster/daemons";
import { waitUntil } from "./harness";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export class GameProcess {
  child: ChildProcess | null = null;
  readonly url: string;
  readonly dataDir = mkdtempSync(join(tmpdir(), "spikeday-proc-"));

  constructor(readonly name: string, readonly port: number, private readonly env: Record<string, string>) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** The host:port browsers use for this process (its PUBLIC_ADDRESS). */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: this.dataDir, ...this.env, PORT: String(this.port), PUBLIC_ADDRESS: this.address },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const child = this.child;
    await waitUntil(async () => {
      if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode} at start`);
      try {
        return (await fetch(`${this.url}/health`)).ok;
      } catch {
        return false;
      }
    }, 60_000);
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves when the process has exited after `signal`. */
  stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((done) => {
      child.once("exit", () => done());
      child.kill(signal);
    });
  }

  /** Sends a signal without waiting for the process to exit. */
  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  /** Resolves with the exit code once the process has exited by itself. */
  exited(): Promise<number | null> {
    const child = this.child!;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
    return new Promise((done) => child.once("exit", (code) => done(code)));
  }

  kill9(): Promise<void> {
    return this.stop("SIGKILL");
  }

  async health(): Promise<{ rooms: number; clients: number; process: string; address: string | null; draining?: boolean }> {
    return (await (await fetch(`${this.url}/health`)).json()) as never;
  }

  cleanup(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface TestCluster {
  redis: UrlDaemon;
  /** Absent when the processes share one SQLite file instead (`sqliteDir`). */
  postgres?: UrlDaemon;
  procs: GameProcess[];
  /** A client of the cluster's Redis, to see what Colyseus lists there. */
  redisClient: Redis;
  stop(): Promise<void>;
}

/**
 * Redis, PostgreSQL and `n` game processes; fails naming the Debian packages when they are missing.
 * With `sqliteDir` the processes share one SQLite file there instead of PostgreSQL (one machine).
 */
export async function startCluster(n: number, extraEnv: Record<string, string> = {}, sqliteDir?: string): Promise<TestCluster> {
  const missing = missingDaemons(sqliteDir ? ["redis"] : ["redis", "postgres"]);
  if (missing) throw new Error(`the cluster tests run real Redis and PostgreSQL servers: ${missing}`);
  const [redis, postgres] = await Promise.all([startRedis(), sqliteDir ? undefined : startPostgres()]);
  const store: Record<string, string> = postgres ? { DATABASE_URL: postgres.url } : { DATA_DIR: sqliteDir! };
  const env = { REDIS_URL: redis.url, ...store, ...extraEnv };
  const procs: GameProcess[] = [];
  for (let i = 0; i < n; i++) procs.push(new GameProcess(String.fromCharCode(65 + i), await freePort(), env));
  await Promise.all(procs.map((p) => p.start()));
  const redisClient = new Redis(redis.url);
  return {
    redis, postgres, procs, redisClient,
    stop: async () => {
      redisClient.disconnect();
      await Promise.all(procs.map((p) => p.stop("SIGKILL")));
      procs.forEach((p) => p.cleanup());
      await Promise.all([redis.stop(), postgres?.stop()]);
    },
  };
}

/** Where Colyseus lists a room: the process holding it and the address browsers connect to. */
export async function listing(redis: Redis, code: string): Promise<{ processId: string; publicAddress: string } | null> {
  const raw = await redis.hget("roomcaches", code);
  return raw ? (JSON.parse(raw) as { processId: string; publicAddress: string }) : null;
}

/**
 * POST a JSON body from a given local address (127.0.0.x): a school's worth of teachers, each
 * behind their own address, for tests that create more sessions than one address may.
 */
export function postFrom(localAddress: string, url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST", localAddress,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), ...headers },
    }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => { text += c.toString(); });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    req.on("error", reject);
    req.end(data);
  });
}
