import { APPS, DELIVERY_TICKS, HOST_LAYERS, INCIDENTS, RENT_DELIVERY_TICKS, SERVER_MODELS, type AppId } from "../engine/data";
import { serverFree } from "../engine/capacity";
import type { Instance, Server } from "../engine/types";
import { bareCount, placeOnBare } from "./bare";
import { VM_SIZES, VmBot } from "./vms";
import { acquire, deployFirstFit, installMissing, largestInstanceCpu, modelRoom, serversWith, vmShape } from "./fleet";
import {
  announcedAt, bandHigh, bandLow, bandPeak, dbCpuFor, instancesFor, instancesOf, liveSoon, seen, servedApps, spikeWindow,
  type Bot, type BotContext,
} from "./helpers";

export interface ContainerOptions {
  /**
   * reactive: scales on the demand it sees (with its trend) and rents hosts the moment it runs out
   * of room; forecast: owns hosts for the forecast band's peak, bought to arrive before it.
   */
  mode: "reactive" | "forecast";
  /** Apps kept off the shared kernels, each instance in a type-1 VM of its own (payment isolation). */
  vmApps: readonly AppId[];
}

/** Container sizes: small, so they pack tightly and scale in fine steps. */
const SIZES: Record<AppId, number> = { web: 2000, grades: 2000, db: 8000, payment: 2000, enroll: 2000, train: 1000, registry: 1000 };
const HEADROOM_PCT = 130;
/** Minutes from renting a host to containers serving on it (an uncached image pulls in a minute). */
const RENT_LEAD = RENT_DELIVERY_TICKS + HOST_LAYERS["container-host"].setupTicks + 1;
const OWN_LEAD = DELIVERY_TICKS + HOST_LAYERS["container-host"].setupTicks + 5;
/** Minutes of demand history the reactive bot extrapolates from. */
const TREND = 3;

/**
 * Containers on shared container hosts. `containers-reactive` keeps a small owned pool, watches the
 * demand and its trend, adds containers within the minute and rents hosts the moment it runs out
 * of room, then gives them back; `containers-autoscale` buys hosts for the forecast's peak to
 * arrive before it and scales containers on the forecast; `hybrid-isolate-payment` is reactive for
 * the shop front but keeps payment and the database in VMs of their own.
 */
export class ContainersBot implements Bot {
  private readonly fallback = new VmBot("vm-consolidate", { layer: "type1", timing: "ahead" });
  private readonly history: number[][] = [];
  /** Apps kept off the shared kernels: pre-provisioned type-1 VMs, with their failover. */
  private readonly isolated: VmBot | null;

  constructor(readonly name: string, private readonly opts: ContainerOptions) {
    this.isolated = opts.vmApps.length > 0 ? new VmBot(name, { layer: "type1", timing: "upfront", apps: opts.vmApps }) : null;
  }

  play(ctx: BotContext): void {
    const { state } = ctx;
    if (!state.world.unlocks.includes("container-host")) return this.fallback.play(ctx);
    this.remember(ctx);
    // When the isolated VMs will not fit one large host, the first starting machine becomes a
    // type-1 host too (the database's VM fits on it); otherwise every starting machine runs containers.
    if (this.isolated && state.tick === 0 && state.world.unlocks.includes("type1") && this.isolatedCpu(ctx) > modelRoom("large", "type1")) {
      const first = ctx.team.servers.find((s) => s.layer === null && s.model !== "gpu");
      if (first) ctx.act({ type: "installLayer", server: first.id, layer: "type1" });
    }
    installMissing(ctx, "container-host");
    this.mirror(ctx);
    this.evacuate(ctx);
    const apps = servedApps(state).filter((a) => !this.opts.vmApps.includes(a));
    if (this.isolated) this.isolated.play(ctx);
    const want = new Map<AppId, number>();
    for (const app of apps) want.set(app, this.want(ctx, app));
    if (this.opts.mode === "forecast") this.buyAhead(ctx, apps);
    else this.rentForRoom(ctx, want);
    if (state.world.apps.includes("db") && !this.opts.vmApps.includes("db")) this.database(ctx);
    for (const [app, n] of want) this.scale(ctx, app, n);
    if (this.opts.mode === "reactive" && state.world.rent) {
      this.consolidate(ctx);
      this.releaseIdle(ctx, want);
    }
  }

  /**
   * Moves the containers of one rented host onto room elsewhere (owned hosts first) when they all
   * fit there, so the host empties and goes back: cached images start at once, so this costs nothing.
   */
  private consolidate(ctx: BotContext): void {
    const t = ctx.state.tick;
    if (this.braceFor(ctx) || ctx.team.servers.some((s) => s.failingAt > 0)) return;
    const up = this.roomHosts(ctx).filter((s) => s.layerReadyAt <= t);
    const rented = up.filter((s) => s.rented && s.instances.length > 0 && s.instances.every((i) => !APPS[i.app].single))
      .sort((a, b) => a.instances.length - b.instances.length);
    for (const host of rented) {
      const others = [...up.filter((s) => !s.rented), ...up.filter((s) => s.rented && s !== host)];
      const room = others.reduce((sum, s) => sum + Math.max(0, serverFree(ctx.team, s).cpu), 0);
      const load = host.instances.reduce((sum, i) => sum + i.cpu, 0);
      // Keep a container's worth of headroom: do not pack so tight that the next rise needs a rent again.
      if (room - load < SIZES.web) continue;
      for (const i of [...host.instances]) {
        const { app, cpu, mem } = i;
        if (deployFirstFit(ctx, others.map((s) => s.id), app, cpu, Math.max(APPS[app].mem, mem))) ctx.act({ type: "remove", instance: i.id });
      }
      return;
    }
  }

  /**
   * A registry mirror on an owned host, its cache on a volume, before hosts are rented for the
   * rush: fresh hosts then pull at the datacenter's speed instead of queueing at the public limit.
   */
  private mirror(ctx: BotContext): void {
    if (!ctx.state.world.apps.includes("registry") || instancesOf(ctx.team, "registry").length > 0) return;
    const hosts = serversWith(ctx, "container-host").filter((s) => !s.rented && s.model !== "gpu").map((s) => s.id);
    deployFirstFit(ctx, hosts, "registry", APPS.registry.cpu, undefined, true);
  }

  /** vCPUs the isolated apps' VMs will take at the band's peak (one VM per instance, and the database's). */
  private isolatedCpu(ctx: BotContext): number {
    const { state } = ctx;
    const plan = { layer: "type1" as const, mode: "para" as const };
    let cpu = 0;
    for (const app of this.opts.vmApps) {
      if (!state.world.apps.includes(app)) continue;
      if (app === "db") cpu += vmShape("db", dbCpuFor(state, (a) => bandPeak(state, a), 115), plan).vcpus * 1000;
      else cpu += instancesFor(app, bandPeak(state, app), VM_SIZES[app], 115) * vmShape(app, VM_SIZES[app], plan).vcpus * 1000;
    }
    return cpu;
  }

  private remember(ctx: BotContext): void {
    const row = ctx.state.world.apps.map((a) => seen(ctx.state, a));
    this.history.push(row);
    if (this.history.length > TREND + 1) this.history.shift();
  }

  /** Demand a few minutes ahead: what is seen now plus its trend (reactive), or the band (forecast). */
  private expected(ctx: BotContext, app: AppId, ahead: number): number {
    const { state } = ctx;
    if (this.opts.mode === "forecast") return Math.max(seen(state, app), bandHigh(state, app, state.tick, state.tick + ahead));
    const k = state.world.apps.indexOf(app);
    const now = this.history[this.history.length - 1]?.[k] ?? 0;
    const then = this.history[0]?.[k] ?? now;
    const slope = Math.max(0, now - then) / Math.max(1, this.history.length - 1);
    return now + Math.trunc(slope * ahead);
  }

  private want(ctx: BotContext, app: AppId): number {
    const spec = APPS[app];
    if (spec.gpu > 0) return bareCount(app, bandPeak(ctx.state, app));
    return Math.max(1, instancesFor(app, this.expected(ctx, app, 2), SIZES[app], HEADROOM_PCT));
  }

  private scale(ctx: BotContext, app: AppId, want: number): void {
    const spec = APPS[app];
    const have = instancesOf(ctx.team, app);
    if (spec.image === null) {
      for (let n = have.length; n < want; n++) if (!placeOnBare(ctx, app, spec.cpu, false)) break;
      return;
    }
    const hosts = this.hosts(ctx, spec.gpu > 0);
    const live = this.opts.mode === "reactive" ? liveSoon(ctx.team, app, ctx.state.tick).length : have.length;
    for (let n = live; n < want; n++) if (!deployFirstFit(ctx, hosts, app, SIZES[app], spec.mem)) break;
    // Scale in slowly, rented machines first, so noise does not make it flap and rent stops soonest.
    if (this.opts.mode === "reactive" && have.length > want + 1 && live >= want) {
      const down = have.find((i) => i.downUntil > ctx.state.tick + 2);
      const victim = down ?? this.onRented(ctx, have) ?? have[have.length - 1];
      ctx.act({ type: "remove", instance: victim.id });
    } else if (have.length > want + 2) ctx.act({ type: "remove", instance: have[have.length - 1].id });
  }

  private onRented(ctx: BotContext, list: Instance[]): Instance | undefined {
    const rented = new Set(ctx.team.servers.filter((s) => s.rented).flatMap((s) => s.instances.map((i) => i.id)));
    return [...list].reverse().find((i) => rented.has(i.id));
  }

  /** Owned hosts first, then rented; GPU nodes only for GPU jobs; none whose kernel is down. */
  private hosts(ctx: BotContext, gpu: boolean): string[] {
    const all = serversWith(ctx, "container-host").filter((s) => (s.model === "gpu") === gpu && s.osDownUntil <= ctx.state.tick);
    return [...all.filter((s) => !s.rented), ...all.filter((s) => s.rented)].map((s) => s.id);
  }

  /** The database in a container on the owned host with the most room, resized live as demand moves. */
  private database(ctx: BotContext): void {
    const { state } = ctx;
    const need = Math.min(largestInstanceCpu("db", null), dbCpuFor(state, (a) => this.expected(ctx, a, RENT_LEAD), HEADROOM_PCT));
    const db = instancesOf(ctx.team, "db")[0];
    if (!db) {
      const first = this.opts.mode === "forecast" ? Math.min(largestInstanceCpu("db", null), dbCpuFor(state, (a) => bandPeak(state, a), 115)) : need;
      const hosts = [...serversWith(ctx, "container-host")].filter((s) => s.model !== "gpu")
        .sort((a, b) => serverFree(ctx.team, b).cpu - serverFree(ctx.team, a).cpu).map((s) => s.id);
      // Its rows on a volume: moved, replaced or restarted, the database keeps them.
      if (!deployFirstFit(ctx, hosts, "db", first, APPS.db.mem * 2, true)) {
        const host = acquire(ctx, "large", "container-host");
        if (host) deployFirstFit(ctx, [host.id], "db", first, APPS.db.mem * 2, true);
      }
      return;
    }
    if (this.opts.mode !== "reactive" || need <= db.cpu) return;
    const where = ctx.team.servers.find((s) => s.instances.includes(db));
    if (!where) return;
    const room = serverFree(ctx.team, where).cpu + db.cpu;
    const cpu = Math.min(APPS.db.maxCpu, need, Math.floor(room / 250) * 250);
    if (cpu > db.cpu) ctx.act({ type: "resize", instance: db.id, cpu });
  }

  /**
   * Reactive: rent a host as soon as the containers wanted soon would not fit, and give back idle
   * rented hosts whose room is no longer needed (the biggest first: the bill stops soonest).
   */
  private rentForRoom(ctx: BotContext, want: Map<AppId, number>): void {
    if (!ctx.state.world.rent) return this.buyAhead(ctx, [...want.keys()]);
    const need = this.roomNeeded(ctx, want);
    // Room on hosts that are up now or on their way (a host whose kernel is down does not count).
    let free = 0;
    for (const s of this.roomHosts(ctx)) free += Math.max(0, serverFree(ctx.team, s).cpu);
    // Rent in the smallest step that covers the gap: a large only when a small would not do.
    while (free < need) {
      const model = need - free <= modelRoom("small", "container-host") ? "small" : "large";
      if (!acquire(ctx, model, "container-host", true)) return;
      free += modelRoom(model, "container-host");
    }
  }

  /** CPU the containers wanted soon need beyond those running, plus a spare host's room through the window. */
  private roomNeeded(ctx: BotContext, want: Map<AppId, number>): number {
    let need = 0;
    for (const [app, n] of want) {
      if (APPS[app].image === null || APPS[app].gpu > 0) continue;
      const soon = Math.max(n, instancesFor(app, this.expected(ctx, app, RENT_LEAD), SIZES[app], HEADROOM_PCT));
      // Before the window opens, the least the band promises is prepared for: that much is sure to come.
      const sure = this.opensSoon(ctx) ? instancesFor(app, bandLow(ctx.state, app, spikeWindow(ctx.state)!.from + RENT_LEAD), SIZES[app], 100) : 0;
      need += Math.max(0, Math.max(soon, sure) - liveSoon(ctx.team, app, ctx.state.tick).length) * SIZES[app];
    }
    // Around an announced kernel exploit or hardware failure, a small host's worth of room stays
    // free: where containers go when a host (or every kernel the exploit reached) goes down.
    if (this.braceFor(ctx)) need += modelRoom("small", "container-host");
    return need;
  }

  private roomHosts(ctx: BotContext): Server[] {
    return serversWith(ctx, "container-host").filter((s) => s.model !== "gpu" && s.osDownUntil <= ctx.state.tick);
  }

  /**
   * After scaling: idle rented hosts whose room is not needed go back, the biggest first (the bill
   * stops soonest). Only room on hosts already up counts, and nothing goes back while a host is
   * failing: an idle machine may be where its containers are moving.
   */
  private releaseIdle(ctx: BotContext, want: Map<AppId, number>): void {
    if (ctx.team.servers.some((s) => s.failingAt > 0)) return;
    const t = ctx.state.tick;
    const up = this.roomHosts(ctx).filter((s) => s.layerReadyAt <= t);
    const need = this.roomNeeded(ctx, want);
    let free = 0;
    for (const s of up) free += Math.max(0, serverFree(ctx.team, s).cpu);
    const idle = up.filter((s) => s.rented && s.instances.length === 0).sort((a, b) => SERVER_MODELS[b.model].cpu - SERVER_MODELS[a.model].cpu);
    for (const s of idle) {
      const room = modelRoom(s.model, "container-host");
      if (free - room < need) continue;
      if (ctx.act({ type: "sellServer", server: s.id }).ok) free -= room;
    }
  }

  /** The forecast window opens within the time it takes a rented host to serve. */
  private opensSoon(ctx: BotContext): boolean {
    const w = spikeWindow(ctx.state);
    return w !== null && ctx.state.tick >= w.from - RENT_LEAD && ctx.state.tick < w.from + RENT_LEAD;
  }

  /** An announced incident that takes hosts down is due soon (a failing server: until it dies). */
  private braceFor(ctx: BotContext): boolean {
    const t = ctx.state.tick;
    const kernel = announcedAt(ctx.state, "kernel").some((at) => t >= at - RENT_LEAD && t <= at);
    const hardware = announcedAt(ctx.state, "hardware").some((at) => t >= at - RENT_LEAD && t <= at + INCIDENTS.hardwareWarnTicks);
    return kernel || hardware;
  }

  /** Forecast: enough owned container hosts for the band's peak, ordered to arrive just before it. */
  private buyAhead(ctx: BotContext, apps: readonly AppId[]): void {
    const { state } = ctx;
    let need = 0;
    for (const app of apps) {
      if (APPS[app].image === null || APPS[app].gpu > 0) continue;
      need += instancesFor(app, bandHigh(state, app, state.tick, state.tick + OWN_LEAD), SIZES[app], 115) * SIZES[app];
    }
    if (state.world.apps.includes("db") && !this.opts.vmApps.includes("db")) need += dbCpuFor(state, (a) => bandPeak(state, a), 115);
    const layerCpu = HOST_LAYERS["container-host"].cpu;
    let room = 0;
    for (const s of serversWith(ctx, "container-host")) if (s.model !== "gpu") room += SERVER_MODELS[s.model].cpu - layerCpu;
    while (room * 9 < need * 10) {
      if (!acquire(ctx, "large", "container-host")) return;
      room += modelRoom("large", "container-host");
    }
  }

  /**
   * Containers on a host that warned are moved, each as soon as another running host has room for
   * it (renting one when none has); containers on a host that died are started again anywhere.
   */
  private evacuate(ctx: BotContext): void {
    const t = ctx.state.tick;
    const leaving = ctx.team.servers.filter((s) => s.layer === "container-host" && (s.failingAt > 0 || s.failedUntil > t));
    for (const s of leaving) {
      const dead = s.failedUntil > t;
      for (const i of [...s.instances]) {
        const targets = serversWith(ctx, "container-host").filter((x) => x !== s && (dead || (x.layerReadyAt <= t && x.osDownUntil <= t))
          && (APPS[i.app].gpu > 0) === (x.model === "gpu") && serverFree(ctx.team, x).cpu >= i.cpu && serverFree(ctx.team, x).mem >= i.mem);
        if (targets.length === 0) {
          const pending = ctx.team.servers.some((x) => x.rented && x.layer === "container-host" && x.layerReadyAt > t
            && modelRoom(x.model, "container-host") >= i.cpu);
          if (!pending && ctx.state.world.rent) acquire(ctx, "large", "container-host", true);
          continue;
        }
        const { app, cpu, mem } = i;
        ctx.act({ type: "remove", instance: i.id });
        deployFirstFit(ctx, targets.map((x) => x.id), app, cpu, Math.max(APPS[app].mem, mem));
      }
    }
  }
}
