/**
 * Server load benchmark: a real server process, N rooms × M students over real WebSockets, each
 * student sending a command every 2 s while rounds tick (each team grows to a mid-size datacenter,
 * then churns). Prints one JSON object, including the bytes each student and each teacher receive.
 *   npm run bench:server -- [--rooms 20] [--students 30] [--seconds 60] [--warmup 45] [--port 2700]
 * Goals (2-core machine): 600 clients, p95 send→result under 100 ms; a student under 1 KB/s (the
 * teacher, who sees every team's racks, a little more). The bench's own 600 clients share the
 * machine with the server: on a loaded machine their decoding, not the server, sets the latency.
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
    warmup: { type: "string", default: "45" },
  },
});
const ROOMS = Number(values.rooms);
const STUDENTS = Number(values.students);
const SECONDS = Number(values.seconds);
const PORT = Number(values.port);
/** Seconds played before measuring: long enough for the servers bought to be delivered (30 ticks). */
const WARMUP = Number(values.warmup);
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
  builder: boolean;
}

const latencies: number[] = [];
let measuring = false;
let errors = 0;
const refusals = new Map<string, number>();

function countBytes(room: Room, onBytes: (n: number) => void): void {
  const ws = (room.connection.transport as unknown as { ws: { addEventListener: (t: string, f: (e: { data: ArrayBuffer | Buffer }) => void) => void } }).ws;
  ws.addEventListener("message", (e) => onBytes((e.data as ArrayBuffer).byteLength ?? 0));
}

async function joinStudent(code: string, n: number, team: number, builder: boolean): Promise<Student> {
  const client = new Client(URL_WS);
  const room = await client.joinById(code, { nickname: `s${n}` });
  const s: Student = { room, team, bytes: 0, nextId: 1, sent: new Map(), builder };
  countBytes(room, (b) => { if (measuring) s.bytes += b; });
  room.onMessage(S2C.result, (m: ResultMessage) => {
    const t0 = s.sent.get(m.id);
    if (t0 === undefined) return;
    s.sent.delete(m.id);
    if (measuring) latencies.push(performance.now() - t0);
    if (!m.ok && measuring) { errors++; refusals.set(m.error.code, (refusals.get(m.error.code) ?? 0) + 1); }
  });
  for (const type of Object.values(S2C)) if (type !== S2C.result) room.onMessage(type, () => {});
  room.send(C2S.chooseTeam, { id: s.nextId++, team });
  return s;
}

interface DcView {
  team: number;
  servers: { id: string; layer: string; readyAt: number; layerReadyAt: number }[];
  vms: { id: string; server: string; engine: boolean; readyAt: number }[];
  instances: { id: string }[];
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
/** Each team grows to a mid-size datacenter (4 servers, 2 VMs, about 24 instances), then churns. */
const TARGET = { servers: 4, vmsPerHypervisor: 2, instances: 24 };

/**
 * A plausible action towards a mid-size datacenter, like a class a few minutes in: buy servers,
 * install container hosts and a hypervisor with VMs, deploy the three apps, then move them around.
 */
function nextCommand(s: Student): unknown {
  const dcs = (s.room.state as { datacenters?: DcView[]; tick?: number }).datacenters ?? [];
  const tick = (s.room.state as { tick?: number }).tick ?? 0;
  const dc = dcs.find((d) => d.team === s.team);
  if (!dc) return { type: "buyServer", model: "small" };
  // One student per team builds (the others would all buy at once from the same view).
  if (s.builder && dc.servers.length < TARGET.servers) return { type: "buyServer", model: "large" };
  const bare = dc.servers.filter((sv) => sv.layer === "" && sv.readyAt <= tick);
  if (s.builder && bare.length > 0) {
    const sv = pick(bare);
    return { type: "installLayer", server: sv.id, layer: dc.servers.indexOf(sv) % 2 === 1 ? "type1" : "container-host" };
  }
  const hypervisors = dc.servers.filter((sv) => sv.layer === "type1" && sv.layerReadyAt <= tick);
  for (const hv of s.builder ? hypervisors : []) {
    if (dc.vms.filter((v) => v.server === hv.id).length < TARGET.vmsPerHypervisor) {
      return { type: "createVm", server: hv.id, os: "linux", mode: "para", vcpus: 3, mem: 8192, engine: true };
    }
  }
  const targets = [
    ...dc.servers.filter((sv) => sv.layer === "container-host" && sv.layerReadyAt <= tick).map((sv) => sv.id),
    ...dc.vms.filter((v) => v.engine && v.readyAt <= tick).map((v) => v.id),
  ];
  const all = dc.instances;
  if (targets.length === 0 || all.length >= TARGET.instances || (all.length > TARGET.instances / 2 && Math.random() < 0.3)) {
    if (all.length > 0) return { type: "remove", instance: pick(all).id };
  }
  if (targets.length === 0) return { type: "remove", instance: "i999999" };
  return { type: "deploy", target: pick(targets), app: pick(["web", "web", "grades", "grades", "db"]), cpu: 1000 };
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
    const teachers: { bytes: number; room: Room }[] = [];
    for (let r = 0; r < ROOMS; r++) {
      const res = await fetch(`${URL_HTTP}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      const { code, hostSecret } = (await res.json()) as { code: string; hostSecret: string };
      const hostClient = new Client(URL_WS);
      const host = await hostClient.joinById(code, { hostSecret });
      const teacher = { bytes: 0, room: host };
      teachers.push(teacher);
      countBytes(host, (b) => { if (measuring) teacher.bytes += b; });
      for (const type of Object.values(S2C)) host.onMessage(type, () => {});
      const joined = await Promise.all(Array.from({ length: STUDENTS }, (_, i) => joinStudent(code, r * 1000 + i, i % TEAMS, i < TEAMS)));
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
    await sleep(WARMUP * 1000);
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
    const teacherBytes = teachers.map((t) => t.bytes / wallS);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const dcs = teachers.flatMap((t) => (t.room.state as { datacenters?: DcView[] }).datacenters?.filter((d) => d && d.team < TEAMS) ?? []);
    const size = (f: (d: DcView) => number) => Number(mean(dcs.map(f)).toFixed(1));
    console.log(JSON.stringify({
      clients: students.length + ROOMS,
      rooms: ROOMS,
      students: students.length,
      seconds: Math.round(wallS),
      commands: latencies.length,
      refused: errors,
      refusedBy: Object.fromEntries(refusals),
      latencyMsP50: Number(percentile(latencies, 50).toFixed(1)),
      latencyMsP95: Number(percentile(latencies, 95).toFixed(1)),
      latencyMsP99: Number(percentile(latencies, 99).toFixed(1)),
      serverCpuPct: Number((((after.cpuS - before.cpuS) / wallS) * 100).toFixed(1)),
      serverRssMb: Math.round(after.rssMb),
      serverRssPeakMb: Math.round(rssPeak),
      perTeam: { servers: size((d) => d.servers.length), vms: size((d) => d.vms.length), instances: size((d) => d.instances.length) },
      bytesPerStudentPerSecAvg: Math.round(mean(bytes)),
      bytesPerStudentPerSecP50: Math.round(percentile(bytes, 50)),
      bytesPerStudentPerSecMax: Math.round(Math.max(...bytes)),
      bytesPerTeacherPerSecAvg: Math.round(mean(teacherBytes)),
      bytesPerTeacherPerSecMax: Math.round(Math.max(...teacherBytes)),
    }));
    await Promise.all(students.map((s) => s.room.leave().catch(() => {})));
  } finally {
    server.kill("SIGTERM");
  }
  process.exit(0);
}

void main();
