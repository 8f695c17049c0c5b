import { ArraySchema, type Schema } from "@colyseus/schema";
import type { AppId } from "../../shared/engine/data";
import { resaleValue } from "../../shared/engine/actions";
import { encodeCache } from "../../shared/protocol/cache";
import type { Instance, MatchState, Team, Vm } from "../../shared/engine/types";
import { AppTrafficState, DatacenterState, InstanceState, ServerState, VmState } from "./schema/DatacenterState";
import type { TeamState } from "./schema/ClassState";

/*
 * Engine → schema, after each tick. Only fields whose value changed are written, and lists are
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
    // A reorder (a VM that migrated moves to its new server's list) is rare: rebuild then.
    if (!prefix) list.clear();
    for (let i = list.length; i < items.length; i++) {
      const s = make();
      s.id = items[i].id;
      list.push(s);
    }
  }
  for (let i = 0; i < items.length; i++) update(list[i], items[i]);
}

/** Load in 5 % steps: finer detail would change every tick for nothing a player can see. */
function loadPct(i: Instance): number {
  if (i.cpu <= 0) return 0;
  return Math.min(100, Math.round((i.usedCpu * 20) / i.cpu) * 5);
}

interface Placed<T> { item: T; parent: string; id: string }

function updateInstance(s: InstanceState, p: Placed<Instance>): void {
  const i = p.item;
  set(s, "host", p.parent);
  set(s, "app", i.app);
  set(s, "container", i.container);
  set(s, "cpu", i.cpu);
  set(s, "mem", i.mem);
  set(s, "memLimited", i.memLimited);
  set(s, "readyAt", i.readyAt);
  set(s, "downUntil", i.downUntil);
  set(s, "load", loadPct(i));
}

function updateVm(s: VmState, p: Placed<Vm>): void {
  const vm = p.item;
  set(s, "server", p.parent);
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
  set(s, "cache", encodeCache(vm.cache));
}

export function mirrorDatacenter(dc: DatacenterState, team: Team, apps: readonly AppId[]): void {
  set(dc, "team", team.id);
  set(dc, "cash", team.cash);
  const vms: Placed<Vm>[] = [];
  const instances: Placed<Instance>[] = [];
  for (const server of team.servers) {
    for (const i of server.instances) instances.push({ item: i, parent: server.id, id: i.id });
    for (const vm of server.vms) {
      vms.push({ item: vm, parent: server.id, id: vm.id });
      for (const i of vm.instances) instances.push({ item: i, parent: vm.id, id: i.id });
    }
  }
  syncById(dc.servers, team.servers, () => new ServerState(), (s, server) => {
    set(s, "model", server.model);
    set(s, "boughtAt", server.boughtAt);
    set(s, "readyAt", server.readyAt);
    set(s, "failedUntil", server.failedUntil);
    set(s, "rented", server.rented);
    set(s, "failingAt", server.failingAt);
    set(s, "osDownUntil", server.osDownUntil);
    set(s, "layer", server.layer ?? "");
    set(s, "layerReadyAt", server.layerReadyAt);
    set(s, "essentials", server.licences.essentials);
    set(s, "standard", server.licences.standard);
    set(s, "datacenter", server.licences.datacenter);
    set(s, "ha", server.licences.ha);
    set(s, "busyCpu", Math.round(server.busyCpu / 250) * 250);
    set(s, "pullFreeAt", server.pullFreeAt);
    set(s, "cache", encodeCache(server.cache));
  });
  syncById(dc.vms, vms, () => new VmState(), updateVm);
  syncById(dc.instances, instances, () => new InstanceState(), updateInstance);
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
  set(dc, "rent", f.rent);
  set(dc, "penalties", f.penalties);
  set(dc, "fines", f.fines);
  set(dc, "capacityCpu", f.capacityCpu);
  set(dc, "reservedCpu", f.reservedCpu);
  set(dc, "usefulCpu", f.usefulCpu);
  set(dc, "osTaxCpu", f.osTaxCpu);
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
