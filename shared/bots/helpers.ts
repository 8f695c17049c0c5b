import {
  APPS, GUEST_OS, HOST_LAYERS, HYPERVISOR_COST, SERVER_MODELS, type AppId, type LayerKind, type ModelId,
} from "../engine/data";
import type { Command } from "../engine/commands";
import type { CommandResult } from "../engine/api";
import { forecastDemand } from "../engine/demand";
import { SCENARIOS } from "../scenarios";
import type { Instance, MatchState, Server, Team } from "../engine/types";

/** What a bot gets each tick: the state, its team, and the same command door players use. */
export interface BotContext {
  state: MatchState;
  team: Team;
  act(command: Command): CommandResult;
}

export interface Bot {
  readonly name: string;
  play(ctx: BotContext): void;
}

/** The highest demand the public forecast announces for an app (what a planner would read). */
export function forecastPeak(state: MatchState, app: AppId): number {
  const scn = SCENARIOS[state.scenario];
  let peak = 0;
  for (let t = 0; t < state.world.ticks; t++) peak = Math.max(peak, forecastDemand(scn, state.world.trafficPct, app, t));
  return peak;
}

/** Forecast demand a few ticks ahead, clipped to the round. */
export function forecastAt(state: MatchState, app: AppId, tick: number): number {
  const t = Math.min(state.world.ticks - 1, Math.max(0, tick));
  return forecastDemand(SCENARIOS[state.scenario], state.world.trafficPct, app, t);
}

export function instancesOf(team: Team, app: AppId): Instance[] {
  const out: Instance[] = [];
  for (const s of team.servers) {
    for (const i of s.instances) if (i.app === app) out.push(i);
    for (const vm of s.vms) for (const i of vm.instances) if (i.app === app) out.push(i);
  }
  return out;
}

/** Requests per tick one instance of `cpu` millicores serves. */
export function perInstance(app: AppId, cpu: number): number {
  const spec = APPS[app];
  return spec.gpu > 0 ? spec.gpu * spec.unitsPerGpu : Math.trunc(cpu / spec.cpuPerReq);
}

export function instancesFor(app: AppId, demand: number, cpu: number, headroomPct: number): number {
  if (demand <= 0) return 0;
  return Math.ceil((demand * headroomPct) / 100 / perInstance(app, cpu));
}

/** Database CPU the dependants' demand calls for. */
export function dbCpuFor(state: MatchState, demandOf: (app: AppId) => number, headroomPct: number): number {
  let queries = 0;
  for (const a of state.world.apps) queries += (APPS[a].deps.db ?? 0) * demandOf(a);
  const cpu = Math.ceil((queries * APPS.db.cpuPerReq * headroomPct) / 100);
  return Math.min(APPS.db.maxCpu, Math.max(APPS.db.minCpu, Math.ceil(cpu / 250) * 250));
}

/** Apps in this scenario that take users' requests or jobs (not the database). */
export function servedApps(state: MatchState): AppId[] {
  return state.world.apps.filter((a) => APPS[a].role !== "backend");
}

export function usable(server: Server, tick: number): boolean {
  return server.failedUntil <= tick;
}

/** Installs `layer` on every usable server that has none yet. */
export function installMissing(ctx: BotContext, layer: LayerKind, only?: (s: Server) => boolean): void {
  if (!ctx.state.world.unlocks.includes(layer)) return;
  for (const s of ctx.team.servers) {
    if (s.layer === null && usable(s, ctx.state.tick) && (!only || only(s))) {
      ctx.act({ type: "installLayer", server: s.id, layer });
    }
  }
}

/** Tries each host in turn; the engine's own check decides what fits. */
export function deployFirstFit(
  ctx: BotContext, hosts: readonly string[], app: AppId, cpu: number, memLimit?: number,
): boolean {
  for (const target of hosts) {
    const cmd: Command = memLimit === undefined ? { type: "deploy", target, app, cpu } : { type: "deploy", target, app, cpu, memLimit };
    if (ctx.act(cmd).ok) return true;
  }
  return false;
}

/** vCPUs for a VM that must leave `cpu` millicores to apps after its guest OS and the type-1 tax. */
export function vcpusFor(cpu: number, os: "linux" | "windows", mode: "para" | "full", layer: "type1" | "type2", engine = false): number {
  const extra = GUEST_OS[os].cpu + (engine ? 100 : 0);
  const pct = HYPERVISOR_COST[layer].taxPct[mode];
  for (let v = 1; v <= 32; v++) if (v * 1000 - extra - v * 10 * pct >= cpu) return v;
  return 32;
}

/** Usable CPU of a model once the given layer is installed. */
export function modelRoom(model: ModelId, layer: LayerKind): number {
  return SERVER_MODELS[model].cpu - HOST_LAYERS[layer].cpu;
}

/** Largest instance size a host can still take (for the single database). */
export function roundDown(cpu: number, step = 250): number {
  return Math.floor(cpu / step) * step;
}
