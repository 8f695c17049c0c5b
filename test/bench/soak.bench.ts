/**
 * Soak benchmark: a lesson's length of classes on one server. N rooms × M students over real
 * WebSockets play the lesson plan's rounds back to back (old era, VMs on exam morning, containers on
 * exam morning, Double-12, again), each student sending a command every 2 s while the clock runs.
 * It records the server's memory over time (does it level off?), every GC pause (from a probe loaded
 * into the server), and each command's send→result time, with and without the ones that waited on
 * a GC pause.
 *   npm run bench:soak -- [--minutes 45] [--rooms 20] [--students 30] [--tick-rate 1] [--out FILE]
 * Prints one JSON summary; the time series goes to --out (default test/artifacts/soak.json).
 * Goal (2-core machine): RSS levels off (slope over the last third near 0 MB/min); p99 < 100 ms
 * outside GC pauses.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { Client, type Room } from "colyseus.js";
import { C2S, S2C, type ResultMessage } from "../../shared/protocol/messages";
import { percentile } from "./stats";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "45" },
    rooms: { type: "string", default: "20" },
    students: { type: "string", default: "30" },
    "tick-rate": { type: "string", default: "1" },
    "debrief-seconds": { type: "string", default: "15" },
    port: { type: "string", default: "2701" },
    out: { type: "string", default: "test/artifacts/soak.json" },
  },
});
const MINUTES = Number(values.minutes);
const ROOMS = Number(values.rooms);
const STUDENTS = Number(values.students);
const TICK_RATE = Number(values["tick-rate"]);
const DEBRIEF_MS = Number(values["debrief-seconds"]) * 1000;
const PORT = Number(values.port);
const HTTP = `http://127.0.0.1:${PORT}`;
const WS = `ws://127.0.0.1:${PORT}`;
const TEAMS = 4;
/** The README's lesson plan, round after round. */
const PLAN = ["old-era", "exam-morning", "exam-morning", "double-12"] as const;
const SAMPLE_EVERY_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();
const MB = 1024 * 1024;

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
}

function cpuS(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** Least-squares slope of y over x (MB per minute when x is minutes and y megabytes). */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

interface Gc { at: number; ms: number; kind: string }
interface Mem { at: number; rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number; loopP99Ms: number; loopMaxMs: number }
interface Sample { sent: number; ms: number }

const gcs: Gc[] = [];
const mems: Mem[] = [];
const samples: Sample[] = [];
const refusals = new Map<string, number>();
let measuring = false;

interface DcView { team: number; servers: { id: string; layer: string }[]; instances: { id: string }[] }
interface StateView { phase?: string; round?: { unlocks?: string[]; apps?: string[] }; datacenters?: DcView[] }

interface Student { room: Room; client: Client; team: number; nextId: number; sent: Map<number, number> }

let stopping = false;
let drops = 0;
let rejoined = 0;

/**
 * Like a browser: a dropped connection (the server's ping gave up on a stalled client process, say)
 * is taken back with the reconnection token, then re-wired by `wire`.
 */
function keepConnected(get: () => Room, client: Client, wire: (room: Room) => void): void {
  get().onLeave(async (code) => {
    if (stopping || code === 4000) return;
    drops++;
    for (let attempt = 1; attempt <= 30 && !stopping; attempt++) {
      try {
        const room = await client.reconnect(get().reconnectionToken);
        rejoined++;
        wire(room);
        keepConnected(get, client, wire);
        return;
      } catch {
        await sleep(Math.min(3000, 400 * attempt));
      }
    }
  });
}

/** A plausible action for the round being played: buy, install what is allowed, deploy, remove. */
function nextCommand(s: Student): unknown {
  const st = s.room.state as StateView;
  const dc = st.datacenters?.find((d) => d.team === s.team);
  if (!dc || dc.servers.length === 0) return { type: "buyServer", model: "small" };
  const unlocks = [...(st.round?.unlocks ?? [])];
  const bare = dc.servers.find((sv) => sv.layer === "");
  if (bare) return { type: "installLayer", server: bare.id, layer: unlocks.includes("container-host") ? "container-host" : "bare-linux" };
  const apps = [...(st.round?.apps ?? ["web"])];
  if (dc.instances.length > 6 || (dc.instances.length > 0 && Math.random() < 0.4)) {
    return { type: "remove", instance: dc.instances[Math.floor(Math.random() * dc.instances.length)].id };
  }
  // Mostly the web tier (it runs anywhere); sometimes another app of the round, which may be refused.
  const app = Math.random() < 0.7 ? "web" : apps[Math.floor(Math.random() * apps.length)] ?? "web";
  return { type: "deploy", target: dc.servers[Math.floor(Math.random() * dc.servers.length)].id, app };
}

function quiet(room: Room, except: string[] = []): void {
  for (const type of Object.values(S2C)) if (!except.includes(type)) room.onMessage(type, () => {});
}

async function joinStudent(code: string, n: number, team: number): Promise<Student> {
  const client = new Client(WS);
  const room = await client.joinById(code, { nickname: `s${n}` });
  const s: Student = { room, client, team, nextId: 1, sent: new Map() };
  const wire = (r: Room) => {
    s.room = r;
    s.sent.clear();
    quiet(r, [S2C.result]);
    r.onMessage(S2C.result, (m: ResultMessage) => {
      const t0 = s.sent.get(m.id);
      if (t0 === undefined) return;
      s.sent.delete(m.id);
      if (measuring) samples.push({ sent: t0, ms: now() - t0 });
      if (!m.ok) refusals.set(m.error.code, (refusals.get(m.error.code) ?? 0) + 1);
    });
  };
  wire(room);
  keepConnected(() => s.room, client, wire);
  room.send(C2S.chooseTeam, { id: s.nextId++, team });
  return s;
}

function send(s: Student): void {
  if ((s.room.state as StateView).phase !== "playing") return;
  const id = s.nextId++;
  s.sent.set(id, now());
  s.room.send(C2S.command, { id, command: nextCommand(s) });
}

/** The teacher: when a round is over, a short debrief, then the next round of the plan. */
function teach(teacher: { room: Room }, roundsDone: number[], r: number): NodeJS.Timeout {
  let next = 1;
  let busy = false;
  let id = 10;
  return setInterval(() => {
    const host = teacher.room;
    const phase = (host.state as StateView).phase;
    if (busy || phase !== "over") return;
    busy = true;
    roundsDone[r]++;
    void (async () => {
      await sleep(DEBRIEF_MS);
      host.send(C2S.host, { id: id++, action: { type: "configure", scenario: PLAN[next++ % PLAN.length], tickRate: TICK_RATE } });
      host.send(C2S.host, { id: id++, action: { type: "start" } });
      await sleep(2000);
      host.send(C2S.host, { id: id++, action: { type: "start" } });
      busy = false;
    })();
  }, 1000);
}

/** Pauses (sorted by start) overlapping [from, to]. */
function overlaps(pauses: Gc[], from: number, to: number): boolean {
  let lo = 0;
  let hi = pauses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pauses[mid].at + pauses[mid].ms < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < pauses.length && pauses[lo].at <= to;
}

function latency(list: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const r = (v: number) => Number(v.toFixed(1));
  return { n: list.length, p50: r(percentile(list, 50)), p95: r(percentile(list, 95)), p99: r(percentile(list, 99)), max: r(list.reduce((m, v) => Math.max(m, v), 0)) };
}

async function main(): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), "spikeday-soak-"));
  const server = spawn(process.execPath, ["--import", "tsx", "--import", "./test/bench/probe.ts", "server/main.ts"], {
    env: { ...process.env, PORT: String(PORT), DATA_DIR: data, NODE_ENV: "production", SESSIONS_PER_MINUTE: "1000", JOINS_PER_MINUTE: "100000" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  server.on("message", (m: { gc?: Gc; mem?: Mem }) => {
    if (m.gc && measuring) gcs.push(m.gc);
    if (m.mem) mems.push(m.mem);
  });
  const timers: NodeJS.Timeout[] = [];
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${HTTP}/health`)).ok) break;
      } catch { /* not up yet */ }
      if (i > 300) throw new Error("server did not start");
      await sleep(100);
    }
    const students: Student[] = [];
    const hosts: { room: Room }[] = [];
    const roundsDone = Array.from({ length: ROOMS }, () => 0);
    for (let r = 0; r < ROOMS; r++) {
      const res = await fetch(`${HTTP}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      const { code, hostSecret } = (await res.json()) as { code: string; hostSecret: string };
      const hostClient = new Client(WS);
      const host = await hostClient.joinById(code, { hostSecret });
      quiet(host);
      const teacher = { room: host };
      hosts.push(teacher);
      keepConnected(() => teacher.room, hostClient, (room) => { teacher.room = room; quiet(room); });
      for (let b = 0; b < STUDENTS; b += 10) {
        students.push(...(await Promise.all(Array.from({ length: Math.min(10, STUDENTS - b) }, (_, i) => joinStudent(code, r * 1000 + b + i, (b + i) % TEAMS)))));
      }
      host.send(C2S.host, { id: 1, action: { type: "configure", scenario: PLAN[0], tickRate: TICK_RATE } });
      host.send(C2S.host, { id: 2, action: { type: "start" } });
      await sleep(300);
      host.send(C2S.host, { id: 3, action: { type: "start" } });
      timers.push(teach(teacher, roundsDone, r));
    }
    students.forEach((s, i) => timers.push(setTimeout(() => {
      send(s);
      timers.push(setInterval(() => send(s), 2000));
    }, (i * 2000) / students.length)));

    await sleep(5000);
    measuring = true;
    const t0 = Date.now();
    const cpu0 = cpuS(server.pid!);
    const series: { min: number; rssMb: number; heapMb: number; externalMb: number; p99Ms: number; commands: number; loopP99Ms: number; drops: number }[] = [];
    let seen = 0;
    const record = () => {
      const window = samples.slice(seen).map((s) => s.ms);
      seen = samples.length;
      const mem = mems[mems.length - 1];
      const point = {
        min: Number(((Date.now() - t0) / 60_000).toFixed(2)), rssMb: Math.round(rssMb(server.pid!)),
        heapMb: Math.round((mem?.heapUsed ?? 0) / MB), externalMb: Math.round(((mem?.external ?? 0) + (mem?.arrayBuffers ?? 0)) / MB),
        p99Ms: Number(percentile(window, 99).toFixed(1)), commands: window.length, loopP99Ms: Number((mem?.loopP99Ms ?? 0).toFixed(1)), drops,
      };
      series.push(point);
      process.stderr.write(`${JSON.stringify(point)}\n`);
      // Kept as it goes: a run cut short (the machine's other users, a crash) still leaves its figures.
      mkdirSync(dirname(values.out!), { recursive: true });
      writeFileSync(values.out!, JSON.stringify({ partial: true, series }, null, 1));
    };
    record();
    while (Date.now() - t0 < MINUTES * 60_000) {
      await sleep(Math.min(SAMPLE_EVERY_MS, MINUTES * 60_000 - (Date.now() - t0)));
      record();
    }
    measuring = false;
    const wallS = (Date.now() - t0) / 1000;
    const cpuPct = ((cpuS(server.pid!) - cpu0) / wallS) * 100;

    gcs.sort((a, b) => a.at - b.at);
    const major = gcs.filter((g) => g.kind === "major");
    const all = samples.map((s) => s.ms);
    const outsideGc = samples.filter((s) => !overlaps(gcs, s.sent, s.sent + s.ms)).map((s) => s.ms);
    const outsideMajor = samples.filter((s) => !overlaps(major, s.sent, s.sent + s.ms)).map((s) => s.ms);
    const third = series.filter((p) => p.min >= (MINUTES * 2) / 3);
    const summary = {
      minutes: Number((wallS / 60).toFixed(1)), rooms: ROOMS, students: ROOMS * STUDENTS, tickRate: TICK_RATE,
      roundsFinished: roundsDone.reduce((a, b) => a + b, 0),
      commands: all.length, refused: Object.fromEntries(refusals), drops, rejoined,
      latencyMs: latency(all), latencyOutsideGcMs: latency(outsideGc), latencyOutsideMajorGcMs: latency(outsideMajor),
      gc: {
        pauses: gcs.length, major: major.length, totalPauseS: Number((gcs.reduce((s, g) => s + g.ms, 0) / 1000).toFixed(1)),
        maxPauseMs: Number(gcs.reduce((m, g) => Math.max(m, g.ms), 0).toFixed(1)),
        maxMajorPauseMs: Number(major.reduce((m, g) => Math.max(m, g.ms), 0).toFixed(1)),
      },
      serverCpuPct: Number(cpuPct.toFixed(1)),
      rssMb: {
        start: series[0]?.rssMb, third: series.find((p) => p.min >= MINUTES / 3)?.rssMb, twoThirds: third[0]?.rssMb,
        end: series[series.length - 1]?.rssMb, peak: Math.max(...series.map((p) => p.rssMb)),
      },
      rssSlopeLastThirdMbPerMin: Number(slope(third.map((p) => ({ x: p.min, y: p.rssMb }))).toFixed(2)),
      heapSlopeLastThirdMbPerMin: Number(slope(third.map((p) => ({ x: p.min, y: p.heapMb }))).toFixed(2)),
      loopDelayP99MaxMs: Number(Math.max(...mems.map((m) => m.loopP99Ms)).toFixed(1)),
    };
    mkdirSync(dirname(values.out!), { recursive: true });
    writeFileSync(values.out!, JSON.stringify({ summary, series, memory: mems.map((m) => ({ ...m, rss: Math.round(m.rss / MB), heapUsed: Math.round(m.heapUsed / MB) })) }, null, 1));
    console.log(JSON.stringify(summary));
    stopping = true;
    await Promise.all([...students.map((s) => s.room.leave().catch(() => {})), ...hosts.map((h) => h.room.leave().catch(() => {}))]);
  } finally {
    timers.forEach((t) => clearInterval(t));
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    rmSync(data, { recursive: true, force: true });
  }
  process.exit(0);
}

void main();
