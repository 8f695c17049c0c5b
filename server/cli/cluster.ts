/**
 * A local cluster for trying Spike Day across several processes:
 *   npm run cluster [-- --processes 3 --port 8080 --host NAME]
 * starts redis-server, PostgreSQL (a throw-away data directory), N game processes sharing rooms
 * through Redis, and nginx in front on --port. Ctrl-C stops every process it started and deletes
 * their directories. Needs the Debian packages redis-server, postgresql and nginx. `--host` is the
 * name browsers reach nginx at: by default this machine's network address, so phones on the same
 * Wi-Fi can join (the join links, the QR code and every room's WebSocket address all use it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { freePort, missingDaemons, startNginx, startPostgres, startRedis, type Daemon } from "../cluster/daemons";
import { isLoopback, lanAddresses } from "../http/links";

const USAGE = "usage: npm run cluster [-- --processes N (1-8, default 3) --port PORT (default 8080) --host NAME (default: this machine's network address, else localhost)]";
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function fail(message: string): never {
  process.stderr.write(`cluster: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { processes: { type: "string", default: "3" }, port: { type: "string", default: "8080" }, host: { type: "string", default: lanAddresses()[0]?.address ?? "localhost" } } }).values;
} catch (e) {
  fail(`${(e as Error).message}\n${USAGE}`);
}
const n = Number(args.processes);
const port = Number(args.port);
if (!Number.isInteger(n) || n < 1 || n > 8 || !Number.isInteger(port) || port < 1 || port > 65535) fail(USAGE);
const missing = missingDaemons();
if (missing) fail(missing);

const daemons: Daemon[] = [];
const games: { name: string; child: ChildProcess }[] = [];
let stopping = false;

/** Prefixes each line a game process prints with its name. */
function pipe(name: string, stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream): void {
  let rest = "";
  stream?.on("data", (d: Buffer) => {
    const lines = (rest + d.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) out.write(`[${name}] ${line}\n`);
  });
}

function startGame(name: string, gamePort: number, env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT, env: { ...process.env, ...env, PORT: String(gamePort) }, stdio: ["ignore", "pipe", "pipe"], detached: true,
  });
  games.push({ name, child });
  pipe(name, child.stdout, process.stdout);
  pipe(name, child.stderr, process.stderr);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    if (code === 0) console.log(`[${name}] drained and stopped; its classes carry on on the other processes`);
    else console.log(`[${name}] exited (${signal ?? `status ${code}`}); its sessions read as interrupted and can be resumed on the others`);
  });
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (child.exitCode !== null || child.signalCode !== null) {
        clearInterval(poll);
        reject(new Error(`${name} did not start`));
      }
      fetch(`http://127.0.0.1:${gamePort}/health`).then((r) => {
        if (r.ok) {
          clearInterval(poll);
          resolve();
        }
      }, () => {});
    }, 200);
  });
}

async function stopAll(): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log("\nstopping the cluster…");
  // nginx first (no new requests), then the game processes, then the stores. SIGINT, not SIGTERM:
  // every process is going, so there is nowhere to drain classes to; each saves and stops at once.
  const nginx = daemons.find((d) => d.name === "nginx");
  await nginx?.stop().catch(() => {});
  if (games.length > 0) console.log("game processes are saving their classes…");
  await Promise.all(games.map(({ child }) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const hard = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.once("exit", () => { clearTimeout(hard); resolve(); });
    child.kill("SIGINT");
  })));
  console.log("stopping Redis and PostgreSQL…");
  await Promise.all(daemons.filter((d) => d !== nginx).map((d) => d.stop().catch(() => {})));
  console.log("stopped; the cluster's data directories are deleted");
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void stopAll().then(() => process.exit(0)));
}
// The daemons run in their own process groups: if this script fails, it must still stop them.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (e) => {
    console.error("cluster:", e);
    void stopAll().finally(() => process.exit(1));
  });
}

try {
  const redis = await startRedis();
  daemons.push(redis);
  const postgres = await startPostgres({ durable: true });
  daemons.push(postgres);
  const ports = await Promise.all(Array.from({ length: n }, () => freePort()));
  const routes = ports.map((p, i) => ({ prefix: `/p${i + 1}/`, port: p }));
  await Promise.all(ports.map((p, i) => startGame(`p${i + 1}`, p, {
    REDIS_URL: redis.url, DATABASE_URL: postgres.url, PUBLIC_ADDRESS: `${args.host}:${port}/p${i + 1}`,
    // Join links name nginx, at the same host the rooms' WebSockets are reached at.
    PUBLIC_URL: `http://${args.host}:${port}`,
    // nginx is the only proxy: the client's address is the one it forwards.
    TRUST_PROXY: "loopback",
    // Colyseus's development hints ("did you miss allowReconnection?") are noise here: a seat token
    // after a reconnection token is how clients come back to a moved room.
    NODE_ENV: process.env.NODE_ENV ?? "production",
  })));
  // Phones on the LAN reach nginx at --host: it listens on every address unless that is a loopback one.
  daemons.push(await startNginx({ port, routes, listen: isLoopback(args.host) ? "127.0.0.1" : "0.0.0.0" }));
  console.log(`
Spike Day cluster: http://${args.host}:${port}
  ${n} game processes: ${routes.map((r, i) => `p${i + 1} 127.0.0.1:${r.port}, pid ${games[i].child.pid} (browsers reach it at ${args.host}:${port}${r.prefix})`).join("\n                    ")}
  Redis      ${redis.url}
  PostgreSQL ${postgres.url} (throw-away: deleted on exit)
Try it: kill -9 a game process mid-round (the teacher's page resumes the class on another), or
kill -TERM one to drain it (its classes move to another process when their round ends).
Ctrl-C stops everything.`);
} catch (e) {
  console.error(`cluster: ${(e as Error).message}`);
  await stopAll();
  process.exit(1);
}
