import {
  APP_IDS, APPS, COMPLIANCE_FEE_PER_PAYMENT, HOST_LAYERS, IDLE_BURN_PCT, SERVER_MODELS, type AppId,
} from "./data";
import { appCapacity, hypervisorOf, vmOsTaxMem, vmOverheadCpuUnder } from "./capacity";
import { charge, earn, emptyFigures } from "./money";
import { instanceUp, serverUp, vmUp } from "./running";
import { goneWith, writesInLayer } from "./layer";
import { spikeEnd } from "../scenarios/curve";
import type { Scenario } from "../scenarios/types";
import type { GameEvent, Instance, MatchState, Server, Team, TickFigures } from "./types";

/*
 * This runs for every team on every tick of every room, so it avoids allocating: scratch arrays
 * are reused, apps are indexed by position in APP_IDS, and each server is walked twice at most.
 */
const APP_COUNT = APP_IDS.length;
const APP_INDEX = Object.fromEntries(APP_IDS.map((a, i) => [a, i])) as Record<AppId, number>;
const SPEC = APP_IDS.map((a) => APPS[a]);
// Filled up to liveCount and never shrunk: resetting an array's length frees its backing store,
// and regrowing it every tick was most of the garbage a tick made (a scavenge every ~60 ticks).
const live: Instance[] = [];
const liveCap: number[] = [];
const liveApp: number[] = [];
/** Whether the live instance is a payment service sharing its kernel with other apps. */
const liveShared: boolean[] = [];
let liveCount = 0;
const cap = new Array<number>(APP_COUNT).fill(0);
const served = new Array<number>(APP_COUNT).fill(0);
const left = new Array<number>(APP_COUNT).fill(0);

/**
 * Gathers the live instances and their capacity, reports the ones that just came up, and checks
 * the isolation rule on this kernel (payment sharing it with any other app).
 */
function collect(list: Instance[], up: boolean, t: number, events: GameEvent[], team: number): void {
  let payments = 0;
  let others = 0;
  const first = liveCount;
  for (const i of list) {
    i.served = 0;
    i.usedCpu = 0;
    const k = APP_INDEX[i.app];
    const spec = SPEC[k];
    if (spec.isolated) payments++;
    else others++;
    if (i.readyAt === t) events.push({ kind: "instance-ready", team, instance: i.id, app: i.app });
    if (up && t >= i.readyAt && t >= i.downUntil) {
      const c = appCapacity(spec, i.cpu);
      live[liveCount] = i;
      liveCap[liveCount] = c;
      liveApp[liveCount] = k;
      liveShared[liveCount] = false;
      liveCount++;
      cap[k] += c;
    }
  }
  if (payments > 0 && others > 0) for (let n = first; n < liveCount; n++) liveShared[n] = SPEC[liveApp[n]].isolated;
}

/**
 * One tick of one team: capacity from healthy instances, demand served up to capacity and to what
 * dependencies (the database) can take, load spread in proportion to capacity, then power, money
 * and the statistics the debrief is built from.
 */
export function serveTeam(state: MatchState, scn: Scenario, team: Team, t: number): void {
  liveCount = 0;
  cap.fill(0);
  for (const server of team.servers) {
    const up = serverUp(server, t);
    collect(server.instances, up, t, state.events, team.id);
    for (const vm of server.vms) collect(vm.instances, up && vmUp(vm, t), t, state.events, team.id);
  }
  serveDemand(state, team);
  spreadLoad();
  recordWrites(team);

  const fig: TickFigures = emptyFigures();
  const inSpike = scn.spike !== null && t >= state.world.spikeStart && t < spikeEnd(scn.spike, state.world.spikeStart);
  const penaltyPct = inSpike ? scn.spikePenaltyPct : 100;
  let revenue = 0;
  let penalties = 0;
  for (const a of state.world.apps) {
    const k = APP_INDEX[a];
    const spec = SPEC[k];
    if (spec.role === "backend") continue;
    const demand = state.demand[a];
    const dropped = demand - served[k];
    const tr = team.traffic[a];
    tr.demand = demand; tr.capacity = cap[k]; tr.served = served[k]; tr.dropped = dropped;
    revenue += served[k] * (scn.revenue[a] ?? 0);
    penalties += Math.trunc((dropped * (scn.penalty[a] ?? 0) * penaltyPct) / 100);
    if (spec.role === "frontend") {
      fig.demand += demand;
      fig.served += served[k];
      fig.dropped += dropped;
    }
  }

  let power = 0;
  let osTaxMem = 0;
  for (const server of team.servers) {
    server.busyCpu = 0;
    if (t < server.readyAt) continue;
    const model = SERVER_MODELS[server.model];
    // A rented machine is billed every minute it is held and running; while its hardware is dead the
    // cloud bills nothing and moves it to new hardware (incidents.failServer). An owned one draws power.
    if (t < server.failedUntil) continue;
    if (server.rented) rentDue += model.rent;
    fig.capacityCpu += model.cpu;
    osTaxMem += accountServer(server, t, fig);
    if (server.rented) continue;
    const cpuLoad = Math.trunc((server.busyCpu * 1000) / model.cpu);
    const gpuLoad = model.gpu > 0 ? Math.trunc((gpusBusy(server) * 1000) / model.gpu) : 0;
    power += model.powerIdle + Math.trunc(((model.powerMax - model.powerIdle) * Math.max(cpuLoad, gpuLoad)) / 1000);
  }

  const floor = state.world.cashFloor;
  earn(team, revenue);
  fig.revenue = revenue;
  fig.rent = rentDue > 0 ? charge(team, "rent", rentDue, floor, t) : 0;
  rentDue = 0;
  fig.power = charge(team, "power", power, floor, t);
  fig.penalties = charge(team, "penalties", penalties, floor, t);
  if (state.world.paymentIsolation) fig.fines = charge(team, "fines", complianceFees(), floor, t);
  if (team.stats.brokeAt === t) state.events.push({ kind: "broke", team: team.id, cash: team.cash });
  if (team.cash < floor) reclaimRented(state, team, t);
  team.last = fig;
  recordStats(state, team, fig, osTaxMem, t);
}

let rentDue = 0;

/**
 * A team below its cash floor is in arrears: the cloud takes its rented machines back, with
 * whatever ran on them. The minutes they were used are still owed (already charged as rent).
 */
function reclaimRented(state: MatchState, team: Team, t: number): void {
  for (let n = 0; n < team.servers.length; n++) {
    const server = team.servers[n];
    if (!server.rented) continue;
    goneWith({ state, team, t }, server);
    team.servers.splice(n--, 1);
    state.events.push({ kind: "server-reclaimed", team: team.id, server: server.id });
  }
}

/** Served = min(demand, capacity), then scaled down to what the backends (the database) can answer. */
function serveDemand(state: MatchState, team: Team): void {
  const apps = state.world.apps;
  served.fill(0);
  for (const a of apps) {
    const k = APP_INDEX[a];
    if (SPEC[k].role !== "backend") served[k] = Math.min(state.demand[a], cap[k]);
  }
  for (const p of apps) {
    const kp = APP_INDEX[p];
    if (SPEC[kp].role !== "backend") continue;
    let need = 0;
    let wanted = 0;
    for (const d of apps) {
      const q = APPS[d].deps[p];
      if (q) { need += served[APP_INDEX[d]] * q; wanted += state.demand[d] * q; }
    }
    if (need > cap[kp]) {
      for (const d of apps) if (APPS[d].deps[p]) served[APP_INDEX[d]] = Math.trunc((served[APP_INDEX[d]] * cap[kp]) / need);
    }
    let used = 0;
    for (const d of apps) { const q = APPS[d].deps[p]; if (q) used += served[APP_INDEX[d]] * q; }
    served[kp] = used;
    const tr = team.traffic[p];
    tr.demand = wanted; tr.capacity = cap[kp]; tr.served = used; tr.dropped = 0;
  }
}

/**
 * Rows the apps served this tick wrote to the database (orders, registrations): counted for the
 * team, and kept by the primary that took them — in its own writable layer if it is a container
 * without a volume, where it is lost with it (layer.ts).
 */
function recordWrites(team: Team): void {
  let rows = 0;
  for (let k = 0; k < APP_COUNT; k++) rows += served[k] * SPEC[k].writes;
  if (rows === 0) return;
  team.stats.writes += rows;
  for (let n = 0; n < liveCount; n++) {
    const i = live[n];
    if (SPEC[liveApp[n]].role === "backend" && i.served > 0 && writesInLayer(i)) i.writes += rows;
  }
}

function complianceFees(): number {
  let fees = 0;
  for (let n = 0; n < liveCount; n++) if (liveShared[n]) fees += live[n].served * COMPLIANCE_FEE_PER_PAYMENT;
  return fees;
}

/** Requests of each app go to its live instances in proportion to their capacity. */
function spreadLoad(): void {
  for (let k = 0; k < APP_COUNT; k++) left[k] = served[k];
  for (let n = 0; n < liveCount; n++) {
    const k = liveApp[n];
    if (cap[k] === 0) continue;
    const share = Math.trunc((served[k] * liveCap[n]) / cap[k]);
    live[n].served = share;
    left[k] -= share;
  }
  for (let n = 0; n < liveCount; n++) {
    const i = live[n];
    const k = liveApp[n];
    if (left[k] > 0) {
      const extra = Math.min(left[k], liveCap[n] - i.served);
      i.served += extra;
      left[k] -= extra;
    }
    const spec = SPEC[k];
    i.usedCpu = spec.cpuPerReq > 0 ? i.served * spec.cpuPerReq : liveCap[n] > 0 ? Math.trunc((i.cpu * i.served) / liveCap[n]) : 0;
  }
}

/**
 * Adds a delivered server's reserved, useful and OS-tax CPU to the figures and sets its busy CPU
 * (what draws power: overheads, work, and the idle burn of every running app). Returns OS-tax memory.
 */
function accountServer(server: Server, t: number, fig: TickFigures): number {
  const up = serverUp(server, t);
  let busy = 0;
  let reserved = 0;
  let taxCpu = 0;
  let taxMem = 0;
  if (server.layer) {
    const layer = HOST_LAYERS[server.layer];
    taxCpu += layer.cpu;
    taxMem += layer.mem;
    reserved += layer.cpu;
  }
  const own = sumInstances(server.instances, up, t);
  reserved += own.reserved;
  busy += own.busy;
  fig.usefulCpu += own.useful;
  if (server.vms.length > 0) {
    const hv = hypervisorOf(server);
    for (const vm of server.vms) {
      const overhead = vmOverheadCpuUnder(vm, hv);
      taxCpu += overhead;
      taxMem += vmOsTaxMem(vm, hv);
      // What apps reserve inside a VM is already counted as the VM's vCPUs.
      reserved += vm.vcpus * 1000;
      const running = up && vmUp(vm, t);
      const inVm = sumInstances(vm.instances, running, t);
      if (running) busy += overhead + inVm.busy;
      fig.usefulCpu += inVm.useful;
    }
  }
  if (up) busy += server.layer ? HOST_LAYERS[server.layer].cpu : 0;
  server.busyCpu = Math.min(SERVER_MODELS[server.model].cpu, busy);
  fig.reservedCpu += reserved;
  fig.osTaxCpu += taxCpu;
  return taxMem;
}

const acc = { reserved: 0, useful: 0, busy: 0 };

/**
 * Reserved, useful and busy CPU of a list of instances in one pass. Running apps draw power for the
 * work they do, and never less than their idle burn. Returns a shared scratch object.
 */
function sumInstances(list: readonly Instance[], running: boolean, t: number): typeof acc {
  let reserved = 0;
  let useful = 0;
  let busy = 0;
  for (const i of list) {
    reserved += i.cpu;
    useful += i.usedCpu;
    if (running && instanceUp(i, t)) {
      const idle = Math.trunc((i.cpu * IDLE_BURN_PCT) / 100);
      busy += i.usedCpu > idle ? i.usedCpu : idle;
    }
  }
  acc.reserved = reserved;
  acc.useful = useful;
  acc.busy = busy;
  return acc;
}

function gpusBusy(server: Server): number {
  let n = 0;
  for (const i of server.instances) if (i.served > 0) n += APPS[i.app].gpu;
  return n;
}

function recordStats(state: MatchState, team: Team, fig: TickFigures, osTaxMem: number, t: number): void {
  const s = team.stats;
  s.ticks++;
  s.demand += fig.demand;
  s.served += fig.served;
  s.dropped += fig.dropped;
  if (fig.dropped > s.droppedPeak) {
    s.droppedPeak = fig.dropped;
    s.droppedPeakTick = t;
  }
  s.capacityCpu += fig.capacityCpu;
  s.reservedCpu += fig.reservedCpu;
  s.usefulCpu += fig.usefulCpu;
  s.osTaxCpu += fig.osTaxCpu;
  s.osTaxMem += osTaxMem;
  if (state.world.spikeStart >= 0 && t >= state.world.spikeStart) {
    if (s.spikeFirstDrop < 0 && fig.dropped > 0) s.spikeFirstDrop = t;
    else if (s.spikeFirstDrop >= 0 && s.spikeRecovered < 0 && fig.dropped === 0) s.spikeRecovered = t;
  }
}
