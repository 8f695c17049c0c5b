import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/**
 * Redis, PostgreSQL and nginx started as child processes on 127.0.0.1, each with a throw-away
 * directory, for `npm run cluster`, the cluster tests and the cluster benchmark. All three are
 * Debian packages (redis-server, postgresql, nginx); a missing one is reported by package name.
 * Each runs in its own process group (`detached`), so a Ctrl-C in the terminal reaches only the
 * script that started them, which then stops them in order.
 */

export interface Daemon {
  readonly name: string;
  readonly port: number;
  /** The main process (its process group holds the rest: PostgreSQL backends, nginx workers). */
  readonly pid: number;
  readonly dir: string;
  /** Stops the process and deletes its directory. */
  stop(): Promise<void>;
}

export interface UrlDaemon extends Daemon {
  readonly url: string;
}

const PACKAGES: Record<string, string> = { redis: "redis-server", postgres: "postgresql", nginx: "nginx" };

export class MissingBinary extends Error {
  constructor(what: keyof typeof PACKAGES, looked: string) {
    super(`${what} is not installed (looked for ${looked}): apt-get install -y ${PACKAGES[what]}`);
    this.name = "MissingBinary";
  }
}

function which(name: string, extra: string[] = []): string | null {
  for (const dir of [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/usr/local/sbin", ...extra]) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/** Debian keeps PostgreSQL's server binaries per version; the newest is used. */
function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "postgres"))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length > 0) return join(root, versions[0], "bin");
  const initdb = which("initdb");
  if (initdb) return join(initdb, "..");
  throw new MissingBinary("postgres", `${root}/*/bin/postgres and initdb on PATH`);
}

/** Every binary the cluster needs that is missing, as one message naming the Debian packages. */
export function missingDaemons(need: ("redis" | "postgres" | "nginx")[] = ["redis", "postgres", "nginx"]): string | null {
  const missing: string[] = [];
  if (need.includes("redis") && !which("redis-server")) missing.push(PACKAGES.redis);
  if (need.includes("postgres")) {
    try {
      postgresBin();
    } catch {
      missing.push(PACKAGES.postgres);
    }
  }
  if (need.includes("nginx") && !which("nginx")) missing.push(PACKAGES.nginx);
  return missing.length === 0 ? null : `missing Debian packages: apt-get install -y ${missing.join(" ")}`;
}

/** A port nothing listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `spikeday-${prefix}-`));
}

/** Resolves when the child exits; kills it hard if it has not after `graceMs`. */
function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** Polls `ready` until it resolves true; fails with the daemon's own log if the process exits first. */
async function waitReady(name: string, child: ChildProcess, ready: () => Promise<boolean>, log: () => string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited at start:\n${log()}`);
    if (await ready().catch(() => false)) return;
    if (Date.now() - start > timeoutMs) throw new Error(`${name} not ready after ${timeoutMs} ms:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function readLog(path: string): string {
  try {
    return readFileSync(path, "utf8").slice(-2000);
  } catch {
    return "(no log)";
  }
}

export async function startRedis(opts: { port?: number } = {}): Promise<UrlDaemon> {
  const bin = which("redis-server");
  if (!bin) throw new MissingBinary("redis", "redis-server on PATH");
  const port = opts.port ?? (await freePort());
  const dir = tempDir("redis");
  const logFile = join(dir, "redis.log");
  const child = spawn(bin, [
    "--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no",
    "--daemonize", "no", "--logfile", logFile, "--protected-mode", "yes",
  ], { stdio: "ignore", detached: true });
  const { Redis } = await import("ioredis");
  await waitReady("redis-server", child, async () => {
    const probe = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => {});
    try {
      await probe.connect();
      return (await probe.ping()) === "PONG";
    } finally {
      probe.disconnect();
    }
  }, () => readLog(logFile));
  return {
    name: "redis", port, dir, pid: child.pid!, url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      await stopChild(child, "SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `postgres` account's ids when running as root (PostgreSQL refuses to run as root). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("running as root, and there is no postgres user to run PostgreSQL as (apt-get install -y postgresql creates it)");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

export interface PostgresOptions {
  port?: number;
  /** fsync every commit (off in tests: only the game processes are killed there, never the database). */
  durable?: boolean;
  database?: string;
}

export async function startPostgres(opts: PostgresOptions = {}): Promise<UrlDaemon> {
  const bin = postgresBin();
  const port = opts.port ?? (await freePort());
  const dir = tempDir("pg");
  const data = join(dir, "data");
  const logFile = join(dir, "postgres.log");
  const user = postgresUser();
  if (user) chownSync(dir, user.uid, user.gid);
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const init = spawnSync(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"], { ...as, encoding: "utf8" });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.stdout || init.error?.message}`);
  }
  const durable = opts.durable ?? false;
  const child = spawn(join(bin, "postgres"), [
    "-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", `fsync=${durable ? "on" : "off"}`,
    "-c", `synchronous_commit=${durable ? "on" : "off"}`, "-c", `full_page_writes=${durable ? "on" : "off"}`, "-c", "max_connections=200",
    "-c", "shared_buffers=128MB", "-c", `logging_collector=off`,
  ], { ...as, stdio: ["ignore", "ignore", "pipe"], detached: true });
  let log = "";
  child.stderr?.on("data", (d: Buffer) => { log = (log + d.toString()).slice(-4000); });
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitReady("postgres", child, async () => {
    const c = new pg.Client({ connectionString: admin });
    try {
      await c.connect();
      return true;
    } finally {
      await c.end().catch(() => {});
    }
  }, () => log);
  const database = opts.database ?? "spikeday";
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${database}`);
  await c.end();
  writeFileSync(logFile, "");
  return {
    name: "postgres", port, dir, pid: child.pid!, url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: async () => {
      // SIGINT: PostgreSQL's fast shutdown (ends sessions, checkpoints, exits).
      await stopChild(child, "SIGINT");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface NginxRoute {
  /** Path prefix ("/p1/") that reaches one process directly: its PUBLIC_ADDRESS ends in it. */
  prefix: string;
  port: number;
}

/**
 * nginx on `port`: `/` spread over every game process (HTTP API, matchmaking, the page), and one
 * prefix per process for the WebSocket a browser opens to the process holding its room.
 */
export async function startNginx(opts: { port?: number; routes: NginxRoute[]; /** Address to listen on (default 127.0.0.1; "0.0.0.0" for phones on the LAN). */ listen?: string }): Promise<Daemon> {
  const bin = which("nginx");
  if (!bin) throw new MissingBinary("nginx", "nginx on PATH or /usr/sbin");
  const port = opts.port ?? (await freePort());
  const dir = tempDir("nginx");
  // Workers run as nobody when nginx starts as root: they must be able to use the temp folders.
  chmodSync(dir, 0o755);
  for (const t of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(join(dir, t));
    chmodSync(join(dir, t), 0o777);
  }
  const proxy = (target: string) => `
      proxy_pass ${target};
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      # With its port: the processes build join links from it (see server/http/links.ts).
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_read_timeout 3600s;
      proxy_send_timeout 3600s;`;
  const conf = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  types { text/html html; application/javascript js; text/css css; image/svg+xml svg; image/png png; application/json json; }
  map $http_upgrade $connection_upgrade { default upgrade; '' ''; }
  upstream game {
${opts.routes.map((r) => `    server 127.0.0.1:${r.port} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 32;
  }
  server {
    listen ${opts.listen ?? "127.0.0.1"}:${port};
${opts.routes.map((r) => `    location ${r.prefix} {${proxy(`http://127.0.0.1:${r.port}/`)}\n    }`).join("\n")}
    location / {${proxy("http://game")}
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
`;
  writeFileSync(join(dir, "nginx.conf"), conf);
  const child = spawn(bin, ["-c", join(dir, "nginx.conf"), "-p", dir, "-e", join(dir, "error.log")], { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let log = "";
  child.stderr?.on("data", (d: Buffer) => { log = (log + d.toString()).slice(-4000); });
  await waitReady("nginx", child, async () => {
    const res = await fetch(`http://127.0.0.1:${port}/nginx-probe`).catch(() => null);
    return res !== null;
  }, () => log + readLog(join(dir, "error.log")));
  return {
    name: "nginx", port, dir, pid: child.pid!,
    stop: async () => {
      // SIGQUIT: nginx's graceful stop; SIGTERM is its fast one.
      await stopChild(child, "SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
