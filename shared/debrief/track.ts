/**
 * What each team did over the whole round, gathered tick by tick while it is played (the server),
 * replayed (the replay viewer) or simulated (sim, what-if). The end state alone cannot say it: VMs
 * are deleted, containers come and go, a server that failed is repaired. The debrief's cards quote
 * these figures back (see cards.ts); nothing here decides what a card says.
 */
import { APP_IDS, APPS, GUEST_OS, HOST_LAYERS, HYPERVISOR_COST, IMAGE_LAYERS, SERVER_MODELS } from "../engine/data";
import type { Instance, MatchState, Server, Team } from "../engine/types";
import { SCENARIOS } from "../scenarios";
import { EARLY_TICKS, emptyFacts, type Minutes, type TeamFacts } from "./facts";
import { inSpikeWindow, noteLosses } from "./losses";
import { notePeak, packingSummary } from "./packing";
import { newMemory, noteEvent, type Memory } from "./trackEvents";

export { emptyFacts, type HypervisorUse, type Minutes, type TeamFacts } from "./facts";

function add(m: Minutes, value: number): void {
  m.n++;
  m.sum += Math.max(0, value);
}

export class RoundTracker {
  readonly teams: TeamFacts[];
  private readonly memory: Memory[];

  constructor(teams: number) {
    this.teams = Array.from({ length: teams }, emptyFacts);
    this.memory = Array.from({ length: teams }, newMemory);
  }

  /** Call once after each tick is played (after `advance`), with the state it left. */
  noteTick(state: MatchState): void {
    const t = state.tick - 1;
    for (const team of state.teams) {
      const f = this.teams[team.id];
      const m = this.memory[team.id];
      if (!f || !m) continue;
      for (const e of state.events) if (e.team === team.id) noteEvent(f, m, team, e, t);
      this.fleet(f, m, team, t, t >= state.world.spikeStart, SCENARIOS[state.scenario].spike ? state.world.slowFrom : state.world.ticks);
      f.lostCents.push(noteLosses(state, team, t, m.down, f.lost, inSpikeWindow(state, t) ? f.spikeLost : null));
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

  /** Peaks, minutes, latencies, pulls and resizes: one walk over the team's datacenter. */
  private fleet(f: TeamFacts, m: Memory, team: Team, t: number, inSpike: boolean, windowFrom: number): void {
    let added = false;
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
          f.orders.push({ at: s.boughtAt, model: s.model, rented: s.rented });
          added = true;
        }
      }
      if (!s.rented && s.readyAt > s.boughtAt && s.boughtAt < EARLY_TICKS && t < windowFrom && t >= s.readyAt && t >= s.failedUntil) f.earlyPower += powerOf(s);
      this.empty(f, team, s, t);
      if (s.rented && t >= s.readyAt) { rented++; f.rentedMinutes++; }
      if (s.layer === "bare-linux" || s.layer === "bare-windows") bare++;
      if (s.layer === "bare-windows") windows++;
      if (s.layer === "container-host") hosts++;
      // Processes on one OS (a bare OS, a VM without an engine) share it; containers each have their own.
      if (s.layer === "bare-linux" || s.layer === "bare-windows") f.appsPerOsPeak = Math.max(f.appsPerOsPeak, distinctApps(s.instances));
      this.pulls(f, m, s.id, s.cache);
      added = this.instances(f, m, s.instances, Math.max(t, s.readyAt, s.layerReadyAt), s.layer === "container-host" ? "container" : "bareProcess") || added;
      this.hypervisor(f, s, t);
      for (const vm of s.vms) {
        vms++;
        if (vm.os === "windows") windows++;
        if (!m.seen.has(vm.id)) {
          m.seen.add(vm.id);
          add(f.latency.vm, vm.readyAt - Math.max(t, s.readyAt, s.layerReadyAt));
          added = true;
        }
        if (!vm.engine) {
          const apps = distinctApps(vm.instances);
          f.appsPerOsPeak = Math.max(f.appsPerOsPeak, apps);
          // A VM as big as its host with several apps in one guest: the old era's shared OS, under a hypervisor.
          const host = SERVER_MODELS[s.model].cpu;
          if (apps >= 2 && vm.vcpus * 1000 * 4 >= host * 3 && vm.vcpus >= (f.giantVm?.vcpus ?? 0)) {
            const running = new Set(vm.instances.map((i) => i.app));
            f.giantVm = { vcpus: vm.vcpus, hostCpu: host, apps: APP_IDS.filter((a) => running.has(a) || (f.giantVm?.apps.includes(a) ?? false)) };
          }
        }
        this.pulls(f, m, vm.id, vm.cache);
        added = this.instances(f, m, vm.instances, Math.max(t, vm.readyAt), vm.engine ? "container" : "vmProcess") || added;
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
    if (added && inSpike && f.spikeFirstAdd < 0) f.spikeFirstAdd = t;
  }

  /**
   * Money paid for a server set up and running nothing this minute: a rented one's rent, an owned
   * one's power (computed as the engine bills it, from the CPU its layer kept busy).
   */
  private empty(f: TeamFacts, team: Team, s: Server, t: number): void {
    if (s.layer === null || t < s.readyAt || t < s.layerReadyAt || s.instances.length > 0 || s.vms.length > 0) return;
    if (team.servers.some((o) => o.vms.some((vm) => vm.migration?.to === s.id))) return;
    const model = SERVER_MODELS[s.model];
    if (s.rented) f.emptyRent += model.rent;
    else if (t >= s.failedUntil) f.emptyPower += powerOf(s);
  }

  /**
   * `from`: when the command was given, or its host became ready if later (what the card times).
   * Returns whether an instance was added or given more CPU.
   */
  private instances(f: TeamFacts, m: Memory, list: readonly Instance[], from: number, kind: "container" | "vmProcess" | "bareProcess"): boolean {
    let added = false;
    for (const i of list) {
      const before = m.cpu.get(i.id);
      if (before === undefined) {
        add(f.latency[kind], i.readyAt - from);
        if (i.container) {
          f.containers++;
          for (const layer of APPS[i.app].image ?? []) f.imageMb += IMAGE_LAYERS[layer].mb;
        }
        m.cpu.set(i.id, i.cpu);
        added = true;
      } else if (before !== i.cpu) {
        if (i.container) f.resizeLive++;
        else f.resizeRestart++;
        m.cpu.set(i.id, i.cpu);
        if (i.cpu > before) added = true;
      }
    }
    return added;
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

/** A delivered, working owned server's power this minute, as the engine bills it (serve.ts), from the CPU it kept busy. */
function powerOf(s: Server): number {
  const model = SERVER_MODELS[s.model];
  return model.powerIdle + Math.trunc(((model.powerMax - model.powerIdle) * Math.trunc((s.busyCpu * 1000) / model.cpu)) / 1000);
}

function distinctApps(list: readonly Instance[]): number {
  if (list.length < 2) return list.length;
  return new Set(list.map((i) => i.app)).size;
}

