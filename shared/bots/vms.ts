import { APPS, GUEST_OS, HOST_LAYERS, RENT_DELIVERY_TICKS, type AppId } from "../engine/data";
import { serverFree, vmFootprint } from "../engine/capacity";
import type { Server, Vm } from "../engine/types";
import { BareBot, bareCount, placeOnBare } from "./bare";
import { acquire, installMissing, largestInstanceCpu, returnIdleRented, serversWith, vmWithApp, type VmPlan } from "./fleet";
import {
  announced, bandHigh, bandPeak, dbCpuFor, instancesFor, instancesOf, servedApps, spikeWindow, usable,
  type Bot, type BotContext,
} from "./helpers";

export interface VmOptions {
  layer: "type1" | "type2";
  /**
   * upfront: every VM for the forecast's peak at the start, on hosts it owns; ahead: a small owned
   * pool, and VMs created ahead of the band on rented hosts, deleted and given back after it.
   */
  timing: "upfront" | "ahead";
  /** Only these apps (the database included when listed); every app when absent. */
  apps?: readonly AppId[];
}

/** Instance sizes a VM planner picks: bigger VMs mean fewer guest operating systems. */
export const VM_SIZES: Record<AppId, number> = { web: 2000, grades: 4000, db: 8000, payment: 4000, enroll: 2000, train: 1000, registry: 1000 };
const HEADROOM_PCT = 115;
/** Minutes from renting a host to an app serving in a new VM on it. */
const LEAD = RENT_DELIVERY_TICKS + HOST_LAYERS.type1.setupTicks + GUEST_OS.linux.bootTicks + 2 + 8;

/**
 * Virtualization: each app instance in a VM of its own on hypervisor hosts. `vm-preprovision`
 * creates every VM for the forecast's peak at the start, on hosts it owns; `vm-consolidate` keeps
 * a small owned pool and creates VMs ahead of the band on rented type-1 hosts, deleting them
 * after; `vm-type2` does the same on hosted hypervisors. Through the forecast window they keep
 * room for their biggest VM free (N+1), live-migrate VMs off a host that warns of failing hardware
 * when the hypervisor can, and rebuild elsewhere the VMs a dead host took down.
 */
export class VmBot implements Bot {
  private readonly fallback = new BareBot("one-app-per-server", { share: false, timing: "upfront" });

  constructor(readonly name: string, private readonly opts: VmOptions) {}

  play(ctx: BotContext): void {
    const { state } = ctx;
    const layer = this.opts.layer;
    if (!state.world.unlocks.includes(layer)) return this.fallback.play(ctx);
    installMissing(ctx, layer, (s) => s.model !== "gpu");
    this.evacuate(ctx);
    const ahead = this.opts.timing === "ahead";
    const horizon = (app: AppId) => (ahead ? bandHigh(state, app, state.tick, state.tick + LEAD) : bandPeak(state, app));
    const mine = (app: AppId) => !this.opts.apps || this.opts.apps.includes(app);
    if (state.world.apps.includes("db") && mine("db") && vmsOf(ctx, "db").length === 0) {
      this.addVm(ctx, "db", dbCpuFor(state, (a) => bandPeak(state, a), HEADROOM_PCT), false);
    }
    for (const app of servedApps(state).filter(mine)) {
      if (APPS[app].gpu > 0) {
        // No GPU passthrough to VMs in this game: training runs on its GPU node's own OS.
        for (let n = instancesOf(ctx.team, app).length; n < bareCount(app, bandPeak(state, app)); n++) {
          if (!placeOnBare(ctx, app, APPS[app].cpu, false)) break;
        }
        continue;
      }
      const want = Math.max(1, instancesFor(app, horizon(app), VM_SIZES[app], HEADROOM_PCT));
      const have = vmsOf(ctx, app);
      // VMs made once the day has started come up fast (full virtualization: no image to prepare).
      for (let n = have.length; n < want; n++) if (!this.addVm(ctx, app, VM_SIZES[app], state.tick > 0)) break;
      if (ahead) for (const vm of newestFirst(have).slice(0, Math.max(0, have.length - want - 1))) ctx.act({ type: "deleteVm", vm: vm.id });
    }
    if (inWindow(ctx) && announced(state, "hardware")) this.keepSpare(ctx);
    if (ahead) returnIdleRented(ctx, inWindow(ctx) ? 1 : 0);
  }

  private hosts(ctx: BotContext): Server[] {
    return serversWith(ctx, this.opts.layer);
  }

  private addVm(ctx: BotContext, app: AppId, want: number, fast: boolean): boolean {
    const plan: VmPlan = { layer: this.opts.layer, mode: fast ? "full" : "para" };
    const cpu = Math.min(want, largestInstanceCpu(app, plan));
    if (vmWithApp(ctx, this.hosts(ctx), app, cpu, plan)) return true;
    const host = this.newHost(ctx);
    return host !== null && vmWithApp(ctx, [host], app, cpu, plan) !== null;
  }

  /** The first hosts are owned; once the day has started, rented where there is a cloud and the plan allows. */
  private newHost(ctx: BotContext): Server | null {
    const rent = ctx.state.world.rent && this.opts.timing === "ahead" && ctx.state.tick > 0;
    return acquire(ctx, "large", this.opts.layer, rent);
  }

  /** Room on some host for the biggest VM, so a failing host can be emptied (type-1) or rebuilt (type-2). */
  private keepSpare(ctx: BotContext): void {
    let biggest: { cpu: number; mem: number } | null = null;
    for (const s of this.hosts(ctx)) for (const vm of s.vms) {
      const f = vmFootprint(vm, s);
      if (!biggest || f.cpu > biggest.cpu) biggest = f;
    }
    if (!biggest) return;
    const need = biggest;
    const room = (s: Server) => { const f = serverFree(ctx.team, s); return f.cpu >= need.cpu && f.mem >= need.mem; };
    const hosts = this.hosts(ctx);
    // Room must be on a host other than the biggest VM's: any two hosts with room, or one without that VM.
    if (hosts.filter(room).length >= 2 || hosts.some((s) => room(s) && s.vms.every((vm) => vmFootprint(vm, s).cpu < need.cpu))) return;
    this.newHost(ctx);
  }

  /**
   * Moves VMs off a host that warns (type-1 only), minute after minute until the host dies, onto
   * hosts already up: a new one cannot be (delivery and the hypervisor's install outlast the
   * warning), which is why the spare room is kept; deletes the VMs a dead host took down.
   */
  private evacuate(ctx: BotContext): void {
    const t = ctx.state.tick;
    if (this.opts.layer === "type1") {
      const ready = (s: Server) => s.readyAt <= t && s.layerReadyAt <= t;
      for (const failing of ctx.team.servers.filter((s) => s.layer === "type1" && s.failingAt > t)) {
        for (const vm of [...failing.vms]) {
          if (vm.migration) continue;
          const target = this.hosts(ctx).find((s) => s !== failing && ready(s) && fits(ctx, s, vm));
          if (target) ctx.act({ type: "migrateVm", vm: vm.id, to: target.id });
        }
      }
    }
    for (const s of ctx.team.servers) {
      if (s.failedUntil > t) for (const vm of [...s.vms]) ctx.act({ type: "deleteVm", vm: vm.id });
    }
  }
}

function inWindow(ctx: BotContext): boolean {
  const w = spikeWindow(ctx.state);
  return w !== null && ctx.state.tick >= w.from - LEAD && ctx.state.tick < w.to;
}

function fits(ctx: BotContext, target: Server, vm: Vm): boolean {
  const free = serverFree(ctx.team, target);
  const need = vmFootprint(vm, target);
  return usable(target, ctx.state.tick) && free.cpu >= need.cpu && free.mem >= need.mem;
}

/** VMs that run `app`, wherever they are. */
function vmsOf(ctx: BotContext, app: AppId): Vm[] {
  const out: Vm[] = [];
  for (const s of ctx.team.servers) for (const vm of s.vms) if (vm.instances.some((i) => i.app === app)) out.push(vm);
  return out;
}

function newestFirst(list: Vm[]): Vm[] {
  return [...list].sort((a, b) => b.readyAt - a.readyAt);
}
