import {
  APPS, GUEST_OS, HOST_LAYERS, HYPERVISOR_COST, SERVER_MODELS, VM_ENGINE, type HypervisorCost,
} from "./data";
import type { Instance, Server, Team, Vm } from "./types";

export interface Resources {
  cpu: number;
  mem: number;
  gpu: number;
}

export function hypervisorOf(server: Server): HypervisorCost | null {
  return server.layer === "type1" || server.layer === "type2" ? HYPERVISOR_COST[server.layer] : null;
}

/** CPU a VM loses to virtualization: a percentage of its vCPUs (exact in integers). */
export function vmTaxCpu(vm: Vm, server: Server): number {
  const hv = hypervisorOf(server);
  return hv ? vm.vcpus * 10 * hv.taxPct[vm.mode] : 0;
}

/** What a VM keeps for itself before any app runs: guest OS, virtualization tax, container engine. */
export function vmOverhead(vm: Vm, server: Server): Resources {
  const os = GUEST_OS[vm.os];
  return {
    cpu: os.cpu + vmTaxCpu(vm, server) + (vm.engine ? VM_ENGINE.cpu : 0),
    mem: os.mem + (vm.engine ? VM_ENGINE.mem : 0),
    gpu: 0,
  };
}

/** What a VM takes from its host server. */
export function vmFootprint(vm: Vm, server: Server): Resources {
  const hv = hypervisorOf(server);
  return { cpu: vm.vcpus * 1000, mem: vm.mem + (hv ? hv.memPerVm : 0), gpu: 0 };
}

export function vmCapacity(vm: Vm, server: Server): Resources {
  const o = vmOverhead(vm, server);
  return { cpu: vm.vcpus * 1000 - o.cpu, mem: vm.mem - o.mem, gpu: 0 };
}

export function instancesReserved(instances: readonly Instance[]): Resources {
  let cpu = 0;
  let mem = 0;
  let gpu = 0;
  for (const i of instances) {
    cpu += i.cpu;
    mem += i.mem;
    gpu += APPS[i.app].gpu;
  }
  return { cpu, mem, gpu };
}

export function vmFree(vm: Vm, server: Server): Resources {
  const cap = vmCapacity(vm, server);
  const used = instancesReserved(vm.instances);
  return { cpu: cap.cpu - used.cpu, mem: cap.mem - used.mem, gpu: 0 };
}

export function serverCapacity(server: Server): Resources {
  const m = SERVER_MODELS[server.model];
  return { cpu: m.cpu, mem: m.mem, gpu: m.gpu };
}

/** VMs live-migrating onto this server: their footprint is held on both ends until they arrive. */
export function incomingVms(team: Team, server: Server): { vm: Vm; from: Server }[] {
  const out: { vm: Vm; from: Server }[] = [];
  for (const s of team.servers) {
    if (s === server) continue;
    for (const vm of s.vms) if (vm.migration && vm.migration.to === server.id) out.push({ vm, from: s });
  }
  return out;
}

/** Everything reserved on a server: its layer, its VMs, VMs arriving, and instances on it directly. */
export function serverReserved(team: Team, server: Server): Resources {
  const r = instancesReserved(server.instances);
  if (server.layer) {
    const layer = HOST_LAYERS[server.layer];
    r.cpu += layer.cpu;
    r.mem += layer.mem;
  }
  for (const vm of server.vms) {
    const f = vmFootprint(vm, server);
    r.cpu += f.cpu;
    r.mem += f.mem;
  }
  for (const { vm } of incomingVms(team, server)) {
    const f = vmFootprint(vm, server);
    r.cpu += f.cpu;
    r.mem += f.mem;
  }
  return r;
}

export function serverFree(team: Team, server: Server): Resources {
  const cap = serverCapacity(server);
  const used = serverReserved(team, server);
  return { cpu: cap.cpu - used.cpu, mem: cap.mem - used.mem, gpu: cap.gpu - used.gpu };
}

/** CPU and memory spent on operating systems, hypervisors and engines rather than apps ("OS tax"). */
export function serverOsTax(server: Server): { cpu: number; mem: number } {
  if (!server.layer) return { cpu: 0, mem: 0 };
  const layer = HOST_LAYERS[server.layer];
  let cpu = layer.cpu;
  let mem = layer.mem;
  const hv = hypervisorOf(server);
  for (const vm of server.vms) {
    const o = vmOverhead(vm, server);
    cpu += o.cpu;
    mem += o.mem + (hv ? hv.memPerVm : 0);
  }
  return { cpu, mem };
}

/** Instance capacity in requests (or work units) per tick. */
export function instanceCapacity(instance: Instance): number {
  const app = APPS[instance.app];
  if (app.gpu > 0) return app.gpu * app.unitsPerGpu;
  return Math.trunc(instance.cpu / app.cpuPerReq);
}
