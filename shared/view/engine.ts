/**
 * Rows back into the engine's objects: a datacenter as a browser sees it, nested and typed as the
 * engine holds it, so the browser can ask the engine itself what a command would do (green or red
 * while dragging, free capacity of a selected server). The inverse of datacenterRow(): every field the
 * rows carry comes back; what a tick measured and is not synced (an instance's served requests and
 * used CPU) comes back as 0, and busy CPU in its synced steps.
 */
import { decodeCache } from "../protocol/cache";
import type { Instance, Server, Vm } from "../engine/types";
import type { InstanceRow, ServerRow, VmRow } from "./rows";

export interface DatacenterRows {
  servers: Iterable<ServerRow>;
  vms: Iterable<VmRow>;
  instances: Iterable<InstanceRow>;
}

function instanceFromRow(i: InstanceRow): Instance {
  return {
    id: i.id, app: i.app, container: i.container, cpu: i.cpu, mem: i.mem, memLimited: i.memLimited, volume: i.volume,
    readyAt: i.readyAt, downUntil: i.downUntil, served: 0, usedCpu: 0, writes: 0,
  };
}

function vmFromRow(v: VmRow, instances: Instance[]): Vm {
  return {
    id: v.id, os: v.os, mode: v.mode, vcpus: v.vcpus, mem: v.mem, engine: v.engine, readyAt: v.readyAt, downUntil: v.downUntil,
    migration: v.migrationTo ? { to: v.migrationTo, doneAt: v.migrationDoneAt } : null,
    instances, cache: decodeCache(v.cache), pullFreeAt: v.pullFreeAt,
  };
}

function serverFromRow(s: ServerRow, vms: Vm[], instances: Instance[]): Server {
  return {
    id: s.id, model: s.model, boughtAt: s.boughtAt, readyAt: s.readyAt, rented: s.rented, failedUntil: s.failedUntil,
    failingAt: s.failingAt, osDownUntil: s.osDownUntil, layer: s.layer || null, layerReadyAt: s.layerReadyAt,
    licences: { essentials: s.essentials, standard: s.standard, datacenter: s.datacenter, ha: s.ha },
    vms, instances, cache: decodeCache(s.cache), pullFreeAt: s.pullFreeAt, busyCpu: s.busyCpu,
  };
}

/** A team's servers as the engine holds them, rebuilt from its datacenter's flat rows. */
export function serversFromRows(rows: DatacenterRows): Server[] {
  const onHost = new Map<string, Instance[]>();
  for (const i of rows.instances) {
    const list = onHost.get(i.host);
    if (list) list.push(instanceFromRow(i));
    else onHost.set(i.host, [instanceFromRow(i)]);
  }
  const onServer = new Map<string, Vm[]>();
  for (const v of rows.vms) {
    const vm = vmFromRow(v, onHost.get(v.id) ?? []);
    const list = onServer.get(v.server);
    if (list) list.push(vm);
    else onServer.set(v.server, [vm]);
  }
  return [...rows.servers].map((s) => serverFromRow(s, onServer.get(s.id) ?? [], onHost.get(s.id) ?? []));
}
