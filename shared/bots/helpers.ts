import { APPS, type AppId } from "../engine/data";
import type { Command } from "../engine/commands";
import type { CommandResult } from "../engine/api";
import { forecastBand } from "../engine/demand";
import { SCENARIOS } from "../scenarios";
import type { IncidentKind, Instance, MatchState, Server, Team } from "../engine/types";

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

/*
 * What a bot may know is what a player knows: the published forecast band, the demand it has
 * seen, its own datacenter and the events of the last minute. It never reads the realised spike
 * (state.world.spikeStart and the like).
 */

interface BandSeries {
  low: Int32Array;
  high: Int32Array;
}
const bands = new Map<string, BandSeries>();

function bandOf(state: MatchState, app: AppId): BandSeries {
  const key = `${state.scenario}/${state.world.trafficPct}/${app}`;
  let b = bands.get(key);
  if (!b) {
    const scn = SCENARIOS[state.scenario];
    const n = state.world.ticks;
    b = { low: new Int32Array(n), high: new Int32Array(n) };
    for (let t = 0; t < n; t++) {
      const v = forecastBand(scn, state.world.trafficPct, app, t);
      b.low[t] = v.low;
      b.high[t] = v.high;
    }
    bands.set(key, b);
  }
  return b;
}

function clampTick(state: MatchState, t: number): number {
  return Math.min(state.world.ticks - 1, Math.max(0, t));
}

/** The most demand the band allows for an app between two ticks (inclusive). */
export function bandHigh(state: MatchState, app: AppId, from: number, to: number): number {
  const b = bandOf(state, app).high;
  let m = 0;
  for (let t = clampTick(state, from); t <= clampTick(state, to); t++) m = Math.max(m, b[t]);
  return m;
}

/** The least demand the band allows at a tick. */
export function bandLow(state: MatchState, app: AppId, t: number): number {
  return bandOf(state, app).low[clampTick(state, t)];
}

export function bandPeak(state: MatchState, app: AppId): number {
  return bandHigh(state, app, 0, state.world.ticks - 1);
}

/** The forecast's spike window: earliest possible start and the tick the last possible wave has decayed by. */
export function spikeWindow(state: MatchState): { from: number; to: number } | null {
  const scn = SCENARIOS[state.scenario];
  if (!scn.spike) return null;
  const s = scn.surprise;
  const len = scn.spike.ramp + scn.spike.hold + scn.spike.decay;
  return { from: scn.spike.start - s.earlyTicks, to: scn.spike.start + s.lateTicks + (s.secondWave?.delayMax ?? 0) + len };
}

/** Whether the briefing announces a scripted incident of this kind (they are public). */
export function announced(state: MatchState, kind: IncidentKind): boolean {
  return announcedAt(state, kind).length > 0;
}

/** The ticks the briefing announces incidents of these kinds at. */
export function announcedAt(state: MatchState, ...kinds: IncidentKind[]): number[] {
  if (!state.world.scriptedIncidents) return [];
  return SCENARIOS[state.scenario].incidents.filter((i) => kinds.includes(i.kind)).map((i) => i.tick);
}

/** Demand seen in the last minute (what a dashboard shows). */
export function seen(state: MatchState, app: AppId): number {
  return state.tick > 0 ? state.demand[app] : 0;
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

/** Database CPU for a given demand on the apps that query it, rounded up to 250 m, within the app's range. */
export function dbCpuFor(state: MatchState, demandOf: (app: AppId) => number, headroomPct: number): number {
  let queries = 0;
  for (const a of state.world.apps) queries += (APPS[a].deps.db ?? 0) * demandOf(a);
  const cpu = Math.ceil((queries * APPS.db.cpuPerReq * headroomPct) / 100);
  return Math.min(APPS.db.maxCpu, Math.max(APPS.db.minCpu, Math.ceil(cpu / 250) * 250));
}

/** Apps in this scenario that take users' requests or jobs (not the database). */
export function servedApps(state: MatchState): AppId[] {
  return state.world.apps.filter((a) => APPS[a].role === "frontend" || APPS[a].role === "batch");
}

/** Delivered or on its way, not failed, not about to fail, its OS not down. */
export function usable(server: Server, tick: number): boolean {
  return server.failedUntil <= tick && server.failingAt === 0 && server.osDownUntil <= tick;
}

/**
 * Instances of an app that serve now or within a couple of minutes: the ones an incident knocked
 * out for longer (or whose server or VM is down) do not count, so a bot that can replace them does.
 */
export function liveSoon(team: Team, app: AppId, tick: number): Instance[] {
  const out: Instance[] = [];
  const soon = tick + 2;
  for (const s of team.servers) {
    const hostOk = s.failedUntil <= soon && s.osDownUntil <= soon;
    for (const i of s.instances) if (i.app === app && hostOk && i.downUntil <= soon) out.push(i);
    for (const vm of s.vms) {
      if (!hostOk || vm.downUntil > soon) continue;
      for (const i of vm.instances) if (i.app === app && i.downUntil <= soon) out.push(i);
    }
  }
  return out;
}

/** Servers that warned of failing hardware in the last minute. */
export function warnedServers(ctx: BotContext): Server[] {
  const ids = new Set<string>();
  for (const e of ctx.state.events) if (e.kind === "hardware-warning" && e.team === ctx.team.id) ids.add(e.server);
  return ctx.team.servers.filter((s) => ids.has(s.id));
}
