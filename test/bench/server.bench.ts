/**
 * Server load benchmark: a real server process, N rooms × M students over real WebSockets, each
 * student sending a command every 2 s while rounds tick. Prints one JSON object.
 *   npm run bench:server -- [--rooms 20] [--students 30] [--seconds 60] [--port 2700]
 * Goal (2-core machine): 600 clients, p95 send→result under 100 ms, under 2 KB/s per client.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { Client, type Room } from "colyseus.js";
import { C2S, S2C, type ResultMessage } from "../../shared/protocol/messages";
import { percentile } from "./stats";

const { values } = parseArgs({
  options: {
    rooms: { type: "string", default: "20" },
    students: { type: "string", default: "30" },
    seconds: { type: "string", default: "60" },
    port: { type: "string", default: "2700" },
  },
});
const ROOMS = Number(values.rooms);
const STUDENTS = Number(values.students);
const SECONDS = Number(values.seconds);
const PORT = Number(values.port);
const URL_HTTP = `http://127.0.0.1:${PORT}`;
const URL_WS = `ws://127.0.0.1:${PORT}`;
const TEAMS = 4;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function procStats(pid: number): { cpuS: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]);
  return { cpuS: ticks / 100, rssMb: rssKb / 1024 };
}

async function waitHealthy(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(`${URL_HTTP}/health`);
      if (r.ok) return;
    } catch { /* not up yet */ }
    await sleep(100);
  }
  throw new Error("server did not start");
}

interface Student {
  room: Room;
  team: number;
  bytes: number;
  nextId: number;
  sent: Map<number, number>;
}

const latencies: number[] = [];
let measuring = false;
let errors = 0;

function countBytes(room: Room, onBytes: (n: number) => void): void {
  const ws = (room.connection.transport as unknown as { ws: { addEventListener: (t: string, f: (e: { data: ArrayBuffer | Buffer }) => void) => void } }).ws;
  ws.addEventListener("message", (e) => onBytes((e.data as ArrayBuffer).byteLength ?? 0));
}

async function joinStudent(code: string, n: number, team: number): Promise<Student> {
  const client = new Client(URL_WS);
  const room = await client.joinById(code, { nickname: `s${n}` });
  const s: Student = { room, team, bytes: 0, nextId: 1, sent: new Map() };
  countBytes(room, (b) => { if (measuring) s.bytes += b; });
  room.onMessage(S2C.result, (m: ResultMessage) => {
    const t0 = s.sent.get(m.id);
    if (t0 === undefined) return;
    s.sent.delete(m.id);
    if (measuring) latencies.push(performance.now() - t0);
    if (!m.ok) errors++;
  });
  for (const type of [S2C.welcome, S2C.error, S2C.history, S2C.debrief, S2C.notice, S2C.applied, S2C.kicked]) room.onMessage(type, () => {});
  room.send(C2S.chooseTeam, { id: s.nextId++, team });
  return s;
}

interface DcView { team: number; servers: { id: string; layer: string }[]; instances: { id: string }[] }

/** A plausible action: install a container host, deploy a web container, or remove one. */
function nextCommand(s: Student): unknown {
  const dcs = (s.room.state as { datacenters?: DcView[] }).datacenters ?? [];
  const dc = dcs.find((d) => d.team === s.team);
  if (!dc || dc.servers.length === 0) return { type: "buyServer", model: "small" };
  const bare = dc.servers.find((sv) => sv.layer === "");
  if (bare) return { type: "installLayer", server: bare.id, layer: "container-host" };
  const all = [...dc.instances];
  if (all.length > 6 || (all.length > 0 && Math.random() < 0.4)) return { type: "remove", instance: all[Math.floor(Math.random() * all.length)].id };
  return { type: "deploy", target: dc.servers[Math.floor(Math.random() * dc.servers.length)].id, app: "web", cpu: 500 };
}

function send(s: Student): void {
  const id = s.nextId++;
  s.sent.set(id, performance.now());
  s.room.send(C2S.command, { id, command: nextCommand(s) });
}

async function main(): Promise<void> {
  const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, PORT: String(PORT), NODE_ENV: "production", SESSIONS_PER_MINUTE: "1000", JOINS_PER_MINUTE: "100000" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitHealthy();
    const students: Student[] = [];
    for (let r = 0; r < ROOMS; r++) {
      const res = await fetch(`${URL_HTTP}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      const { code, hostSecret } = (await res.json()) as { code: string; hostSecret: string };
      const hostClient = new Client(URL_WS);
      const host = await hostClient.joinById(code, { hostSecret });
      for (const type of [S2C.welcome, S2C.result, S2C.error, S2C.history, S2C.debrief, S2C.notice, S2C.applied, S2C.kicked]) host.onMessage(type, () => {});
      const joined = await Promise.all(Array.from({ length: STUDENTS }, (_, i) => joinStudent(code, r * 1000 + i, i % TEAMS)));
      students.push(...joined);
      host.send(C2S.host, { id: 1, action: { type: "start" } });
      await sleep(300);
      host.send(C2S.host, { id: 2, action: { type: "start" } });
    }
    // Every student sends every 2 s, staggered so the load is spread like a real class.
    const timers = students.map((s, i) => setTimeout(() => {
      send(s);
      (s as Student & { timer?: NodeJS.Timeout }).timer = setInterval(() => send(s), 2000);
    }, (i * 2000) / students.length));
    await sleep(5000);
    measuring = true;
    const before = procStats(server.pid!);
    const t0 = performance.now();
    let rssPeak = before.rssMb;
    for (let waited = 0; waited < SECONDS; waited++) {
      await sleep(1000);
      rssPeak = Math.max(rssPeak, procStats(server.pid!).rssMb);
    }
    measuring = false;
    const wallS = (performance.now() - t0) / 1000;
    const after = procStats(server.pid!);
    timers.forEach(clearTimeout);
    for (const s of students) clearInterval((s as Student & { timer?: NodeJS.Timeout }).timer);
    const bytes = students.map((s) => s.bytes / wallS);
    console.log(JSON.stringify({
      clients: students.length + ROOMS,
      rooms: ROOMS,
      students: students.length,
      seconds: Math.round(wallS),
      commands: latencies.length,
      refused: errors,
      latencyMsP50: Number(percentile(latencies, 50).toFixed(1)),
      latencyMsP95: Number(percentile(latencies, 95).toFixed(1)),
      latencyMsP99: Number(percentile(latencies, 99).toFixed(1)),
      serverCpuPct: Number((((after.cpuS - before.cpuS) / wallS) * 100).toFixed(1)),
      serverRssMb: Math.round(after.rssMb),
      serverRssPeakMb: Math.round(rssPeak),
      bytesPerClientPerSecP50: Math.round(percentile(bytes, 50)),
      bytesPerClientPerSecMax: Math.round(Math.max(...bytes)),
    }));
    await Promise.all(students.map((s) => s.room.leave().catch(() => {})));
  } finally {
    server.kill("SIGTERM");
  }
  process.exit(0);
}

void main();
