/**
 * Why requests were turned away, minute by minute, and what they would have brought: the measure
 * behind the cards' costs and the spike card's "why". A minute's dropped requests are split into
 * causes by putting back what each cause took away, one after the other, and serving the minute
 * again as the engine serves it (shared/engine/serve.ts: min(demand, capacity), then scaled to what
 * the database can answer): first the instances an incident or a restart had taken down (in
 * LOSS_ORDER), then a database as big as it needed to be; what is still turned away then was beyond
 * the front end's capacity. The parts add up to the minute's dropped requests.
 */
import { APP_IDS, APPS, type AppId } from "../engine/data";
import { appCapacity } from "../engine/capacity";
import { instanceUp, serverUp, vmUp } from "../engine/running";
import type { GameEvent, Instance, MatchState, Team } from "../engine/types";
import { SCENARIOS } from "../scenarios";
import { spikeEnd } from "../scenarios/curve";

/** Instances down because of an incident or a restart, put back in this order. */
export const DOWN_CAUSES = ["hardware", "kernel", "leak", "patch", "restart"] as const;
export type DownCause = (typeof DOWN_CAUSES)[number];
/** Then the database: too small for the queries ("db"), or none running at all ("nodb"); then the front end's capacity. */
export const LOSS_CAUSES = [...DOWN_CAUSES, "db", "nodb", "capacity"] as const;
/**
 * Why a request was turned away: `hardware`, `kernel`, `leak`, `patch` (instances down after that
 * incident), `restart` (a process restarting to take a new size), `db` (the database too small for
 * the queries), `nodb` (no database running), `capacity` (beyond the front end's capacity).
 */
export type LossCause = (typeof LOSS_CAUSES)[number];

/** Requests turned away, and the revenue they would have earned plus the penalty paid for each (cents). */
export interface Loss {
  requests: number;
  cents: number;
}
/** Requests turned away by cause (a minute's dropped requests split so the causes add up to them). */
export type Losses = Record<LossCause, Loss>;

export function emptyLosses(): Losses {
  return Object.fromEntries(LOSS_CAUSES.map((c) => [c, { requests: 0, cents: 0 }])) as Losses;
}

/**
 * What the tracker keeps between minutes: why each instance (or the server or VM under it) is
 * down, until it serves again; and instances a team removed while they were down, which count as
 * down for their cause until they would have been back (a database deleted from a failed server
 * was lost to the failure until the repair, not to the team's choice).
 */
export interface DownMemory {
  causes: Map<string, DownCause>;
  /** Instances down with a cause last minute, by id. */
  down: ReadonlyMap<string, Ghost>;
  ghosts: Ghost[];
}

interface Ghost {
  app: AppId;
  cpu: number;
  cause: DownCause;
  /** The minute it would have served again. */
  until: number;
}

export function newDownMemory(): DownMemory {
  return { causes: new Map(), down: new Map(), ghosts: [] };
}

const INCIDENT_CAUSE: Partial<Record<string, DownCause>> = { hardware: "hardware", kernel: "kernel", leak: "leak", patch: "patch" };

/**
 * Remembers which instances an incident took down: its hit list names instances and VMs (a VM
 * stands for everything in it). An instance keeps its cause until it serves again.
 */
export function noteHits(causes: Map<string, DownCause>, team: Team, e: Extract<GameEvent, { kind: "incident" }>): void {
  const cause = INCIDENT_CAUSE[e.incident];
  if (!cause || e.hit.length === 0) return;
  const hit = new Set(e.hit);
  // A server or VM that went down stands for whatever is started on it until it is back.
  for (const id of [...e.hit, ...(e.target ? e.target.split(",") : [])]) causes.set(id, cause);
  for (const s of team.servers) {
    for (const i of s.instances) if (hit.has(i.id)) causes.set(i.id, cause);
    for (const vm of s.vms) for (const i of vm.instances) if (hit.has(i.id) || hit.has(vm.id)) causes.set(i.id, cause);
  }
}

const N = APP_IDS.length;
/** Shared, never written: what `down` is when nothing was down last minute. */
const NOTHING_DOWN: ReadonlyMap<string, Ghost> = new Map();
const APP_INDEX = Object.fromEntries(APP_IDS.map((a, i) => [a, i])) as Record<AppId, number>;

/** Served per app for a minute's demand and capacity, as the engine serves it. */
export function serveMinute(apps: readonly AppId[], demand: readonly number[], cap: readonly number[]): number[] {
  const served = new Array<number>(N).fill(0);
  for (const a of apps) {
    const k = APP_INDEX[a];
    if (APPS[a].role !== "backend") served[k] = Math.min(demand[k], cap[k]);
  }
  for (const p of apps) {
    if (APPS[p].role !== "backend") continue;
    let need = 0;
    for (const d of apps) {
      const q = APPS[d].deps[p];
      if (q) need += served[APP_INDEX[d]] * q;
    }
    if (need > cap[APP_INDEX[p]]) {
      for (const d of apps) if (APPS[d].deps[p]) served[APP_INDEX[d]] = Math.trunc((served[APP_INDEX[d]] * cap[APP_INDEX[p]]) / need);
    }
  }
  return served;
}

/** Started once and not serving now: down, not still starting up. */
function downOf(i: Instance, up: boolean, t: number): boolean {
  return t >= i.readyAt && !(up && instanceUp(i, t));
}

/**
 * Splits the minute just played (`t`) of one team into causes and adds it to `round` (and to
 * `spike` when the minute is in the spike's window); returns what the minute's dropped requests
 * would have brought. An instance serving again has no cause any more.
 */
export function noteLosses(state: MatchState, team: Team, t: number, mem: DownMemory, round: Losses, spike: Losses | null): number {
  const apps = state.world.apps;
  const { causes } = mem;
  // Every server's every instance is walked each minute of every room: nothing is allocated unless something is down.
  let lostCap = null as Map<DownCause, number[]> | null;
  const lose = (cause: DownCause, app: AppId, cpu: number) => {
    lostCap ??= new Map();
    let caps = lostCap.get(cause);
    if (!caps) lostCap.set(cause, (caps = new Array<number>(N).fill(0)));
    caps[APP_INDEX[app]] += appCapacity(APPS[app], cpu);
  };
  // Last minute's map, ours to empty (the shared empty one is never touched: its size is 0).
  const wasDown = mem.down as Map<string, Ghost>;
  let down: Map<string, Ghost> | null = null;
  const forget = causes.size > 0;
  const walk = (list: readonly Instance[], up: boolean, host: string | undefined) => {
    for (const i of list) {
      if (wasDown.size > 0) wasDown.delete(i.id);
      if (!downOf(i, up, t)) {
        if (forget && up && instanceUp(i, t)) causes.delete(i.id);
        continue;
      }
      // Down on its own with nothing recorded: a process restarting to take a new size.
      const cause = causes.get(i.id) ?? (host ? causes.get(host) : undefined) ?? "restart";
      (down ??= new Map()).set(i.id, { app: i.app, cpu: i.cpu, cause, until: i.downUntil });
      lose(cause, i.app, i.cpu);
    }
  };
  for (const s of team.servers) {
    // A server still being delivered or set up has nothing on it that ever ran.
    if (t < s.readyAt || t < s.layerReadyAt) continue;
    const up = serverUp(s, t);
    if (forget && up) causes.delete(s.id);
    walk(s.instances, up, up ? undefined : s.id);
    for (const vm of s.vms) {
      const vmRuns = vmUp(vm, t);
      if (forget && vmRuns) causes.delete(vm.id);
      walk(vm.instances, up && vmRuns, !up ? s.id : vmRuns ? undefined : vm.id);
    }
  }
  // Removed while down: gone for its cause until it would have been back.
  for (const [id, g] of wasDown) {
    causes.delete(id);
    if (g.until > t) mem.ghosts.push(g);
  }
  mem.down = down ?? NOTHING_DOWN;
  if (mem.ghosts.length > 0) {
    mem.ghosts = mem.ghosts.filter((g) => g.until > t);
    for (const g of mem.ghosts) lose(g.cause, g.app, g.cpu);
  }
  if (team.last.dropped === 0) return 0;

  const scn = SCENARIOS[state.scenario];
  const inPenaltySpike = scn.spike !== null && t >= state.world.spikeStart && t < spikeEnd(scn.spike, state.world.spikeStart);
  const pct = inPenaltySpike ? scn.spikePenaltyPct : 100;
  const demand = APP_IDS.map((a) => state.demand[a] ?? 0);
  const cap = APP_IDS.map((a) => team.traffic[a]?.capacity ?? 0);
  let before = APP_IDS.map((a) => team.traffic[a]?.served ?? 0);
  const add = (cause: LossCause, after: readonly number[]) => {
    let requests = 0;
    let cents = 0;
    for (const a of apps) {
      if (APPS[a].role !== "frontend") continue;
      const k = APP_INDEX[a];
      const gained = after[k] - before[k];
      requests += gained;
      cents += gained * (scn.revenue[a] ?? 0) + Math.trunc((gained * (scn.penalty[a] ?? 0) * pct) / 100);
    }
    put(cause, Math.max(0, requests), Math.max(0, cents));
  };
  let minute = 0;
  const put = (cause: LossCause, requests: number, cents: number) => {
    minute += cents;
    for (const into of spike ? [round, spike] : [round]) {
      into[cause].requests += requests;
      into[cause].cents += cents;
    }
  };
  let accounted = 0;
  for (const cause of DOWN_CAUSES) {
    const caps = lostCap?.get(cause);
    if (!caps) continue;
    for (let k = 0; k < N; k++) cap[k] += caps[k];
    const after = serveMinute(apps, demand, cap);
    add(cause, after);
    accounted += Math.max(0, frontEnd(apps, after) - frontEnd(apps, before));
    before = after;
  }
  let none = false;
  for (const a of apps) {
    if (APPS[a].role !== "backend") continue;
    if (cap[APP_INDEX[a]] === 0) none = true;
    cap[APP_INDEX[a]] = Number.MAX_SAFE_INTEGER;
  }
  const unbound = serveMinute(apps, demand, cap);
  add(none ? "nodb" : "db", unbound);
  accounted += Math.max(0, frontEnd(apps, unbound) - frontEnd(apps, before));
  before = unbound;
  // The rest was beyond the front end's capacity, even with everything back and the database unbound.
  const all = APP_IDS.map((_, k) => demand[k]);
  const rest = Math.max(0, team.last.dropped - accounted);
  let cents = 0;
  for (const a of apps) {
    if (APPS[a].role !== "frontend") continue;
    const k = APP_INDEX[a];
    const gained = all[k] - before[k];
    cents += gained * (scn.revenue[a] ?? 0) + Math.trunc((gained * (scn.penalty[a] ?? 0) * pct) / 100);
  }
  put("capacity", rest, Math.max(0, cents));
  return minute;
}

function frontEnd(apps: readonly AppId[], served: readonly number[]): number {
  let n = 0;
  for (const a of apps) if (APPS[a].role === "frontend") n += served[APP_INDEX[a]];
  return n;
}

/** The spike's window as the debrief reads it (report.ts): from its start to the end of its last wave. */
export function inSpikeWindow(state: MatchState, t: number): boolean {
  const scn = SCENARIOS[state.scenario];
  const start = state.world.spikeStart;
  return scn.spike !== null && start >= 0 && t >= start && t < spikeEnd(scn.spike, Math.max(start, state.world.wave2Start));
}

export function totalLoss(l: Losses, causes: readonly LossCause[] = LOSS_CAUSES): Loss {
  let requests = 0;
  let cents = 0;
  for (const c of causes) { requests += l[c].requests; cents += l[c].cents; }
  return { requests, cents };
}
