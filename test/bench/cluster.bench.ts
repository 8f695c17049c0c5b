/**
 * Cluster benchmark: redis-server, PostgreSQL (durable: fsync on), N game processes sharing rooms
 * through Redis and nginx in front, all on this machine; R rooms × S students over real WebSockets
 * through nginx, each student sending a command every 2 s while rounds tick at 1/s. Prints one JSON
 * object: join and send→result/applied latencies, CPU and memory per process, Redis and PostgreSQL
 * load, and the same per student.
 *   npm run bench:cluster -- [--processes 3] [--rooms 50] [--students 30] [--seconds 60] [--workers 3]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { Redis } from "ioredis";
import { freePort, missingDaemons, startNginx, startPostgres, startRedis, type Daemon } from "../../server/cluster/daemons";
import { treeStats, machineContext, machineStats, Meter, procStats, sleep, startLoad, summarize } from "./load/driver";

const { values } = parseArgs({
  options: {
    processes: { type: "string", default: "3" },
    rooms: { type: "string", default: "50" },
    students: { type: "string", default: "30" },
    seconds: { type: "string", default: "60" },
    workers: { type: "string", default: "3" },
  },
});
const PROCESSES = Number(values.processes);
const ROOMS = Number(values.rooms);
const STUDENTS = Number(values.students);
const SECONDS = Number(values.seconds);
const WORKERS = Number(values.workers);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const missing = missingDaemons();
if (missing) {
  console.error(`bench:cluster: ${missing}`);
  process.exit(2);
}

async function startGame(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT, stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
  });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error("a game process exited at start");
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) return child;
    await sleep(100);
  }
  throw new Error("a game process did not start");
}

interface RedisLoad { commands: number; netIn: number; netOut: number; memory: number }
async function redisInfo(redis: Redis): Promise<RedisLoad> {
  const info = await redis.info();
  const num = (k: string) => Number(new RegExp(`^${k}:(\\d+)`, "m").exec(info)?.[1] ?? 0);
  return { commands: num("total_commands_processed"), netIn: num("total_net_input_bytes"), netOut: num("total_net_output_bytes"), memory: num("used_memory") };
}

interface PgLoad { commits: number; inserted: number; updated: number; walBytes: number; dbBytes: number }
async function pgInfo(db: pg.Client): Promise<PgLoad> {
  const r = (await db.query(`SELECT xact_commit, tup_inserted, tup_updated, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint AS wal,
    pg_database_size(current_database()) AS size FROM pg_stat_database WHERE datname = current_database()`)).rows[0] as Record<string, string>;
  return { commits: Number(r.xact_commit), inserted: Number(r.tup_inserted), updated: Number(r.tup_updated), walBytes: Number(r.wal), dbBytes: Number(r.size) };
}

const context = machineContext();
const daemons: Daemon[] = [];
const games: ChildProcess[] = [];
try {
  const redis = await startRedis();
  daemons.push(redis);
  const postgres = await startPostgres({ durable: true });
  daemons.push(postgres);
  const lbPort = await freePort();
  const ports = await Promise.all(Array.from({ length: PROCESSES }, () => freePort()));
  games.push(...await Promise.all(ports.map((port, i) => startGame(port, {
    REDIS_URL: redis.url, DATABASE_URL: postgres.url, PUBLIC_ADDRESS: `127.0.0.1:${lbPort}/p${i + 1}`, TRUST_PROXY: "loopback",
    // One machine plays every school here: the per-address limits would refuse it.
    SESSIONS_PER_MINUTE: "100000", JOINS_PER_MINUTE: "1000000",
  }))));
  const nginx = await startNginx({ port: lbPort, routes: ports.map((port, i) => ({ prefix: `/p${i + 1}/`, port })) });
  daemons.push(nginx);
  const redisClient = new Redis(redis.url);
  const db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  const redisIdle = await redisInfo(redisClient);
  const pgIdle = await pgInfo(db);

  const load = await startLoad({ http: `http://127.0.0.1:${lbPort}`, ws: `ws://127.0.0.1:${lbPort}`, rooms: ROOMS, students: STUDENTS, workers: WORKERS });
  // What the classes arriving cost: sessions created, every client matched and joined.
  const [redisJoined, pgJoined] = [await redisInfo(redisClient), await pgInfo(db)];
  const listingBytes = Number(await redisClient.memory("USAGE", "roomcaches")) || 0;
  await sleep(8000);
  const m = new Meter([
    ...games.map((g, i) => ({ name: `game${i + 1}`, read: () => procStats(g.pid!) })),
    { name: "redis", read: () => procStats(redis.pid) },
    { name: "postgres", read: () => treeStats(postgres.pid) },
    { name: "nginx", read: () => treeStats(nginx.pid) },
    { name: "machine", read: machineStats },
    { name: "loadgen", read: () => load.workers.map((w) => procStats(w.pid!)).reduce((a, b) => ({ cpuS: a.cpuS + b.cpuS, rssMb: a.rssMb + b.rssMb }), { cpuS: 0, rssMb: 0 }) },
  ]);
  const [r0, p0] = [await redisInfo(redisClient), await pgInfo(db)];
  load.measure();
  m.begin();
  await sleep(SECONDS * 1000);
  const processes = m.end();
  const [r1, p1] = [await redisInfo(redisClient), await pgInfo(db)];
  const spread = await Promise.all(ports.map(async (port) => (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { rooms: number; clients: number }));
  const samples = await load.stop();
  const students = ROOMS * STUDENTS;
  const perS = (a: number, b: number) => (b - a) / SECONDS;
  const gameCpu = games.reduce((n, _, i) => n + processes[`game${i + 1}`].cpuPct, 0);
  console.log(JSON.stringify({
    ...context, processes: PROCESSES, rooms: ROOMS, students, clients: students + ROOMS, seconds: SECONDS,
    roomsPerProcess: spread.map((s) => s.rooms), clientsPerProcess: spread.map((s) => s.clients),
    ...summarize(load.joinMs, samples),
    cpuAndMemory: processes,
    gameCpuPctTotal: Number(gameCpu.toFixed(1)),
    studentsPerGameCore: Math.round(students / (gameCpu / 100)),
    joining: {
      redisCommandsPerClient: Number(((redisJoined.commands - redisIdle.commands) / (students + ROOMS)).toFixed(2)),
      postgresCommitsPerClient: Number(((pgJoined.commits - pgIdle.commits) / (students + ROOMS)).toFixed(2)),
    },
    redis: {
      listingBytesPerRoom: Math.round(listingBytes / ROOMS),
      commandsPerSec: Math.round(perS(r0.commands, r1.commands)), netInKBps: Math.round(perS(r0.netIn, r1.netIn) / 1024),
      netOutKBps: Math.round(perS(r0.netOut, r1.netOut) / 1024), memoryMb: Number((r1.memory / 1048576).toFixed(1)),
    },
    postgres: {
      commitsPerSec: Math.round(perS(p0.commits, p1.commits)), rowsInsertedPerSec: Math.round(perS(p0.inserted, p1.inserted)),
      rowsUpdatedPerSec: Math.round(perS(p0.updated, p1.updated)), walKBps: Math.round(perS(p0.walBytes, p1.walBytes) / 1024),
      databaseMb: Number((p1.dbBytes / 1048576).toFixed(1)),
    },
    perStudent: {
      redisCommandsPerSec: Number((perS(r0.commands, r1.commands) / students).toFixed(3)),
      redisListingBytes: Number((listingBytes / students).toFixed(1)),
      postgresCommitsPerSec: Number((perS(p0.commits, p1.commits) / students).toFixed(3)),
      postgresWalBytesPerSec: Math.round(perS(p0.walBytes, p1.walBytes) / students),
    },
  }, null, 2));
  redisClient.disconnect();
  await db.end();
} finally {
  await Promise.all(games.map((g) => new Promise<void>((resolve) => {
    if (g.exitCode !== null) return resolve();
    g.once("exit", () => resolve());
    g.kill("SIGKILL");
  })));
  for (const d of daemons.reverse()) await d.stop().catch(() => {});
}
process.exit(0);
