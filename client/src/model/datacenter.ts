/**
 * The browser asks the engine itself what a command would do (green or red while dragging), so it
 * rebuilds engine-shaped state from the synced view. Only the acting team needs to be complete.
 */
import { checkCommand, ENGINE_VERSION, type EngineError, type MatchState, type Server, type Team } from "../../../shared/engine";
import type { AppId, LayerKind, ModelId, OsKind, VirtMode, LayerId } from "../../../shared/engine/data";
import { APP_IDS } from "../../../shared/engine/data";
import type { ClassView, DatacenterView, InstanceView, ServerView, VmView } from "./types";
import { decodeCache } from "../../../shared/protocol/cache";
import { emptyFigures, emptyLedger } from "../../../shared/engine/money";

function instance(i: InstanceView) {
  return { id: i.id, app: i.app as AppId, container: i.container, cpu: i.cpu, mem: i.mem, memLimited: i.memLimited, readyAt: i.readyAt, downUntil: i.downUntil, served: 0, usedCpu: 0 };
}

function vm(v: VmView) {
  return {
    id: v.id, os: v.os as OsKind, mode: v.mode as VirtMode, vcpus: v.vcpus, mem: v.mem, engine: v.engine, readyAt: v.readyAt, downUntil: v.downUntil,
    migration: v.migrationTo ? { to: v.migrationTo, doneAt: v.migrationDoneAt } : null,
    instances: v.instances.map(instance), cache: v.cache.map((c) => ({ layer: c.layer as LayerId, at: c.at })), pullFreeAt: v.pullFreeAt,
  };
}

export function toServer(s: ServerView): Server {
  return {
    id: s.id, model: s.model as ModelId, boughtAt: s.boughtAt, readyAt: s.readyAt, rented: s.rented, failedUntil: s.failedUntil,
    failingAt: s.failingAt, osDownUntil: s.osDownUntil, layer: (s.layer || null) as LayerKind | null, layerReadyAt: s.layerReadyAt,
    licences: { essentials: s.essentials, standard: s.standard, datacenter: s.datacenter, ha: s.ha },
    vms: s.vms.map(vm), instances: s.instances.map(instance), cache: s.cache.map((c) => ({ layer: c.layer as LayerId, at: c.at })),
    pullFreeAt: s.pullFreeAt, busyCpu: s.busyCpu,
  };
}

function emptyTeam(id: number, name: string): Team {
  const traffic = Object.fromEntries(APP_IDS.map((a) => [a, { demand: 0, capacity: 0, served: 0, dropped: 0 }])) as Team["traffic"];
  return {
    id, name, cash: 0, servers: [], traffic,
    ledger: emptyLedger(),
    stats: { ticks: 0, demand: 0, served: 0, dropped: 0, droppedPeak: 0, droppedPeakTick: -1, capacityCpu: 0, reservedCpu: 0, usefulCpu: 0, osTaxCpu: 0, osTaxMem: 0, spikeFirstDrop: -1, spikeRecovered: -1 },
    last: emptyFigures(),
  };
}

const nested = new WeakMap<DatacenterView, ServerView[]>();

/**
 * A datacenter's servers with their VMs and instances nested again (the synced lists are flat).
 * Computed once per snapshot: the scene, the panels and the minimap share the result.
 */
export function serversOf(dc: DatacenterView | undefined): ServerView[] {
  if (!dc) return [];
  const known = nested.get(dc);
  if (known) return known;
  const byHost = new Map<string, InstanceView[]>();
  for (const i of dc.instances) {
    const list = byHost.get(i.host);
    if (list) list.push(i);
    else byHost.set(i.host, [i]);
  }
  const vmsByServer = new Map<string, VmView[]>();
  for (const v of dc.vms) {
    const vm: VmView = { ...v, instances: byHost.get(v.id) ?? [], cache: decodeCache(v.cache) };
    const list = vmsByServer.get(v.server);
    if (list) list.push(vm);
    else vmsByServer.set(v.server, [vm]);
  }
  const out = dc.servers.map((s) => ({ ...s, vms: vmsByServer.get(s.id) ?? [], instances: byHost.get(s.id) ?? [], cache: decodeCache(s.cache) }));
  nested.set(dc, out);
  return out;
}

export function datacenterOf(view: ClassView, team: number): DatacenterView | undefined {
  for (const dc of view.datacenters ?? []) if (dc.team === team) return dc;
  return undefined;
}

/** Engine state for `team` as far as this browser can see it. */
export function toMatchState(view: ClassView, team: number): MatchState {
  const r = view.round;
  const teams = view.teams.map((t, i) => emptyTeam(i, t.name));
  const dc = datacenterOf(view, team);
  if (dc && teams[team]) {
    teams[team].servers = serversOf(dc).map(toServer);
    teams[team].cash = dc.cash;
  }
  return {
    engineVersion: ENGINE_VERSION,
    scenario: r.scenario as MatchState["scenario"],
    settings: { scenario: r.scenario as MatchState["scenario"], teams: view.teams.map((t) => t.name) },
    world: {
      ticks: r.ticks, startMinute: r.startMinute, budget: r.budget, cashFloor: r.cashFloor, unlocks: [...r.unlocks] as LayerKind[],
      trafficPct: r.trafficPct, apps: [...r.apps] as AppId[], spikeStart: -1, spikePeakPct: 100, wave2Start: -1, wave2PeakPct: 0,
      slowFrom: -1, slowTo: -1, rent: r.rent, scriptedIncidents: true, paymentIsolation: r.paymentIsolation,
    },
    seed: 0, rng: 0, tick: view.tick, nextId: 0, teams, pendingIncidents: [],
    demand: Object.fromEntries(APP_IDS.map((a) => [a, view.demand[a] ?? 0])) as MatchState["demand"],
    events: [],
  };
}

/** The engine's verdict on a command for this team, as the browser sees the state now. */
export function verdict(view: ClassView, team: number, command: unknown): EngineError | null {
  return checkCommand(toMatchState(view, team), team, command);
}
