/**
 * One process holding many classes: a single game process (SQLite by default, or --postgres),
 * R rooms × S students over real WebSockets from several load-generator processes, each student
 * sending a command every 2 s while rounds tick at 1/s. Prints one JSON object: join and
 * send→result/applied latencies, CPU and memory of the game process (and PostgreSQL), and of the
 * load generators, which share the machine. Goal: 2,000 students (40 × 50), send→result p95 < 100 ms.
 *   npm run bench:capacity -- [--rooms 40] [--students 50] [--seconds 60] [--workers 3] [--postgres] [--profile]
 * --profile: a V8 CPU profile of the game process over the whole run, summarised as where its
 * time went (by package or source folder).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { freePort, startPostgres, type UrlDaemon } from "../../server/cluster/daemons";
import { treeStats, machineContext, machineStats, Meter, procStats, sleep, startLoad, summarize } from "./load/driver";

const { values } = parseArgs({
  options: {
    rooms: { type: "string", default: "40" },
    students: { type: "string", default: "50" },
    seconds: { type: "string", default: "60" },
    workers: { type: "string", default: "3" },
    postgres: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
  },
});
const ROOMS = Number(values.rooms);
const STUDENTS = Number(values.students);
const SECONDS = Number(values.seconds);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const context = machineContext();
const dataDir = mkdtempSync(join(tmpdir(), "spikeday-capacity-"));
let postgres: UrlDaemon | null = null;
let game: ChildProcess | null = null;
try {
  if (values.postgres) postgres = await startPostgres({ durable: true });
  const port = await freePort();
  const profileArgs = values.profile ? ["--cpu-prof", "--cpu-prof-dir", join(dataDir, "profile")] : [];
  game = spawn(process.execPath, [...profileArgs, "--import", "tsx", "server/main.ts"], {
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
    ...(postgres ? [{ name: "postgres", read: () => treeStats(postgres!.pid) }] : []),
    { name: "machine", read: machineStats },
    { name: "loadgen", read: () => load.workers.map((w) => procStats(w.pid!)).reduce((a, b) => ({ cpuS: a.cpuS + b.cpuS, rssMb: a.rssMb + b.rssMb }), { cpuS: 0, rssMb: 0 }) },
  ]);
  load.measure();
  meter.begin();
  await sleep(SECONDS * 1000);
  const processes = meter.end();
  const samples = await load.stop();
  const students = ROOMS * STUDENTS;
  console.log(JSON.stringify({
    ...context, store: postgres ? "postgres" : "sqlite", rooms: ROOMS, students, clients: students + ROOMS, seconds: SECONDS,
    ...summarize(load.joinMs, samples),
    cpuAndMemory: processes,
    studentsPerCore: Math.round(students / (processes.game.cpuPct / 100)),
  }, null, 2));
  if (values.profile) {
    // SIGTERM: the server shuts down by itself and V8 writes the profile as the process exits.
    const g2 = game;
    await new Promise<void>((resolve) => {
      g2.once("exit", () => resolve());
      g2.kill("SIGTERM");
    });
    console.log(JSON.stringify({ profile: summarizeProfile(join(dataDir, "profile")) }, null, 2));
  }
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

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }

/** Self time per package or source folder, in percent of the samples, largest first. */
function summarizeProfile(dir: string): Record<string, number> {
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) return {};
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as { nodes: ProfileNode[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const bucket = (n: ProfileNode): string => {
    const url = n.callFrame.url;
    if (!url) return n.callFrame.functionName ? `(${n.callFrame.functionName})` : "(native)";
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (pkg) return pkg[1];
    if (url.startsWith("node:")) return url.split("/")[0];
    const own = /\/(server|shared)\/([^/]+)/.exec(url);
    return own ? `${own[1]}/${own[2]}` : url.slice(-40);
  };
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    const key = bucket(byId.get(id)!);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length;
  return Object.fromEntries([...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => [k, Number(((v / total) * 100).toFixed(1))]));
}
