/**
 * Drives load-generator processes (./worker.ts) against a running server or cluster and measures
 * the processes that serve it. Used by cluster.bench.ts and capacity.bench.ts.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { percentile } from "../stats";
import type { WorkerJob, WorkerSamples } from "./worker";

const WORKER = fileURLToPath(new URL("./worker.ts", import.meta.url));
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU seconds (user + system) and resident memory of one process, from /proc. */
export function procStats(pid: number): { cpuS: number; rssMb: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    return { cpuS: ticks / 100, rssMb: rssKb / 1024 };
  } catch {
    return { cpuS: 0, rssMb: 0 };
  }
}

/**
 * The same for a process and all its descendants (PostgreSQL runs a process per connection, each
 * in its own session; nginx a master and workers). Processes that exited during the run take their
 * CPU time with them: a lower bound.
 */
export function treeStats(root: number): { cpuS: number; rssMb: number } {
  const parent = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch { /* gone */ }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = parent.get(p), hops++) if (p === root) return true;
    return false;
  };
  let cpuS = 0;
  let rssMb = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    const s = procStats(pid);
    cpuS += s.cpuS;
    rssMb += s.rssMb;
  }
  return { cpuS, rssMb };
}

/**
 * CPU seconds the whole machine spent busy (all cores, from /proc/stat): with our processes'
 * own time it shows how much of the machine other work took during the run.
 */
export function machineStats(): { cpuS: number; rssMb: number } {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
  const busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7];
  return { cpuS: busy / 100, rssMb: 0 };
}

/** Watches processes over the measured window: CPU as % of one core, memory at the end and at its peak. */
export class Meter {
  private readonly start = new Map<string, number>();
  private readonly peak = new Map<string, number>();
  private t0 = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly targets: { name: string; read: () => { cpuS: number; rssMb: number } }[]) {}

  begin(): void {
    this.t0 = performance.now();
    for (const t of this.targets) {
      const s = t.read();
      this.start.set(t.name, s.cpuS);
      this.peak.set(t.name, s.rssMb);
    }
    this.timer = setInterval(() => {
      for (const t of this.targets) this.peak.set(t.name, Math.max(this.peak.get(t.name) ?? 0, t.read().rssMb));
    }, 1000);
  }

  end(): Record<string, { cpuPct: number; rssMb: number; rssPeakMb: number }> {
    if (this.timer) clearInterval(this.timer);
    const wallS = (performance.now() - this.t0) / 1000;
    const out: Record<string, { cpuPct: number; rssMb: number; rssPeakMb: number }> = {};
    for (const t of this.targets) {
      const s = t.read();
      out[t.name] = {
        cpuPct: Number((((s.cpuS - (this.start.get(t.name) ?? 0)) / wallS) * 100).toFixed(1)),
        rssMb: Math.round(s.rssMb),
        rssPeakMb: Math.round(Math.max(this.peak.get(t.name) ?? 0, s.rssMb)),
      };
    }
    return out;
  }
}

export interface LoadPlan {
  http: string;
  ws: string;
  rooms: number;
  students: number;
  teams?: number;
  /** Load-generator processes the rooms are spread over. */
  workers: number;
  sendEveryMs?: number;
  tickRate?: number;
}

export interface LoadRun {
  workers: ChildProcess[];
  joinMs: number[];
  measure(): void;
  stop(): Promise<WorkerSamples[]>;
}

/** Creates the sessions, forks the workers and waits until every client has joined and every round runs. */
export async function startLoad(plan: LoadPlan): Promise<LoadRun> {
  const rooms: { code: string; hostSecret: string }[] = [];
  for (let r = 0; r < plan.rooms; r++) {
    const res = await fetch(`${plan.http}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    if (res.status !== 201) throw new Error(`creating session ${r + 1}: HTTP ${res.status} ${await res.text()}`);
    rooms.push((await res.json()) as { code: string; hostSecret: string });
  }
  const workers = Array.from({ length: plan.workers }, () => fork(WORKER, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] }));
  const joinMs: number[] = [];
  await Promise.all(workers.map((w, i) => new Promise<void>((resolve, reject) => {
    const job: WorkerJob = {
      ws: plan.ws, rooms: rooms.filter((_, r) => r % plan.workers === i), students: plan.students, teams: plan.teams ?? 4,
      sendEveryMs: plan.sendEveryMs ?? 2000, tickRate: plan.tickRate ?? 1,
    };
    w.on("message", (m: { type: string; joinMs?: number[]; error?: string }) => {
      if (m.type === "ready") {
        joinMs.push(...m.joinMs!);
        resolve();
      } else if (m.type === "failed") reject(new Error(`load worker ${i}: ${m.error}`));
    });
    w.once("exit", (code) => reject(new Error(`load worker ${i} exited with ${code}`)));
    w.send({ type: "start", job });
  })));
  return {
    workers,
    joinMs,
    measure: () => workers.forEach((w) => w.send({ type: "measure" })),
    stop: () => Promise.all(workers.map((w) => new Promise<WorkerSamples>((resolve) => {
      w.removeAllListeners("exit");
      w.on("message", (m: { type: string; samples?: WorkerSamples }) => { if (m.type === "samples") resolve(m.samples!); });
      w.send({ type: "stop" });
    }))),
  };
}

const ms = (v: number) => Number(v.toFixed(1));

/**
 * What else was running: the load average when the run began and this process's scheduling group
 * (a shared machine's other work competes for the cores; see docs/SCALING.md for how we ran).
 */
export function machineContext(): { loadAverage: number; autogroup: string } {
  const read = (path: string) => {
    try {
      return readFileSync(path, "utf8").trim();
    } catch {
      return "";
    }
  };
  return { loadAverage: Number(read("/proc/loadavg").split(" ")[0]), autogroup: read("/proc/self/autogroup") };
}

/** The figures every load benchmark reports. */
export function summarize(joinMs: number[], samples: WorkerSamples[]) {
  const result = samples.flatMap((s) => s.resultMs);
  const applied = samples.flatMap((s) => s.appliedMs);
  const bytes = samples.flatMap((s) => s.bytes);
  return {
    joinMsP50: ms(percentile(joinMs, 50)), joinMsP95: ms(percentile(joinMs, 95)), joinMsMax: ms(Math.max(...joinMs)),
    commands: result.length,
    commandsPerSec: Math.round(result.length / Math.max(...samples.map((s) => s.seconds))),
    refused: samples.reduce((n, s) => n + s.refused, 0),
    refusedBy: samples.reduce<Record<string, number>>((all, s) => {
      for (const [k, v] of Object.entries(s.refusedBy)) all[k] = (all[k] ?? 0) + v;
      return all;
    }, {}),
    unanswered: samples.reduce((n, s) => n + s.lost, 0),
    resultMsP50: ms(percentile(result, 50)), resultMsP95: ms(percentile(result, 95)), resultMsP99: ms(percentile(result, 99)),
    appliedMsP50: ms(percentile(applied, 50)), appliedMsP95: ms(percentile(applied, 95)), appliedMsP99: ms(percentile(applied, 99)),
    bytesPerClientPerSecP50: Math.round(percentile(bytes, 50)),
  };
}
