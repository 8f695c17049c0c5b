import {
  APPS, DELIVERY_TICKS, GUEST_OS, HOST_LAYERS, INCIDENTS, LICENCES, PARA_PREP_TICKS,
  RENT_DELIVERY_TICKS, RESALE_PCT, SERVER_MODELS, VM_ENGINE, VM_LIMITS,
} from "./data";
import type { Command } from "./commands";
import { incomingVms, serverFree, vmFootprint, vmFree } from "./capacity";
import { err, type EngineError } from "./errors";
import { isError, owned } from "./lookup";
import { commitPull, hostOf, planDeploy } from "./placement";
import { startMigration } from "./evacuate";
import { rebootVm } from "./downtime";
import { goneWith, loseAll } from "./layer";
import { spend } from "./money";
import type { MatchState, Server, Team, Vm } from "./types";

/**
 * Each command is planned in full before anything changes: a plan is either the error the player
 * sees, or a function that carries the command out. checkCommand and applyCommand share it, so
 * the browser's drag-and-drop hints and the server's decision cannot disagree.
 */
export type Plan = EngineError | (() => void);

export function planCommand(state: MatchState, team: Team, cmd: Command): Plan {
  if (state.tick >= state.world.ticks) return err("match_over", { tick: state.tick });
  switch (cmd.type) {
    case "buyServer": return planBuy(state, team, cmd.model);
    case "rentServer": return planRent(state, team, cmd.model);
    case "sellServer": return planSell(state, team, cmd.server);
    case "installLayer": return planInstall(state, team, cmd.server, cmd.layer);
    case "buyLicence": return planLicence(state, team, cmd.server, cmd.edition);
    case "createVm": return planCreateVm(state, team, cmd);
    case "deleteVm": return planDeleteVm(state, team, cmd.vm);
    case "migrateVm": return planMigrate(state, team, cmd.vm, cmd.to);
    case "deploy": return planDeployCmd(state, team, cmd);
    case "remove": return planRemove(state, team, cmd.instance);
    case "resize": return planResize(state, team, cmd.instance, cmd.cpu);
  }
}

function newId(state: MatchState, prefix: "s" | "v" | "i"): string {
  return `${prefix}${state.nextId++}`;
}

export function canSpend(state: MatchState, team: Team, cost: number): EngineError | null {
  if (team.cash - cost < state.world.cashFloor) {
    return err("insufficient_funds", { cost, cash: team.cash, floor: state.world.cashFloor });
  }
  return null;
}

export function makeServer(state: MatchState, model: Server["model"], boughtAt: number, readyAt: number, rented: boolean): Server {
  return {
    id: newId(state, "s"), model, boughtAt, readyAt, rented, failedUntil: 0, failingAt: 0, osDownUntil: 0, layer: null,
    layerReadyAt: readyAt, licences: { essentials: 0, standard: 0, datacenter: 0, ha: 0 }, vms: [], instances: [],
    cache: [], pullFreeAt: 0, busyCpu: 0,
  };
}

function planBuy(state: MatchState, team: Team, model: Server["model"]): Plan {
  const price = SERVER_MODELS[model].price;
  const broke = canSpend(state, team, price);
  if (broke) return broke;
  return () => {
    spend(team, "servers", price);
    team.servers.push(makeServer(state, model, state.tick, state.tick + DELIVERY_TICKS, false));
  };
}

/** A machine by the minute: here in minutes instead of half an hour, billed until it is returned. */
function planRent(state: MatchState, team: Team, model: Server["model"]): Plan {
  if (!state.world.rent) return err("rent_unavailable", { scenario: state.scenario });
  if (!SERVER_MODELS[model].rentable) return err("not_rentable", { model });
  const broke = canSpend(state, team, SERVER_MODELS[model].rent);
  if (broke) return broke;
  return () => {
    team.servers.push(makeServer(state, model, state.tick, state.tick + RENT_DELIVERY_TICKS, true));
  };
}

/** A server with VMs migrating to or from it cannot be sold or wiped mid-copy. */
function busyWithMigration(team: Team, server: Server): boolean {
  return server.vms.some((v) => v.migration !== null) || incomingVms(team, server).length > 0;
}

function planSell(state: MatchState, team: Team, id: string): Plan {
  const ref = owned(state, team, id, "server");
  if (isError(ref)) return ref;
  if (busyWithMigration(team, ref.server)) return err("server_busy", { server: id });
  return () => {
    // A rented machine goes back to the cloud: the bill stops, nothing comes back.
    const value = resaleValue(ref.server);
    goneWith({ state, team, t: state.tick }, ref.server);
    team.cash += value;
    team.ledger.resale += value;
    team.servers.splice(team.servers.indexOf(ref.server), 1);
  };
}

export function resaleValue(server: Server): number {
  return server.rented ? 0 : Math.trunc((SERVER_MODELS[server.model].price * RESALE_PCT) / 100);
}

function planInstall(state: MatchState, team: Team, id: string, layer: Server["layer"] & string): Plan {
  const ref = owned(state, team, id, "server");
  if (isError(ref)) return ref;
  if (!state.world.unlocks.includes(layer)) return err("not_unlocked", { layer });
  const server = ref.server;
  if (server.failedUntil > state.tick) return err("server_failed", { server: id, until: server.failedUntil });
  if (busyWithMigration(team, server)) return err("server_busy", { server: id });
  const spec = HOST_LAYERS[layer];
  return () => {
    // Installing wipes the machine: what ran on it is gone, as with a real reinstall.
    goneWith({ state, team, t: state.tick }, server);
    server.layer = layer;
    server.layerReadyAt = Math.max(state.tick, server.readyAt) + spec.setupTicks;
    server.osDownUntil = 0;
    server.vms = [];
    server.instances = [];
    server.cache = [];
    server.pullFreeAt = 0;
  };
}

function planLicence(state: MatchState, team: Team, id: string, edition: keyof typeof LICENCES): Plan {
  const ref = owned(state, team, id, "server");
  if (isError(ref)) return ref;
  const spec = LICENCES[edition];
  if (!spec.models.includes(ref.server.model)) {
    return err("licence_not_allowed", { edition, model: ref.server.model });
  }
  if (spec.kind === "hypervisor") {
    if (ref.server.layer !== "type1") return err("wrong_layer", { server: id, layer: ref.server.layer, expected: "type1" });
    if (ref.server.licences.ha > 0) return err("licence_not_needed", { server: id, edition });
  } else if (ref.server.licences.datacenter > 0) return err("licence_not_needed", { server: id, edition: "datacenter" });
  const broke = canSpend(state, team, spec.price);
  if (broke) return broke;
  return () => {
    spend(team, spec.kind === "hypervisor" ? "hypervisorLicences" : "licences", spec.price);
    ref.server.licences[edition]++;
  };
}

function planCreateVm(state: MatchState, team: Team, cmd: Extract<Command, { type: "createVm" }>): Plan {
  const ref = owned(state, team, cmd.server, "server");
  if (isError(ref)) return ref;
  const server = ref.server;
  if (server.layer !== "type1" && server.layer !== "type2") {
    return err("wrong_layer", { server: server.id, layer: server.layer, expected: "type1|type2" });
  }
  if (server.failedUntil > state.tick) return err("server_failed", { server: server.id, until: server.failedUntil });
  // A Windows guest is an unmodified OS: full virtualization only.
  if (cmd.os === "windows" && cmd.mode === "para") return err("para_needs_linux", { os: cmd.os });
  const engine = cmd.engine ?? false;
  if (engine && cmd.os !== "linux") return err("needs_linux", { app: "engine", where: "vm" });
  const minMem = GUEST_OS[cmd.os].mem + (engine ? VM_ENGINE.mem : 0) + VM_LIMITS.minFreeMem;
  if (cmd.mem < minMem) return err("vm_mem_too_small", { min: minMem, os: cmd.os });
  const vm: Vm = {
    id: "", os: cmd.os, mode: cmd.mode, vcpus: cmd.vcpus, mem: cmd.mem, engine,
    readyAt: Math.max(state.tick, server.layerReadyAt) + GUEST_OS[cmd.os].bootTicks + (cmd.mode === "para" ? PARA_PREP_TICKS : 0),
    downUntil: 0, migration: null, instances: [], cache: [], pullFreeAt: 0,
  };
  const need = vmFootprint(vm, server);
  const free = serverFree(team, server);
  if (free.cpu < need.cpu) return err("no_cpu", { need: need.cpu, free: Math.max(0, free.cpu) });
  if (free.mem < need.mem) return err("no_mem", { need: need.mem, free: Math.max(0, free.mem) });
  return () => {
    vm.id = newId(state, "v");
    server.vms.push(vm);
  };
}

function planDeleteVm(state: MatchState, team: Team, id: string): Plan {
  const ref = owned(state, team, id, "vm");
  if (isError(ref)) return ref;
  if (ref.vm.migration) return err("vm_busy", { vm: id });
  return () => {
    loseAll({ state, team, t: state.tick }, ref.vm.instances);
    ref.server.vms.splice(ref.server.vms.indexOf(ref.vm), 1);
  };
}

/**
 * Live migration between type-1 hosts: the VM keeps serving while its memory is copied, and its
 * footprint is held on both servers. From a failed server it is a cold restart on the target.
 */
function planMigrate(state: MatchState, team: Team, vmId: string, to: string): Plan {
  const ref = owned(state, team, vmId, "vm");
  if (isError(ref)) return ref;
  const target = owned(state, team, to, "server");
  if (isError(target)) return target;
  const { server: source, vm } = ref;
  if (source === target.server) return err("migrate_same_server", { vm: vmId, server: to });
  if (source.layer !== "type1" || target.server.layer !== "type1") {
    return err("migrate_needs_type1", { from: source.layer, to: target.server.layer });
  }
  if (vm.migration) return err("vm_busy", { vm: vmId });
  const now = state.tick;
  if (target.server.failedUntil > now) return err("server_failed", { server: to, until: target.server.failedUntil });
  const need = vmFootprint(vm, target.server);
  const free = serverFree(team, target.server);
  if (free.cpu < need.cpu) return err("no_cpu", { need: need.cpu, free: Math.max(0, free.cpu) });
  if (free.mem < need.mem) return err("no_mem", { need: need.mem, free: Math.max(0, free.mem) });
  const start = Math.max(now, target.server.layerReadyAt);
  if (source.failedUntil > now) {
    return () => {
      source.vms.splice(source.vms.indexOf(vm), 1);
      target.server.vms.push(vm);
      vm.readyAt = Math.max(vm.readyAt, start);
      // A cold restart elsewhere: the dead host's outage no longer applies, only the boot there.
      vm.downUntil = 0;
      for (const i of vm.instances) i.downUntil = 0;
      rebootVm(vm, start + GUEST_OS[vm.os].bootTicks, { state, team, t: now });
    };
  }
  return () => startMigration(vm, target.server, now);
}

function planDeployCmd(state: MatchState, team: Team, cmd: Extract<Command, { type: "deploy" }>): Plan {
  if (!state.world.apps.includes(cmd.app)) return err("app_not_in_scenario", { app: cmd.app });
  const ref = cmd.target.startsWith("v") ? owned(state, team, cmd.target, "vm") : owned(state, team, cmd.target, "server");
  if (isError(ref)) return ref;
  if (ref.server.failedUntil > state.tick) {
    return err("server_failed", { server: ref.server.id, until: ref.server.failedUntil });
  }
  const host = hostOf(ref.server, ref.kind === "vm" ? ref.vm : null);
  if (isError(host)) return host;
  const plan = planDeploy(team, host, cmd.app, state.tick, cmd.cpu, cmd.memLimit, cmd.volume ?? false);
  if (isError(plan)) return plan;
  return () => {
    if (plan.replaces) {
      const { vm, server, instance } = plan.replaces;
      const list = vm ? vm.instances : server.instances;
      loseAll({ state, team, t: state.tick }, [instance]);
      list.splice(list.indexOf(instance), 1);
    }
    commitPull(team, host, plan, state.tick);
    // A database's rows now live where this primary keeps them: on its volume, or not.
    if (APPS[cmd.app].role === "backend") {
      if (!(plan.volume && team.dbOnVolume)) team.stats.restores++;
      team.dbOnVolume = plan.volume;
    }
    host.instances.push({
      id: newId(state, "i"), app: cmd.app, container: host.containers, cpu: plan.cpu, mem: plan.mem,
      memLimited: plan.memLimited, volume: plan.volume, readyAt: plan.readyAt, downUntil: 0, served: 0, usedCpu: 0, writes: 0,
    });
  };
}

/**
 * More or less CPU for a running instance, within what the app can use and what its host has free.
 * A container's limit changes live (cgroups); a process or a VM's app restarts to take it: scaling
 * the database up in the middle of the spike costs minutes without it.
 */
function planResize(state: MatchState, team: Team, id: string, cpu: number): Plan {
  const ref = owned(state, team, id, "instance");
  if (isError(ref)) return ref;
  const { instance, server, vm } = ref;
  const app = APPS[instance.app];
  if (app.gpu > 0 || app.minCpu === app.maxCpu) return err("not_resizable", { app: instance.app });
  if (cpu < app.minCpu || cpu > app.maxCpu) {
    return err("cpu_out_of_range", { app: instance.app, min: app.minCpu, max: app.maxCpu, value: cpu });
  }
  if (cpu === instance.cpu) return err("resize_no_change", { instance: id, cpu });
  if (server.failedUntil > state.tick) return err("server_failed", { server: server.id, until: server.failedUntil });
  const free = (vm ? vmFree(vm, server) : serverFree(team, server)).cpu + instance.cpu;
  if (free < cpu) return err("no_cpu", { need: cpu, free: Math.max(0, free) });
  return () => {
    instance.cpu = cpu;
    if (!instance.container) instance.downUntil = Math.max(instance.downUntil, state.tick + INCIDENTS.resizeRestartTicks);
  };
}

function planRemove(state: MatchState, team: Team, id: string): Plan {
  const ref = owned(state, team, id, "instance");
  if (isError(ref)) return ref;
  return () => {
    const list = ref.vm ? ref.vm.instances : ref.server.instances;
    loseAll({ state, team, t: state.tick }, [ref.instance]);
    list.splice(list.indexOf(ref.instance), 1);
  };
}
