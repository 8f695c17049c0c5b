import { APPS, HOST_LAYERS, INCIDENTS, type AppId, type LayerId, type OsKind } from "./data";
import { instancesReserved, serverCapacity, serverFree, vmFree } from "./capacity";
import { err, type EngineError } from "./errors";
import { teamInstances, type InstanceRef } from "./lookup";
import type { CachedLayer, Instance, Server, Team, Vm } from "./types";
import { commitImagePull, planImagePull, type ImagePull } from "./registry";

/** Where an app can be placed: a bare OS, a container host, or a VM (as an OS or an engine). */
export interface Host {
  server: Server;
  vm: Vm | null;
  os: OsKind;
  containers: boolean;
  instances: Instance[];
  cache: CachedLayer[];
  /** Tick from which the host can start things (its layer installed, or its VM booted). */
  readyAt: number;
}

export function hostOf(server: Server, vm: Vm | null): Host | EngineError {
  if (vm) {
    return {
      server, vm, os: vm.os, containers: vm.engine, instances: vm.instances, cache: vm.cache,
      readyAt: Math.max(vm.readyAt, vm.downUntil),
    };
  }
  if (!server.layer) return err("no_layer", { server: server.id });
  const layer = HOST_LAYERS[server.layer];
  if (layer.hosts === "vms" || !layer.os) {
    return err("wrong_layer", { server: server.id, layer: server.layer, expected: "bare-linux|bare-windows|container-host" });
  }
  return {
    server, vm: null, os: layer.os, containers: layer.hosts === "containers", instances: server.instances,
    cache: server.cache, readyAt: Math.max(server.layerReadyAt, server.failedUntil, server.osDownUntil),
  };
}

export interface DeployPlan {
  cpu: number;
  mem: number;
  memLimited: boolean;
  readyAt: number;
  /** Layers to add to the host's cache, with the tick each pull finishes. */
  pulls: CachedLayer[];
  pullFreeAt: number;
  /** Where the pull comes from and when (null: nothing to pull). */
  pull: ImagePull | null;
  /** The team's primary on a dead server that this one replaces (removed when it is placed). */
  replaces: InstanceRef | null;
  /** Containers only: its data on a volume. */
  volume: boolean;
}

/**
 * Checks one app on one host against every placement rule a player should feel:
 * OS needs, the port rule on a shared OS, one database primary, GPUs, and reservations.
 */
export function planDeploy(
  team: Team, host: Host, appId: AppId, now: number, cpuOpt: number | undefined, memLimit: number | undefined, volume = false,
): DeployPlan | EngineError {
  const app = APPS[appId];
  if (!app.os.includes(host.os)) {
    return err(host.os === "linux" ? "needs_windows" : "needs_linux", {
      app: appId, where: host.containers ? "container" : host.vm ? "vm" : "server",
    });
  }
  if (host.containers && !app.image) return err("needs_windows", { app: appId, where: "container" });
  if (memLimit !== undefined && !host.containers) return err("limits_need_container", { app: appId });
  if (volume && !host.containers) return err("volume_needs_container", { app: appId });
  const cpu = cpuOpt ?? app.cpu;
  if (cpu < app.minCpu || cpu > app.maxCpu) {
    return err("cpu_out_of_range", { app: appId, min: app.minCpu, max: app.maxCpu, value: cpu });
  }
  if (memLimit !== undefined && (memLimit < app.mem || memLimit > app.mem * 4)) {
    return err("mem_limit_out_of_range", { app: appId, min: app.mem, max: app.mem * 4, value: memLimit });
  }
  // A primary on a dead server serves nobody until the repair: a new one replaces it (a failover),
  // rather than making the player find and remove the dead one first.
  let replaces: InstanceRef | null = null;
  if (app.single) {
    for (const ref of teamInstances(team)) {
      if (ref.instance.app !== appId) continue;
      if (ref.server.failedUntil > now) replaces = ref;
      else return err("single_primary", { app: appId, instance: ref.instance.id });
    }
  }
  // Processes on one OS share one network stack and one set of installed runtimes; containers
  // each get their own namespace and bring their own runtime in the image.
  if (!host.containers && app.port !== null) {
    const clash = host.instances.find((i) => APPS[i.app].port === app.port);
    if (clash) return err("port_in_use", { port: app.port, instance: clash.id, app: clash.app });
  }
  if (!host.containers && app.runtime) {
    const need = app.runtime;
    const clash = host.instances.find((i) => {
      const have = APPS[i.app].runtime;
      return have !== null && have.name === need.name && have.version !== need.version;
    });
    if (clash) {
      return err("runtime_conflict", {
        runtime: need.name, need: need.version, have: APPS[clash.app].runtime!.version, instance: clash.id, app: clash.app,
      });
    }
  }
  if (app.gpu > 0) {
    if (host.vm) return err("no_gpu", { app: appId, where: "vm", need: app.gpu, free: 0 });
    const layer = host.server.layer ? HOST_LAYERS[host.server.layer] : null;
    const gpuFree = layer && layer.gpu ? serverCapacity(host.server).gpu - instancesReserved(host.server.instances).gpu : 0;
    if (gpuFree < app.gpu) return err("no_gpu", { app: appId, where: "server", need: app.gpu, free: gpuFree });
  }
  const mem = memLimit ?? app.mem;
  const free = host.vm ? vmFree(host.vm, host.server) : serverFree(team, host.server);
  if (free.cpu < cpu) return err("no_cpu", { need: cpu, free: Math.max(0, free.cpu) });
  if (free.mem < mem) return err("no_mem", { need: mem, free: Math.max(0, free.mem) });

  const start = Math.max(now, host.readyAt);
  // A database starting from nothing loads last night's backup first, unless its volume already holds the rows.
  const restore = app.role === "backend" && !(volume && team.dbOnVolume) ? INCIDENTS.dbRestoreTicks : 0;
  if (!host.containers) {
    return { cpu, mem, memLimited: false, readyAt: start + app.installTicks + restore, pulls: [], pullFreeAt: -1, pull: null, replaces, volume: false };
  }
  const p = planPull(team, host, appId, start);
  return { cpu, mem, memLimited: memLimit !== undefined, ...p, readyAt: p.readyAt + restore, replaces, volume };
}

/**
 * A container starts as soon as its image is there. Missing layers are pulled over the host's
 * link one after another, timed in thousandths of a minute so that small pulls queue up exactly;
 * layers already pulled (or on their way) are shared; where they come from is the registry's
 * business (registry.ts).
 */
function planPull(team: Team, host: Host, appId: AppId, start: number): { readyAt: number; pulls: CachedLayer[]; pullFreeAt: number; pull: ImagePull | null } {
  const image = APPS[appId].image ?? [];
  let waitFor = start;
  const missing: LayerId[] = [];
  for (const layer of image) {
    const cached = host.cache.find((c) => c.layer === layer);
    if (cached) waitFor = Math.max(waitFor, cached.at);
    else missing.push(layer);
  }
  // A container whose image is there starts within seconds: it serves this very minute.
  if (missing.length === 0) return { readyAt: waitFor, pulls: [], pullFreeAt: -1, pull: null };
  const pull = planImagePull(team, missing, start, hostPullFreeAt(host));
  const done = Math.ceil(pull.doneMilli / 1000);
  return { readyAt: Math.max(waitFor, done), pulls: missing.map((layer) => ({ layer, at: done })), pullFreeAt: pull.doneMilli, pull };
}

function hostPullFreeAt(host: Host): number {
  return host.vm ? host.vm.pullFreeAt : host.server.pullFreeAt;
}

export function commitPull(team: Team, host: Host, plan: DeployPlan, now: number): void {
  if (plan.pulls.length === 0) return;
  if (plan.pull) commitImagePull(team, plan.pull, now);
  host.cache.push(...plan.pulls);
  if (host.vm) host.vm.pullFreeAt = plan.pullFreeAt;
  else host.server.pullFreeAt = plan.pullFreeAt;
}
