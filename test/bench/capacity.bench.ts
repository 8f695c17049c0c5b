/**
 * One process holding many classes: a single game process (SQLite by default, or --postgres),
 * R rooms × S students over real WebSockets from several load-generator processes, each student
 * sending a command every 2 s while rounds tick at 1/s. Prints one JSON object: join and
 * send→result/applied latencies, CPU and memory of the game process (and PostgreSQL), and of the
 * load generators, which share the machine. Goal: 2,000 students (40 × 50), send→result p95 < 100 ms.
 *   npm run bench:capacity -- [--rooms 40] [--students 50] [--seconds 60] [--workers 3] [--postgres]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { freePort, startPostgres, type UrlDaemon } from "../../server/cluster/daemons";
import { groupStats, Meter, procStats, sleep, startLoad, summarize } from "./load/driver";

const { values } = parseArgs({
  options: {
    rooms: { type: "string", default: "40" },
    students: { type: "string", default: "50" },
    seconds: { type: "string", default: "60" },
    workers: { type: "string", default: "3" },
    postgres: { type: "boolean", default: false },
  },
});
const ROOMS = Number(values.rooms);
const STUDENTS = Number(values.students);
const SECONDS = Number(values.seconds);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const dataDir = mkdtempSync(join(tmpdir(), "spikeday-capacity-"));
let postgres: UrlDaemon | null = null;
let game: ChildProcess | null = null;
try {
  if (values.postgres) postgres = await startPostgres({ durable: true });
  const port = await freePort();
  game = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT, stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env, PORT: String(port), NODE_ENV: "production", DATA_DIR: dataDir, ...(postgres ? { DATABASE_URL: postgres.url } : {}),
      // One machine plays every school here: the per-address limits would refuse it.
      SESSIONS_PER_MINUTE: "100000", JOINS_PER_MINUTE: "1000000",
    },
  });
  for (let i = 0; ; i++) {
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) break;
    if (i > 300 || game.exitCode !== null) throw new Error("the game process did not start");
    await sleep(100);
  }
  const load = await startLoad({
    http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}`, rooms: ROOMS, students: STUDENTS, workers: Number(values.workers),
  });
  await sleep(8000);
  const g = game;
  const meter = new Meter([
    { name: "game", read: () => procStats(g.pid!) },
    ...(postgres ? [{ name: "postgres", read: () => groupStats(postgres!.pid) }] : []),
    { name: "loadgen", read: () => load.workers.map((w) => procStats(w.pid!)).reduce((a, b) => ({ cpuS: a.cpuS + b.cpuS, rssMb: a.rssMb + b.rssMb }), { cpuS: 0, rssMb: 0 }) },
  ]);
  load.measure();
  meter.begin();
  await sleep(SECONDS * 1000);
  const processes = meter.end();
  const samples = await load.stop();
  const students = ROOMS * STUDENTS;
  console.log(JSON.stringify({
    store: postgres ? "postgres" : "sqlite", rooms: ROOMS, students, clients: students + ROOMS, seconds: SECONDS,
    ...summarize(load.joinMs, samples),
    cpuAndMemory: processes,
    studentsPerCore: Math.round(students / (processes.game.cpuPct / 100)),
  }, null, 2));
} finally {
  if (game && game.exitCode === null) {
    const g = game;
    await new Promise<void>((resolve) => {
      g.once("exit", () => resolve());
      g.kill("SIGKILL");
    });
  }
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
