import { ArraySchema, type Schema } from "@colyseus/schema";
import type { AppId } from "../../shared/engine/data";
import { resaleValue } from "../../shared/engine/actions";
import type { CachedLayer, Instance, MatchState, Server, Team, Vm } from "../../shared/engine/types";
import {
  AppTrafficState, CachedLayerState, DatacenterState, InstanceState, ServerState, VmState,
} from "./schema/DatacenterState";
import type { TeamState } from "./schema/ClassState";

/*
 * Engine → schema, after each tick.

 * Schema 3 quirk: items of a collection share their parent's StateView visibility, but a
 * collection held by a new Schema (a new server's `instances`) does not. Every new ServerState and
 * VmState is reported through `fresh` so the room can add it to the views that see its datacenter. Only fields whose value changed are written, and arrays are
 * patched by id (append, remove) rather than rebuilt, so each patch carries what really moved.
 */

type Writable<S> = { -readonly [K in keyof S]: S[K] };

function set<S extends Schema, K extends keyof S>(target: S, key: K, value: S[K]): void {
  if (target[key] !== value) (target as Writable<S>)[key] = value;
}

/** Brings `list` in line with `items` by id: in-place updates, appends and removals when possible. */
function syncById<S extends Schema & { id: string }, E extends { id: string }>(
  list: ArraySchema<S>, items: readonly E[], make: () => S, update: (s: S, e: E) => void,
): void {
  let same = list.length === items.length;
  for (let i = 0; same && i < items.length; i++) same = list[i].id === items[i].id;
  if (!same) {
    const wanted = new Set(items.map((e) => e.id));
    for (let i = list.length - 1; i >= 0; i--) if (!wanted.has(list[i].id)) list.splice(i, 1);
    let prefix = list.length <= items.length;
    for (let i = 0; prefix && i < list.length; i++) prefix = list[i].id === items[i].id;
    if (!prefix) list.clear();
    for (let i = list.length; i < items.length; i++) {
      const s = make();
      s.id = items[i].id;
      list.push(s);
    }
  }
  for (let i = 0; i < items.length; i++) update(list[i], items[i]);
}

function syncCache(list: ArraySchema<CachedLayerState>, items: readonly CachedLayer[]): void {
  if (list.length > items.length) list.clear();
  for (let i = 0; i < items.length; i++) {
    if (i >= list.length) list.push(new CachedLayerState());
    set(list[i], "layer", items[i].layer);
    set(list[i], "at", items[i].at);
  }
}

/** Load in 5 % steps: finer detail would change every tick for nothing a player can see. */
function loadPct(i: Instance): number {
  if (i.cpu <= 0) return 0;
  return Math.min(100, Math.round((i.usedCpu * 20) / i.cpu) * 5);
}

function updateInstance(s: InstanceState, i: Instance): void {
  set(s, "app", i.app);
  set(s, "container", i.container);
  set(s, "cpu", i.cpu);
  set(s, "mem", i.mem);
  set(s, "memLimited", i.memLimited);
  set(s, "readyAt", i.readyAt);
  set(s, "downUntil", i.downUntil);
  set(s, "load", loadPct(i));
}

let fresh: Schema[] = [];

function made<S extends Schema>(s: S): S {
  fresh.push(s);
  return s;
}

function updateVm(s: VmState, vm: Vm): void {
  set(s, "os", vm.os);
  set(s, "mode", vm.mode);
  set(s, "vcpus", vm.vcpus);
  set(s, "mem", vm.mem);
  set(s, "engine", vm.engine);
  set(s, "readyAt", vm.readyAt);
  set(s, "downUntil", vm.downUntil);
  set(s, "migrationTo", vm.migration?.to ?? "");
  set(s, "migrationDoneAt", vm.migration?.doneAt ?? 0);
  set(s, "pullFreeAt", vm.pullFreeAt);
  syncById(s.instances, vm.instances, () => new InstanceState(), updateInstance);
  syncCache(s.cache, vm.cache);
}

function updateServer(s: ServerState, server: Server): void {
  set(s, "model", server.model);
  set(s, "boughtAt", server.boughtAt);
  set(s, "readyAt", server.readyAt);
  set(s, "failedUntil", server.failedUntil);
  set(s, "layer", server.layer ?? "");
  set(s, "layerReadyAt", server.layerReadyAt);
  set(s, "essentials", server.licences.essentials);
  set(s, "standard", server.licences.standard);
  set(s, "datacenter", server.licences.datacenter);
  set(s, "busyCpu", Math.round(server.busyCpu / 250) * 250);
  set(s, "pullFreeAt", server.pullFreeAt);
  syncById(s.vms, server.vms, () => made(new VmState()), updateVm);
  syncById(s.instances, server.instances, () => new InstanceState(), updateInstance);
  syncCache(s.cache, server.cache);
}

/** Mirrors one team's datacenter; returns the new servers and VMs (see the note at the top). */
export function mirrorDatacenter(dc: DatacenterState, team: Team, apps: readonly AppId[]): Schema[] {
  fresh = [];
  set(dc, "team", team.id);
  set(dc, "cash", team.cash);
  syncById(dc.servers, team.servers, () => made(new ServerState()), updateServer);
  for (const a of apps) {
    let tr = dc.traffic.get(a);
    if (!tr) {
      tr = new AppTrafficState();
      dc.traffic.set(a, tr);
    }
    const src = team.traffic[a];
    set(tr, "demand", src.demand);
    set(tr, "capacity", src.capacity);
    set(tr, "served", src.served);
    set(tr, "dropped", src.dropped);
  }
  for (const key of Object.keys(team.ledger) as (keyof Team["ledger"])[]) set(dc.ledger, key, team.ledger[key]);
  const f = team.last;
  set(dc, "revenue", f.revenue);
  set(dc, "power", f.power);
  set(dc, "penalties", f.penalties);
  set(dc, "fines", f.fines);
  set(dc, "capacityCpu", f.capacityCpu);
  set(dc, "reservedCpu", f.reservedCpu);
  set(dc, "usefulCpu", f.usefulCpu);
  set(dc, "osTaxCpu", f.osTaxCpu);
  return fresh;
}

/** The leaderboard line everyone sees. */
export function mirrorTeam(ts: TeamState, team: Team): void {
  let resale = 0;
  let instances = 0;
  for (const s of team.servers) {
    resale += resaleValue(s);
    instances += s.instances.length;
    for (const vm of s.vms) instances += vm.instances.length;
  }
  set(ts, "score", team.cash + resale);
  set(ts, "cash", team.cash);
  set(ts, "availability", team.stats.demand > 0 ? Math.trunc((team.stats.served * 10000) / team.stats.demand) : 10000);
  set(ts, "demand", team.last.demand);
  set(ts, "served", team.last.served);
  set(ts, "dropped", team.last.dropped);
  set(ts, "servers", team.servers.length);
  set(ts, "instances", instances);
}

export function mirrorDemand(target: Map<string, number> & { set(k: string, v: number): unknown }, state: MatchState): void {
  for (const a of state.world.apps) if (target.get(a) !== state.demand[a]) target.set(a, state.demand[a]);
}

export function freshDatacenters(count: number): ArraySchema<DatacenterState> {
  const list = new ArraySchema<DatacenterState>();
  for (let t = 0; t < count; t++) {
    const dc = new DatacenterState();
    dc.team = t;
    list.push(dc);
  }
  return list;
}
