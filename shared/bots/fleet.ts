import { APPS, GUEST_OS, HOST_LAYERS, HYPERVISOR_COST, LICENCES, SERVER_MODELS, VM_LIMITS, type AppId, type LayerKind, type ModelId, type OsKind, type VirtMode } from "../engine/data";
import { serverFree, vmOverheadCpuUnder } from "../engine/capacity";
import { unlicensedWindows } from "../engine/incidents";
import type { Command } from "../engine/commands";
import type { Server, Vm } from "../engine/types";
import { usable, type BotContext } from "./helpers";

/** Cash a careful operator keeps for the unexpected before spending on hardware. */
const RESERVE = 300_000;

/**
 * Whether spending `cost` leaves the power of every owned server (and of one more, `perTick`) paid
 * to the end of the round, and a reserve, above the floor: below it running costs pile up as debt.
 */
export function canAfford(ctx: BotContext, cost: number, perTick = 0): boolean {
  const left = ctx.state.world.ticks - ctx.state.tick;
  let power = perTick;
  for (const s of ctx.team.servers) if (!s.rented) power += SERVER_MODELS[s.model].powerIdle;
  return ctx.team.cash - cost - power * left >= ctx.state.world.cashFloor + RESERVE;
}

/**
 * A machine with `layer` installed (the install waits for delivery): bought, or rented when
 * `rent` is set. Null when it cannot be afforded or is not allowed.
 */
export function acquire(ctx: BotContext, model: ModelId, layer: LayerKind, rent = false): Server | null {
  if (!ctx.state.world.unlocks.includes(layer)) return null;
  const m = SERVER_MODELS[model];
  // Renting needs enough cash to keep paying for an hour, buying its price.
  if (!canAfford(ctx, rent ? m.rent * 60 : m.price, rent ? 0 : m.powerIdle)) return null;
  if (!ctx.act({ type: rent ? "rentServer" : "buyServer", model }).ok) return null;
  const server = ctx.team.servers[ctx.team.servers.length - 1];
  if (!ctx.act({ type: "installLayer", server: server.id, layer }).ok) return null;
  return server;
}

export function serversWith(ctx: BotContext, layer: LayerKind): Server[] {
  return ctx.team.servers.filter((s) => s.layer === layer && usable(s, ctx.state.tick));
}

/** Installs `layer` on every usable server that has none yet (the starting machines). */
export function installMissing(ctx: BotContext, layer: LayerKind, only?: (s: Server) => boolean): void {
  if (!ctx.state.world.unlocks.includes(layer)) return;
  for (const s of ctx.team.servers) {
    if (s.layer === null && usable(s, ctx.state.tick) && (!only || only(s))) {
      ctx.act({ type: "installLayer", server: s.id, layer });
    }
  }
}

/** Tries each host in turn; the engine's own check decides what fits. */
export function deployFirstFit(ctx: BotContext, hosts: readonly string[], app: AppId, cpu: number, memLimit?: number, volume = false): string | null {
  for (const target of hosts) {
    const cmd: Command = memLimit === undefined ? { type: "deploy", target, app, cpu } : { type: "deploy", target, app, cpu, memLimit };
    if (volume) cmd.volume = true;
    if (ctx.act(cmd).ok) return target;
  }
  return null;
}

/** Buys Standard licences (or Datacenter when cheaper) so every Windows OS on the server is covered. */
export function licenceWindows(ctx: BotContext, server: Server): void {
  let missing = unlicensedWindows(server);
  if (missing === 0) return;
  if (server.model === "small" && missing === 1 && !server.vms.length) {
    if (ctx.act({ type: "buyLicence", server: server.id, edition: "essentials" }).ok) return;
  }
  const perStandard = LICENCES.standard.covers ?? 1;
  if (Math.ceil(missing / perStandard) * LICENCES.standard.price > LICENCES.datacenter.price) {
    ctx.act({ type: "buyLicence", server: server.id, edition: "datacenter" });
    return;
  }
  while (missing > 0) {
    if (!ctx.act({ type: "buyLicence", server: server.id, edition: "standard" }).ok) return;
    missing = unlicensedWindows(server);
  }
}

export function osFor(app: AppId): OsKind {
  return APPS[app].os.includes("linux") ? "linux" : "windows";
}

/** vCPUs for a VM that must leave `cpu` millicores to apps after its guest OS and the hypervisor's tax. */
export function vcpusFor(cpu: number, os: OsKind, mode: VirtMode, layer: "type1" | "type2", engine = false): number {
  const hv = HYPERVISOR_COST[layer];
  for (let v = 1; v <= VM_LIMITS.maxVcpus; v++) if (v * 1000 - vmOverheadCpuUnder({ os, mode, vcpus: v, engine }, hv) >= cpu) return v;
  return VM_LIMITS.maxVcpus;
}

export interface VmPlan {
  layer: "type1" | "type2";
  /** Para needs a prepared Linux image (slower to come up, cheaper to run). */
  mode: VirtMode;
}

/** The VM one app instance of `cpu` millicores gets: its vCPUs and memory. */
export function vmShape(app: AppId, cpu: number, plan: VmPlan): { os: OsKind; mode: VirtMode; vcpus: number; mem: number } {
  const os = osFor(app);
  const mode = os === "linux" ? plan.mode : "full";
  const mem = Math.max(VM_LIMITS.minMem, APPS[app].mem + GUEST_OS[os].mem + VM_LIMITS.minFreeMem);
  return { os, mode, vcpus: vcpusFor(cpu, os, mode, plan.layer), mem };
}

/** Whether a VM of this shape fits on an empty large host with the plan's hypervisor. */
export function vmFitsLarge(shape: { vcpus: number; mem: number }, plan: VmPlan): boolean {
  const room = modelRoom("large", plan.layer);
  return shape.vcpus * 1000 <= room && shape.mem + HYPERVISOR_COST[plan.layer].memPerVm <= SERVER_MODELS.large.mem - HOST_LAYERS[plan.layer].mem;
}

/** The most CPU one instance can get on a large host: in a container, or in a VM of its own. */
export function largestInstanceCpu(app: AppId, plan: VmPlan | null): number {
  const step = 250;
  let cpu = Math.min(APPS[app].maxCpu, modelRoom("large", plan ? plan.layer : "container-host"));
  cpu -= cpu % step;
  while (plan && cpu > APPS[app].minCpu && !vmFitsLarge(vmShape(app, cpu, plan), plan)) cpu -= step;
  return cpu;
}

/** One app instance in a VM of its own on the first host with room; returns the VM or null. */
export function vmWithApp(ctx: BotContext, hosts: readonly Server[], app: AppId, cpu: number, plan: VmPlan): Vm | null {
  const shape = vmShape(app, cpu, plan);
  for (const server of hosts) {
    const free = serverFree(ctx.team, server);
    if (free.cpu < shape.vcpus * 1000 || free.mem < shape.mem + HYPERVISOR_COST[plan.layer].memPerVm) continue;
    if (!ctx.act({ type: "createVm", server: server.id, ...shape }).ok) continue;
    const vm = server.vms[server.vms.length - 1];
    if (shape.os === "windows") licenceWindows(ctx, server);
    if (ctx.act({ type: "deploy", target: vm.id, app, cpu }).ok) return vm;
    ctx.act({ type: "deleteVm", vm: vm.id });
  }
  return null;
}

/** CPU a fresh server of `model` offers once `layer` is installed. */
export function modelRoom(model: ModelId, layer: LayerKind): number {
  return SERVER_MODELS[model].cpu - HOST_LAYERS[layer].cpu;
}

/** Returns rented machines with nothing on them (the bill stops). */
export function returnIdleRented(ctx: BotContext, keep = 0): void {
  let kept = 0;
  for (const s of [...ctx.team.servers]) {
    if (!s.rented || s.instances.length > 0 || s.vms.length > 0) continue;
    if (kept < keep) { kept++; continue; }
    ctx.act({ type: "sellServer", server: s.id });
  }
}
