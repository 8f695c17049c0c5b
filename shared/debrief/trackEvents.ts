/**
 * What the round tracker (track.ts) reads from the engine's events: incidents by cause, what they
 * hit and what walled them in, the failing server and what died with it. Called once per event of
 * the tick just played, with the state that tick left.
 */
import { APP_IDS, type AppId } from "../engine/data";
import type { GameEvent, Instance, Server, Team } from "../engine/types";
import { newDownMemory, noteHits, type DownMemory } from "./losses";
import type { PackingPeak } from "./packing";
import type { TeamFacts } from "./facts";

/** Per team, what the tracker remembers between ticks (ids seen, CPU held, the warned server). */
export interface Memory {
  seen: Set<string>;
  cpu: Map<string, number>;
  pulled: Map<string, { cache: Server["cache"]; n: number }>;
  /** The server that warned of failing hardware and has not died yet. */
  warned: string | null;
  gpuIdle: number;
  gpuCpu: number;
  peak: PackingPeak | null;
  /** Why instances are down (losses.ts). */
  down: DownMemory;
}

export function newMemory(): Memory {
  return {
    seen: new Set<string>(), cpu: new Map<string, number>(), pulled: new Map(), warned: null, gpuIdle: 0, gpuCpu: 0, peak: null,
    down: newDownMemory(),
  };
}

export function noteEvent(f: TeamFacts, m: Memory, team: Team, e: GameEvent, t: number): void {
  if (e.kind === "migration-done") {
    f.migrations++;
    if (m.warned === e.from) f.hardwareVmsMoved++;
  }
  if (e.kind === "hardware-warning") {
    const server = team.servers.find((s) => s.id === e.server);
    f.hardwareWarnings++;
    f.hardwareWarnedAt = t;
    f.hardwareHa = (server?.licences.ha ?? 0) > 0;
    f.hardwareLayer = server?.layer ?? "";
    f.hardwareVmsAtWarning += server?.vms.length ?? 0;
    f.hardwareLoadAtWarning += (server?.vms.length ?? 0) + (server?.instances.length ?? 0);
    m.warned = e.server;
  }
  if (e.kind !== "incident") return;
  noteHits(m.down.causes, team, e);
  switch (e.incident) {
    case "leak": leak(f, team, e, t); break;
    case "kernel":
      f.kernels++;
      if (e.hit.length > 0 && f.kernelAt < 0) f.kernelAt = t;
      f.kernelTargets += e.target ? e.target.split(",").length : 0;
      f.kernelHit += e.hit.length;
      f.breachFines += e.cost;
      break;
    case "patch":
      f.patchHit += e.hit.length;
      if (e.hit.length > 0 && f.patchAt < 0) f.patchAt = t;
      break;
    case "audit":
      f.auditFines += e.cost;
      break;
    case "hardware": hardware(f, m, team, e, t); break;
  }
}

type Incident = Extract<GameEvent, { kind: "incident" }>;

/**
 * Sorts each leaking instance by the wall around it, as the engine decided (engine/incidents.ts):
 * a container with a memory limit restarts alone; an instance whose leak took others on its OS
 * down with it thrashed that OS until it was rebooted; otherwise it was alone there and the OOM
 * killer restarted it.
 */
function leak(f: TeamFacts, team: Team, e: Incident, t: number): void {
  const targets = new Set(e.target ? e.target.split(",") : []);
  if (targets.size === 0) return;
  const hit = new Set(e.hit);
  f.leaks++;
  f.leakTargets += targets.size;
  f.leakCollateral += e.hit.filter((id) => !targets.has(id)).length;
  for (const { instance, mates } of instancesWithMates(team)) {
    const outage = instance.downUntil - t;
    if (hit.has(instance.id)) f.leakOutage = Math.max(f.leakOutage, outage);
    if (!targets.has(instance.id)) continue;
    if (instance.container && instance.memLimited) {
      f.leakLimited++;
      f.leakLimitedOutage = Math.max(f.leakLimitedOutage, outage);
    } else if (mates.some((i) => i !== instance && hit.has(i.id))) {
      f.leakRebooted++;
      f.leakRebootOutage = Math.max(f.leakRebootOutage, outage);
    } else {
      f.leakAlone++;
      f.leakAloneOutage = Math.max(f.leakAloneOutage, outage);
    }
  }
}

/** A failed server: the warned one dying, or one that failed with no warning (the teacher's incident). */
function hardware(f: TeamFacts, m: Memory, team: Team, e: Incident, t: number): void {
  if (!e.target) return;
  const server = team.servers.find((s) => s.id === e.target);
  const vms = new Set(server?.vms.map((v) => v.id) ?? []);
  const lostVms = vms.size;
  const lostInstances = e.hit.filter((id) => !vms.has(id)).length;
  const hit = new Set(e.hit);
  const apps = new Set<AppId>();
  for (const i of server?.instances ?? []) if (hit.has(i.id)) apps.add(i.app);
  for (const vm of server?.vms ?? []) for (const i of vm.instances) apps.add(i.app);
  if (m.warned === e.target) {
    m.warned = null;
    f.hardwareFailedAt = t;
    f.hardwareLostVms += lostVms;
    f.hardwareLostInstances += lostInstances;
    f.hardwareLostApps = APP_IDS.filter((a) => apps.has(a) || f.hardwareLostApps.includes(a));
  } else {
    f.suddenFailures++;
    if (f.suddenAt < 0) f.suddenAt = t;
    f.suddenLostVms += lostVms;
    f.suddenLostInstances += lostInstances;
    f.suddenLostApps = APP_IDS.filter((a) => apps.has(a) || f.suddenLostApps.includes(a));
  }
}

function* instancesWithMates(team: Team): Generator<{ instance: Instance; mates: readonly Instance[] }> {
  for (const s of team.servers) {
    for (const instance of s.instances) yield { instance, mates: s.instances };
    for (const vm of s.vms) for (const instance of vm.instances) yield { instance, mates: vm.instances };
  }
}
