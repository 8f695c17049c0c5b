import {
  APPS, GUEST_OS, HOST_LAYERS, HYPERVISOR_COST, SERVER_MODELS, VM_ENGINE, type AppSpec, type HypervisorCost,
} from "./data";
import type { Instance, Server, Team, Vm } from "./types";

export interface Resources {
  cpu: number;
  mem: number;
  gpu: number;
}

/** Each hypervisor's costs on a CPU without hardware assistance: full virtualization is translated. */
const TRANSLATED: Record<"type1" | "type2", HypervisorCost> = {
  type1: { ...HYPERVISOR_COST.type1, taxPct: { ...HYPERVISOR_COST.type1.taxPct, full: HYPERVISOR_COST.type1.translatedPct } },
  type2: { ...HYPERVISOR_COST.type2, taxPct: { ...HYPERVISOR_COST.type2.taxPct, full: HYPERVISOR_COST.type2.translatedPct } },
};

/**
 * The hypervisor's costs on a server (null when its layer is not a hypervisor): on hardware
 * without VT-x/EPT, full virtualization pays the translation tax (para-virtualization does not).
 */
export function hypervisorOf(server: Pick<Server, "layer" | "model">): HypervisorCost | null {
  if (server.layer !== "type1" && server.layer !== "type2") return null;
  return SERVER_MODELS[server.model].hwVirt ? HYPERVISOR_COST[server.layer] : TRANSLATED[server.layer];
}

/** What a VM's overhead depends on (a VM being planned has no id or instances yet). */
export type VmShape = Pick<Vm, "os" | "mode" | "vcpus" | "engine">;

/**
 * CPU a VM keeps for itself before any app runs: its guest OS, the virtualization tax (a share of
 * its vCPUs, exact in integers) and its container engine. The one formula: the tick, placement,
 * the debrief and the racks on screen all use it.
 */
export function vmOverheadCpu(vm: VmShape, server: Pick<Server, "layer" | "model">): number {
  return vmOverheadCpuUnder(vm, hypervisorOf(server));
}

/** vmOverheadCpu with the server's hypervisor already looked up (the tick's hot loop). */
export function vmOverheadCpuUnder(vm: VmShape, hv: HypervisorCost | null): number {
  return GUEST_OS[vm.os].cpu + (hv ? vm.vcpus * 10 * hv.taxPct[vm.mode] : 0) + (vm.engine ? VM_ENGINE.cpu : 0);
}

/** Memory a VM keeps for itself: its guest OS and its container engine. */
export function vmOverheadMem(vm: Pick<VmShape, "os" | "engine">): number {
  return GUEST_OS[vm.os].mem + (vm.engine ? VM_ENGINE.mem : 0);
}

/** Memory a VM costs in operating systems and hypervisor: its own overhead plus what the hypervisor keeps for it. */
export function vmOsTaxMem(vm: Pick<VmShape, "os" | "engine">, hv: HypervisorCost | null): number {
  return vmOverheadMem(vm) + (hv ? hv.memPerVm : 0);
}

/** What a VM keeps for itself before any app runs (see vmOverheadCpu). */
export function vmOverhead(vm: VmShape, server: Pick<Server, "layer" | "model">): Resources {
  return { cpu: vmOverheadCpu(vm, server), mem: vmOverheadMem(vm), gpu: 0 };
}

/** What a VM takes from its host server. */
export function vmFootprint(vm: Pick<Vm, "vcpus" | "mem">, server: Pick<Server, "layer" | "model">): Resources {
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

export function serverCapacity(server: Pick<Server, "model">): Resources {
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

/** An instance's capacity in requests (or work units) per tick, from its app and the CPU it holds. */
export function appCapacity(app: AppSpec, cpu: number): number {
  // The registry mirror serves the datacenter, not users: no requests of its own.
  if (app.cpuPerReq === 0 && app.gpu === 0) return 0;
  return app.gpu > 0 ? app.gpu * app.unitsPerGpu : Math.trunc(cpu / app.cpuPerReq);
}
