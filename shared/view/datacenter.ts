import { encodeCache } from "../protocol/cache";
import type { AppId } from "../engine/data";
import type { Instance, MatchState, Server, Team, Vm } from "../engine/types";
import { quantizeBusyCpu, quantizeLoad } from "./quantize";
import type { DatacenterFigures, DatacenterRow, InstanceRow, ServerRow, TrafficRow, VmRow } from "./rows";

function serverRow(s: Server): ServerRow {
  return {
    id: s.id, model: s.model, boughtAt: s.boughtAt, readyAt: s.readyAt, rented: s.rented, failedUntil: s.failedUntil,
    failingAt: s.failingAt, osDownUntil: s.osDownUntil, layer: s.layer ?? "", layerReadyAt: s.layerReadyAt,
    essentials: s.licences.essentials, standard: s.licences.standard, datacenter: s.licences.datacenter, ha: s.licences.ha,
    busyCpu: quantizeBusyCpu(s.busyCpu), pullFreeAt: s.pullFreeAt, cache: encodeCache(s.cache),
  };
}

function vmRow(v: Vm, server: string): VmRow {
  return {
    id: v.id, server, os: v.os, mode: v.mode, vcpus: v.vcpus, mem: v.mem, engine: v.engine, readyAt: v.readyAt, downUntil: v.downUntil,
    migrationTo: v.migration?.to ?? "", migrationDoneAt: v.migration?.doneAt ?? 0, pullFreeAt: v.pullFreeAt, cache: encodeCache(v.cache),
  };
}

function instanceRow(i: Instance, host: string): InstanceRow {
  return {
    id: i.id, host, app: i.app, container: i.container, cpu: i.cpu, mem: i.mem, memLimited: i.memLimited, volume: i.volume, readyAt: i.readyAt,
    downUntil: i.downUntil, load: quantizeLoad(i.usedCpu, i.cpu),
  };
}

function figuresOf(team: Team): DatacenterFigures {
  const f = team.last;
  return {
    revenue: f.revenue, power: f.power, rent: f.rent, penalties: f.penalties, fines: f.fines, capacityCpu: f.capacityCpu,
    reservedCpu: f.reservedCpu, usefulCpu: f.usefulCpu, osTaxCpu: f.osTaxCpu,
  };
}

/** Servers, VMs and instances as flat lists, in the engine's order (servers, then inside each). */
function flatten(team: Team): { servers: ServerRow[]; vms: VmRow[]; instances: InstanceRow[] } {
  const servers: ServerRow[] = [];
  const vms: VmRow[] = [];
  const instances: InstanceRow[] = [];
  for (const s of team.servers) {
    servers.push(serverRow(s));
    for (const i of s.instances) instances.push(instanceRow(i, s.id));
    for (const v of s.vms) {
      vms.push(vmRow(v, s.id));
      for (const i of v.instances) instances.push(instanceRow(i, v.id));
    }
  }
  return { servers, vms, instances };
}

function trafficRows(team: Team, apps: readonly AppId[]): Map<AppId, TrafficRow> {
  return new Map(apps.map((a) => [a, { ...team.traffic[a] }]));
}

/** A team's datacenter as it is synced to the team and the teacher. */
export function datacenterRow(state: MatchState, team: number): DatacenterRow {
  const t = state.teams[team];
  return {
    team, cash: t.cash, ...flatten(t), traffic: trafficRows(t, state.world.apps), ledger: { ...t.ledger }, ...figuresOf(t),
  };
}
