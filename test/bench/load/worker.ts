/**
 * One load-generator process for the cluster and capacity benchmarks (forked by ./driver.ts): joins
 * the teacher and the students of its share of the rooms over real WebSockets, starts each round,
 * then has every student send a command every `sendEveryMs` and times the answers.
 *
 * Messages from the driver: {type: "start", job} → joins, answers {type: "ready", joinMs[]};
 * {type: "measure"} → clears the samples; {type: "stop"} → answers {type: "samples", …} and exits.
 */
import { performance } from "node:perf_hooks";
import { Client, type Room } from "colyseus.js";
import { C2S, S2C, type AppliedMessage, type ResultMessage } from "../../../shared/protocol/messages";

export interface WorkerJob {
  ws: string;
  rooms: { code: string; hostSecret: string }[];
  students: number;
  teams: number;
  sendEveryMs: number;
  tickRate: number;
}

export interface WorkerSamples {
  resultMs: number[];
  appliedMs: number[];
  refused: number;
  /** Refusals by error code (an engine verdict such as cannot_afford, or a limit such as queue_full). */
  refusedBy: Record<string, number>;
  lost: number;
  bytes: number[];
  seconds: number;
}

interface Student {
  room: Room;
  team: number;
  nextId: number;
  sent: Map<number, number>;
  bytes: number;
  timer?: NodeJS.Timeout;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let resultMs: number[] = [];
let appliedMs: number[] = [];
let refused = 0;
let refusedBy: Record<string, number> = {};
let lost = 0;
let measureStart = 0;
const students: Student[] = [];
const hosts: Room[] = [];

function send(to: NodeJS.Process, message: unknown): void {
  to.send!(message);
}

function ignoreRest(room: Room, except: string[]): void {
  for (const type of [S2C.welcome, S2C.result, S2C.error, S2C.history, S2C.debrief, S2C.notice, S2C.applied, S2C.kicked]) {
    if (!except.includes(type)) room.onMessage(type, () => {});
  }
  // Other message types a newer server may send.
  room.onMessage("*", () => {});
}

async function joinStudent(ws: string, code: string, n: number, team: number): Promise<{ s: Student; ms: number }> {
  const t0 = performance.now();
  const room = await new Client(ws).joinById(code, { nickname: `s${n}` });
  const s: Student = { room, team, nextId: 1, sent: new Map(), bytes: 0 };
  await new Promise<void>((resolve) => room.onMessage(S2C.welcome, () => resolve()));
  const ms = performance.now() - t0;
  const socket = (room.connection.transport as unknown as { ws: { addEventListener: (t: string, f: (e: { data: ArrayBuffer }) => void) => void } }).ws;
  socket.addEventListener("message", (e) => { if (measureStart) s.bytes += e.data.byteLength ?? 0; });
  room.onMessage(S2C.result, (m: ResultMessage) => {
    const t = s.sent.get(m.id);
    if (t === undefined) return;
    if (measureStart) resultMs.push(performance.now() - t);
    if (!m.ok) {
      s.sent.delete(m.id);
      if (measureStart) {
        refused++;
        refusedBy[m.error.code] = (refusedBy[m.error.code] ?? 0) + 1;
      }
    }
  });
  room.onMessage(S2C.applied, (m: AppliedMessage) => {
    const t = s.sent.get(m.id);
    s.sent.delete(m.id);
    if (t !== undefined && measureStart) appliedMs.push(performance.now() - t);
  });
  ignoreRest(room, [S2C.result, S2C.applied, S2C.welcome]);
  room.send(C2S.chooseTeam, { id: s.nextId++, team });
  return { s, ms };
}

interface DcView { team: number; servers: { id: string; layer: string }[]; instances: { id: string }[] }

/** A plausible action: buy a server, install a container host, deploy a web container, or remove one. */
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

function sendCommand(s: Student): void {
  if (s.sent.size > 10) {
    // Answers that never came (a dropped socket): count them once and stop waiting.
    lost += s.sent.size;
    s.sent.clear();
  }
  const id = s.nextId++;
  s.sent.set(id, performance.now());
  s.room.send(C2S.command, { id, command: nextCommand(s) });
}

async function start(job: WorkerJob): Promise<number[]> {
  const joinMs: number[] = [];
  let n = 0;
  for (const { code, hostSecret } of job.rooms) {
    const host = await new Client(job.ws).joinById(code, { hostSecret });
    ignoreRest(host, []);
    hosts.push(host);
    // A class arrives at once: the room's students join concurrently.
    const joined = await Promise.all(Array.from({ length: job.students }, (_, i) => joinStudent(job.ws, code, n++, i % job.teams)));
    for (const j of joined) {
      students.push(j.s);
      joinMs.push(j.ms);
    }
    host.send(C2S.host, { id: 1, action: { type: "configure", tickRate: job.tickRate } });
    host.send(C2S.host, { id: 2, action: { type: "start" } });
    await sleep(200);
    host.send(C2S.host, { id: 3, action: { type: "start" } });
  }
  // Every student sends every `sendEveryMs`, staggered so the load is spread like real classes.
  students.forEach((s, i) => {
    setTimeout(() => {
      sendCommand(s);
      s.timer = setInterval(() => sendCommand(s), job.sendEveryMs);
    }, (i * job.sendEveryMs) / students.length);
  });
  return joinMs;
}

process.on("message", (m: { type: string; job?: WorkerJob }) => {
  if (m.type === "start") {
    start(m.job!).then((joinMs) => send(process, { type: "ready", joinMs }), (e: Error) => send(process, { type: "failed", error: e.message }));
  } else if (m.type === "measure") {
    resultMs = [];
    appliedMs = [];
    refused = 0;
    refusedBy = {};
    lost = 0;
    for (const s of students) s.bytes = 0;
    measureStart = performance.now();
  } else if (m.type === "stop") {
    const seconds = (performance.now() - measureStart) / 1000;
    for (const s of students) clearInterval(s.timer);
    const samples: WorkerSamples = { resultMs, appliedMs, refused, refusedBy, lost, bytes: students.map((s) => s.bytes / seconds), seconds };
    send(process, { type: "samples", samples });
    void Promise.all([...students.map((s) => s.room.leave().catch(() => {})), ...hosts.map((h) => h.leave().catch(() => {}))])
      .finally(() => process.exit(0));
  }
});
