import { APPS, HYPERVISOR_COST, LICENCES, SERVER_MODELS, type AppId, type LayerKind, type ModelId } from "../engine/data";
import { serverFree } from "../engine/capacity";
import { unlicensedWindows } from "../engine/incidents";
import type { Server, Vm } from "../engine/types";
import { deployFirstFit, usable, vcpusFor, type BotContext } from "./helpers";

/** Buys a server and installs a layer on it in the same tick (the install waits for delivery). */
export function buyAndInstall(ctx: BotContext, model: ModelId, layer: LayerKind): Server | null {
  if (!ctx.act({ type: "buyServer", model }).ok) return null;
  const server = ctx.team.servers[ctx.team.servers.length - 1];
  if (!ctx.act({ type: "installLayer", server: server.id, layer }).ok) return null;
  return server;
}

export function serversWith(ctx: BotContext, layer: LayerKind): Server[] {
  return ctx.team.servers.filter((s) => s.layer === layer && usable(s, ctx.state.tick));
}

/** Deploys on any server of the layer that fits, buying one more when none does. */
export function deployOrBuy(
  ctx: BotContext, layer: LayerKind, model: ModelId, app: AppId, cpu: number, memLimit?: number,
): boolean {
  const hosts = serversWith(ctx, layer).map((s) => s.id);
  if (deployFirstFit(ctx, hosts, app, cpu, memLimit)) return true;
  const fresh = buyAndInstall(ctx, model, layer);
  return fresh !== null && deployFirstFit(ctx, [fresh.id], app, cpu, memLimit);
}

/** Room left for new VMs over all type-1 servers. */
export function vmHosts(ctx: BotContext, layer: "type1" | "type2" = "type1"): Server[] {
  return serversWith(ctx, layer);
}

/**
 * One app instance in its own VM (the classic virtualized layout): creates the VM on the first
 * hypervisor with room, buying a server if none has, then deploys the app into it.
 */
export function vmWithApp(ctx: BotContext, app: AppId, cpu: number, model: ModelId = "large"): boolean {
  const os = APPS[app].os.includes("linux") ? "linux" : "windows";
  const mode = os === "linux" ? "para" : "full";
  const vcpus = vcpusFor(cpu, os, mode, "type1");
  const mem = APPS[app].mem + (os === "linux" ? 512 : 2048) + 512;
  const tryOn = (server: Server): boolean => {
    const free = serverFree(ctx.team, server);
    if (free.cpu < vcpus * 1000 || free.mem < mem + HYPERVISOR_COST.type1.memPerVm) return false;
    if (!ctx.act({ type: "createVm", server: server.id, os, mode, vcpus, mem }).ok) return false;
    const vm = server.vms[server.vms.length - 1];
    if (os === "windows") licenceWindows(ctx, server);
    return ctx.act({ type: "deploy", target: vm.id, app, cpu }).ok;
  };
  for (const s of vmHosts(ctx)) if (tryOn(s)) return true;
  const fresh = buyAndInstall(ctx, model, "type1");
  return fresh !== null && tryOn(fresh);
}

/** Buys Standard licences (or Datacenter when cheaper) so every Windows instance is covered. */
export function licenceWindows(ctx: BotContext, server: Server): void {
  let missing = unlicensedWindows(server);
  const perStandard = LICENCES.standard.covers ?? 1;
  if (missing > 0 && Math.ceil(missing / perStandard) * LICENCES.standard.price > LICENCES.datacenter.price) {
    ctx.act({ type: "buyLicence", server: server.id, edition: "datacenter" });
    return;
  }
  while (missing > 0) {
    if (!ctx.act({ type: "buyLicence", server: server.id, edition: "standard" }).ok) return;
    missing = unlicensedWindows(server);
  }
}

/** Windows-only apps where containers cannot go: bare Windows servers, licensed. */
export function windowsOnBare(ctx: BotContext, app: AppId, cpu: number): boolean {
  const hosts = serversWith(ctx, "bare-windows").filter((s) => !s.instances.some((i) => APPS[i.app].port === APPS[app].port));
  if (deployFirstFit(ctx, hosts.map((s) => s.id), app, cpu)) return true;
  const fresh = buyAndInstall(ctx, "small", "bare-windows");
  if (!fresh) return false;
  licenceWindows(ctx, fresh);
  return deployFirstFit(ctx, [fresh.id], app, cpu);
}

/** The smallest model whose room after `layer` holds `cpu`. */
export function modelFor(cpu: number, layerCpu: number): ModelId {
  return SERVER_MODELS.small.cpu - layerCpu >= cpu ? "small" : "large";
}

export function vmsOf(server: Server): Vm[] {
  return server.vms;
}
