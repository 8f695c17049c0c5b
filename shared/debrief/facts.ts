import { APPS, IMAGE_LAYERS, SERVER_MODELS } from "../engine/data";
import type { CachedLayer, Instance, MatchState } from "../engine/types";
import type { LogEntry } from "../log/format";
import type { RoundSeries } from "./series";

/** What a team's round came down to, in numbers the concept cards quote back. */
export interface TeamFacts {
  servers: number;
  bareServers: number;
  type1: number;
  type2: number;
  containerHosts: number;
  vms: number;
  windowsOses: number;
  containers: number;
  /** MB of images the containers running at the end are made of, counted whole for each one. */
  imageMb: number;
  /** MB of layers the team's hosts actually pulled: shared layers come once per host. */
  pulledMb: number;
  migrations: number;
  /** Share of a GPU node's CPU nobody reserved, percent (null: no GPU node with a job). */
  gpuIdlePct: number | null;
  /** Minutes the database could not answer every query it was asked. */
  dbShortTicks: number;
  kernelHit: number;
  kernelCost: number;
  leakHit: number;
  hardwareHit: number;
  auditCost: number;
}

function countImages(f: TeamFacts, instances: readonly Instance[], cache: readonly CachedLayer[]): void {
  for (const i of instances) {
    if (!i.container) continue;
    f.containers++;
    for (const layer of APPS[i.app].image ?? []) f.imageMb += IMAGE_LAYERS[layer].mb;
  }
  for (const c of cache) f.pulledMb += IMAGE_LAYERS[c.layer].mb;
}

export function teamFacts(state: MatchState, team: number, series: RoundSeries, entries: readonly LogEntry[]): TeamFacts {
  const t = state.teams[team];
  const f: TeamFacts = {
    servers: t.servers.length, bareServers: 0, type1: 0, type2: 0, containerHosts: 0, vms: 0, windowsOses: 0, containers: 0,
    imageMb: 0, pulledMb: 0, migrations: 0, gpuIdlePct: null, dbShortTicks: 0, kernelHit: 0, kernelCost: 0, leakHit: 0, hardwareHit: 0, auditCost: 0,
  };
  for (const s of t.servers) {
    if (s.layer === "bare-linux" || s.layer === "bare-windows") f.bareServers++;
    if (s.layer === "bare-windows") f.windowsOses++;
    if (s.layer === "type1") f.type1++;
    if (s.layer === "type2") f.type2++;
    if (s.layer === "container-host") f.containerHosts++;
    f.vms += s.vms.length;
    for (const vm of s.vms) {
      if (vm.os === "windows") f.windowsOses++;
      countImages(f, vm.instances, vm.cache);
    }
    countImages(f, s.instances, s.cache);
    const jobs = s.instances.filter((i) => APPS[i.app].gpu > 0);
    if (s.model === "gpu" && jobs.length > 0) {
      const reserved = s.instances.reduce((sum, i) => sum + i.cpu, 0);
      const cpu = SERVER_MODELS.gpu.cpu;
      f.gpuIdlePct = Math.max(0, Math.trunc(((cpu - reserved) * 100) / cpu));
    }
  }
  for (const e of entries) if (e.type === "command" && e.team === team && e.command.type === "migrateVm") f.migrations++;
  const dbCap = series.teams[team]?.capacity.db ?? [];
  const dependants = state.world.apps.filter((a) => APPS[a].deps.db);
  for (let i = 0; i < dbCap.length; i++) {
    const wanted = dependants.reduce((sum, a) => sum + (series.demand[a][i] ?? 0) * (APPS[a].deps.db ?? 0), 0);
    if (wanted > dbCap[i]) f.dbShortTicks++;
  }
  for (const inc of series.incidents) {
    if (inc.team !== team) continue;
    if (inc.kind === "kernel") { f.kernelHit += inc.hit; f.kernelCost += inc.cost; }
    if (inc.kind === "leak") f.leakHit += inc.hit;
    if (inc.kind === "hardware") f.hardwareHit += inc.hit;
    if (inc.kind === "audit") f.auditCost += inc.cost;
  }
  return f;
}
