/**
 * What each team did over the whole round, gathered tick by tick while it is played (the server),
 * replayed (the replay viewer) or simulated (sim, what-if). The end state alone cannot say it: VMs
 * are deleted, containers come and go, a server that failed is repaired. The debrief's cards quote
 * these figures back (see cards.ts); nothing here decides what a card says.
 */
import { APP_IDS, APPS, GUEST_OS, HOST_LAYERS, HYPERVISOR_COST, IMAGE_LAYERS, SERVER_MODELS, type AppId } from "../engine/data";
import type { GameEvent, Instance, MatchState, Server, Team } from "../engine/types";
import { notePeak, packingSummary, type PackingPeak, type PackingSummary } from "./packing";

/** Count and sum of minutes, to quote an average. */
export interface Minutes {
  n: number;
  sum: number;
}

/** What a hypervisor kind cost a team, summed over the minutes its hosts were up (millicores). */
export interface HypervisorUse {
  hostMinutes: number;
  vmMinutes: number;
  /** The layer itself (the type-2 host OS included) and the per-VM virtualization tax. */
  layerCpu: number;
  taxCpu: number;
  /** vCPUs the VMs held, to quote the tax as a share of them. */
  vcpus: number;
}

export interface TeamFacts {
  /** Fines by cause (cents); the rest of `ledger.fines` is the compliance surcharge. */
  breachFines: number;
  auditFines: number;
  leaks: number;
  /** Instances that leaked, and the neighbours their leak took down with them. */
  leakTargets: number;
  leakCollateral: number;
  /** Longest a leak kept an instance down, minutes. */
  leakOutage: number;
  kernels: number;
  kernelAt: number;
  /** Kernels an exploit compromised, and the instances that went down with them. */
  kernelTargets: number;
  kernelHit: number;
  patchHit: number;
  patchAt: number;
  /** A scripted hardware failure: the warning, the VMs moved off in time and what died with the server. */
  hardwareWarnings: number;
  hardwareWarnedAt: number;
  hardwareFailedAt: number;
  hardwareHa: boolean;
  hardwareVmsAtWarning: number;
  /** The warned server's host layer (only type-1 can live-migrate), and the apps that died with a failed server. */
  hardwareLayer: string;
  hardwareLostApps: AppId[];
  /** Instances and VMs on the warned server when it warned. */
  hardwareLoadAtWarning: number;
  /** VMs whose live migration off the warned server finished before it died. */
  hardwareVmsMoved: number;
  hardwareLostInstances: number;
  hardwareLostVms: number;
  migrations: number;
  serversPeak: number;
  boughtDuringRound: number;
  rentedPeak: number;
  rentedMinutes: number;
  vmsPeak: number;
  windowsPeak: number;
  /** The most different apps that ran on one OS (a bare OS or a VM without a container engine). */
  appsPerOsPeak: number;
  bareOsPeak: number;
  containerHostsPeak: number;
  type1: HypervisorUse;
  type2: HypervisorUse;
  /** Σ over minutes of the CPU guest OSes kept (millicores). */
  guestOsCpu: number;
  /** Minutes to serving (instances) or booted (VMs) once the host was ready, or the command given if later; to delivered (servers). */
  latency: { container: Minutes; vmProcess: Minutes; bareProcess: Minutes; vm: Minutes; bought: Minutes; rented: Minutes };
  containers: number;
  /** MB of images the containers deployed are made of, counted whole for each; MB the hosts pulled. */
  imageMb: number;
  pulledMb: number;
  /** Σ over minutes of owned CPU, CPU reserved and CPU doing useful work (millicores), and the minutes. */
  cpuCapacity: number;
  cpuReserved: number;
  cpuUseful: number;
  minutes: number;
  /** Payments served in all (the compliance surcharge is per payment on a shared kernel). */
  paymentServed: number;
  /** Minutes the database was up and still could not answer what the apps in front of it could serve. */
  dbShortMinutes: number;
  dbShortLost: number;
  resizeLive: number;
  resizeRestart: number;
  /** Average share of a GPU node's CPU nobody reserved while a job ran on it, percent (-1: no job). */
  gpuIdlePct: number;
  packing: PackingSummary | null;
}

const minutes = (): Minutes => ({ n: 0, sum: 0 });
const hvUse = (): HypervisorUse => ({ hostMinutes: 0, vmMinutes: 0, layerCpu: 0, taxCpu: 0, vcpus: 0 });

export function emptyFacts(): TeamFacts {
  return {
    breachFines: 0, auditFines: 0, leaks: 0, leakTargets: 0, leakCollateral: 0, leakOutage: 0, kernels: 0, kernelAt: -1, kernelTargets: 0,
    kernelHit: 0, patchHit: 0, patchAt: -1, hardwareWarnings: 0, hardwareWarnedAt: -1, hardwareFailedAt: -1, hardwareHa: false,
    hardwareVmsAtWarning: 0, hardwareLayer: "", hardwareLostApps: [], hardwareLoadAtWarning: 0, hardwareVmsMoved: 0, hardwareLostInstances: 0, hardwareLostVms: 0, migrations: 0, serversPeak: 0,
    boughtDuringRound: 0, rentedPeak: 0, rentedMinutes: 0, vmsPeak: 0, windowsPeak: 0, appsPerOsPeak: 0, bareOsPeak: 0,
    containerHostsPeak: 0, type1: hvUse(), type2: hvUse(), guestOsCpu: 0,
    latency: { container: minutes(), vmProcess: minutes(), bareProcess: minutes(), vm: minutes(), bought: minutes(), rented: minutes() },
    containers: 0, imageMb: 0, pulledMb: 0, cpuCapacity: 0, cpuReserved: 0, cpuUseful: 0, minutes: 0, paymentServed: 0, dbShortMinutes: 0, dbShortLost: 0, resizeLive: 0, resizeRestart: 0, gpuIdlePct: -1,
    packing: null,
  };
}

/** Per team, what the tracker remembers between ticks (ids seen, CPU held, the warned server). */
interface Memory {
  seen: Set<string>;
  cpu: Map<string, number>;
  pulled: Map<string, { cache: Server["cache"]; n: number }>;
  /** The server that warned of failing hardware and has not died yet. */
  warned: string | null;
  gpuIdle: number;
  gpuCpu: number;
  peak: PackingPeak | null;
}

function add(m: Minutes, value: number): void {
  m.n++;
  m.sum += Math.max(0, value);
}

export class RoundTracker {
  readonly teams: TeamFacts[];
  private readonly memory: Memory[];

  constructor(teams: number) {
    this.teams = Array.from({ length: teams }, emptyFacts);
    this.memory = Array.from({ length: teams }, () => ({
      seen: new Set<string>(), cpu: new Map<string, number>(), pulled: new Map(), warned: null, gpuIdle: 0, gpuCpu: 0, peak: null,
    }));
  }

  /** Call once after each tick is played (after `advance`), with the state it left. */
  noteTick(state: MatchState): void {
    const t = state.tick - 1;
    for (const team of state.teams) {
      const f = this.teams[team.id];
      const m = this.memory[team.id];
      if (!f || !m) continue;
      for (const e of state.events) if (e.team === team.id) this.event(f, m, team, e, t);
      this.fleet(f, m, team, t);
      this.database(state, f, team);
      f.minutes++;
      f.cpuCapacity += team.last.capacityCpu;
      f.cpuReserved += team.last.reservedCpu;
      f.cpuUseful += team.last.usefulCpu;
      f.paymentServed += team.traffic.payment.served;
      m.peak = notePeak(m.peak, state, team.id, t);
    }
  }

  /** The facts as they stand (the packing peak summarised). */
  facts(): TeamFacts[] {
    return this.teams.map((f, i) => {
      const m = this.memory[i];
      return { ...f, gpuIdlePct: m.gpuCpu > 0 ? Math.trunc((m.gpuIdle * 100) / m.gpuCpu) : -1, packing: m.peak ? packingSummary(m.peak) : null };
    });
  }

  private event(f: TeamFacts, m: Memory, team: Team, e: GameEvent, t: number): void {
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
    switch (e.incident) {
      case "leak": {
        const targets = new Set(e.target ? e.target.split(",") : []);
        f.leaks++;
        f.leakTargets += targets.size;
        f.leakCollateral += e.hit.filter((id) => !targets.has(id)).length;
        const hit = new Set(e.hit);
        for (const i of instancesOf(team)) if (hit.has(i.id)) f.leakOutage = Math.max(f.leakOutage, i.downUntil - t);
        break;
      }
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
      case "hardware": {
        if (!e.target) break;
        f.hardwareFailedAt = t;
        const server = team.servers.find((s) => s.id === e.target);
        const vms = new Set(server?.vms.map((v) => v.id) ?? []);
        f.hardwareLostVms += vms.size;
        f.hardwareLostInstances += e.hit.filter((id) => !vms.has(id)).length;
        const hit = new Set(e.hit);
        const apps = new Set<AppId>(f.hardwareLostApps);
        for (const i of server?.instances ?? []) if (hit.has(i.id)) apps.add(i.app);
        for (const vm of server?.vms ?? []) for (const i of vm.instances) apps.add(i.app);
        f.hardwareLostApps = APP_IDS.filter((a) => apps.has(a));
        if (m.warned === e.target) m.warned = null;
        break;
      }
    }
  }

  /** Peaks, minutes, latencies, pulls and resizes: one walk over the team's datacenter. */
  private fleet(f: TeamFacts, m: Memory, team: Team, t: number): void {
    let rented = 0;
    let vms = 0;
    let windows = 0;
    let bare = 0;
    let hosts = 0;
    for (const s of team.servers) {
      if (!m.seen.has(s.id)) {
        m.seen.add(s.id);
        // The starting servers are there at 06:00 (ready when "bought"); every other one was ordered.
        if (s.readyAt > s.boughtAt) {
          add(s.rented ? f.latency.rented : f.latency.bought, s.readyAt - s.boughtAt);
          if (!s.rented) f.boughtDuringRound++;
        }
      }
      if (s.rented && t >= s.readyAt) { rented++; f.rentedMinutes++; }
      if (s.layer === "bare-linux" || s.layer === "bare-windows") bare++;
      if (s.layer === "bare-windows") windows++;
      if (s.layer === "container-host") hosts++;
      // Processes on one OS (a bare OS, a VM without an engine) share it; containers each have their own.
      if (s.layer === "bare-linux" || s.layer === "bare-windows") f.appsPerOsPeak = Math.max(f.appsPerOsPeak, distinctApps(s.instances));
      this.pulls(f, m, s.id, s.cache);
      this.instances(f, m, s.instances, Math.max(t, s.readyAt, s.layerReadyAt), s.layer === "container-host" ? "container" : "bareProcess");
      this.hypervisor(f, s, t);
      for (const vm of s.vms) {
        vms++;
        if (vm.os === "windows") windows++;
        if (!m.seen.has(vm.id)) {
          m.seen.add(vm.id);
          add(f.latency.vm, vm.readyAt - Math.max(t, s.readyAt, s.layerReadyAt));
        }
        if (!vm.engine) f.appsPerOsPeak = Math.max(f.appsPerOsPeak, distinctApps(vm.instances));
        this.pulls(f, m, vm.id, vm.cache);
        this.instances(f, m, vm.instances, Math.max(t, vm.readyAt), vm.engine ? "container" : "vmProcess");
      }
      if (s.model === "gpu" && s.instances.some((i) => APPS[i.app].gpu > 0) && t >= s.readyAt) {
        const reserved = s.instances.reduce((sum, i) => sum + i.cpu, 0) + (s.layer ? HOST_LAYERS[s.layer].cpu : 0);
        m.gpuIdle += Math.max(0, SERVER_MODELS.gpu.cpu - reserved);
        m.gpuCpu += SERVER_MODELS.gpu.cpu;
      }
    }
    f.serversPeak = Math.max(f.serversPeak, team.servers.length);
    f.rentedPeak = Math.max(f.rentedPeak, rented);
    f.vmsPeak = Math.max(f.vmsPeak, vms);
    f.windowsPeak = Math.max(f.windowsPeak, windows);
    f.bareOsPeak = Math.max(f.bareOsPeak, bare);
    f.containerHostsPeak = Math.max(f.containerHostsPeak, hosts);
  }

  /** `from`: when the command was given, or its host became ready if later (what the card times). */
  private instances(f: TeamFacts, m: Memory, list: readonly Instance[], from: number, kind: "container" | "vmProcess" | "bareProcess"): void {
    for (const i of list) {
      const before = m.cpu.get(i.id);
      if (before === undefined) {
        add(f.latency[kind], i.readyAt - from);
        if (i.container) {
          f.containers++;
          for (const layer of APPS[i.app].image ?? []) f.imageMb += IMAGE_LAYERS[layer].mb;
        }
        m.cpu.set(i.id, i.cpu);
      } else if (before !== i.cpu) {
        if (i.container) f.resizeLive++;
        else f.resizeRestart++;
        m.cpu.set(i.id, i.cpu);
      }
    }
  }

  /**
   * A host's cache only grows, until a reinstall gives the host a new, empty one: what is past the
   * count seen in the same array was pulled since.
   */
  private pulls(f: TeamFacts, m: Memory, host: string, cache: Server["cache"]): void {
    const seen = m.pulled.get(host);
    let from = seen && seen.cache === cache ? seen.n : 0;
    if (from === cache.length) return;
    for (; from < cache.length; from++) f.pulledMb += IMAGE_LAYERS[cache[from].layer].mb;
    m.pulled.set(host, { cache, n: cache.length });
  }

  private hypervisor(f: TeamFacts, s: Server, t: number): void {
    // Counted as the engine counts OS tax: every minute the server is delivered and not failed.
    if ((s.layer !== "type1" && s.layer !== "type2") || t < s.readyAt || t < s.failedUntil) return;
    const use = f[s.layer];
    const cost = HYPERVISOR_COST[s.layer];
    use.hostMinutes++;
    use.layerCpu += HOST_LAYERS[s.layer].cpu;
    for (const vm of s.vms) {
      use.vmMinutes++;
      use.vcpus += vm.vcpus * 1000;
      use.taxCpu += vm.vcpus * 10 * cost.taxPct[vm.mode];
      f.guestOsCpu += GUEST_OS[vm.os].cpu;
    }
  }

  /**
   * The database is the bottleneck in a minute when it is up and the apps in front of it could have
   * served more than it answered: their capacity and their demand both allowed it.
   */
  private database(state: MatchState, f: TeamFacts, team: Team): void {
    const db = team.traffic.db;
    if (!state.world.apps.includes("db") || db.capacity <= 0) return;
    let wanted = 0;
    let lost = 0;
    for (const a of state.world.apps) {
      const q = APPS[a].deps.db;
      if (!q) continue;
      const tr = team.traffic[a];
      const could = Math.min(tr.demand, tr.capacity);
      wanted += could * q;
      lost += could - tr.served;
    }
    if (wanted > db.capacity && lost > 0) {
      f.dbShortMinutes++;
      f.dbShortLost += lost;
    }
  }
}

function distinctApps(list: readonly Instance[]): number {
  if (list.length < 2) return list.length;
  return new Set(list.map((i) => i.app)).size;
}

function* instancesOf(team: Team): Generator<Instance> {
  for (const s of team.servers) {
    yield* s.instances;
    for (const vm of s.vms) yield* vm.instances;
  }
}
