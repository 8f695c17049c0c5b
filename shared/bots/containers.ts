import { APPS, DELIVERY_TICKS, SERVER_MODELS, HOST_LAYERS, type AppId } from "../engine/data";
import type { Instance } from "../engine/types";
import { VmPreprovisionBot, provisionVms } from "./vm-preprovision";
import { buyAndInstall, serversWith, windowsOnBare } from "./fleet";
import {
  dbCpuFor, deployFirstFit, forecastAt, forecastPeak, installMissing, instancesFor, instancesOf, servedApps,
  type Bot, type BotContext,
} from "./helpers";

/** Container sizes: small, so they pack tightly and scale in fine steps. */
const SIZES: Record<AppId, number> = { web: 2000, grades: 2000, db: 8000, payment: 2000, enroll: 2000, train: 1000 };
const HEADROOM_PCT = 125;

/**
 * Containers on shared container hosts, scaled every tick to the demand just seen and the
 * forecast a few minutes ahead; servers bought in time for the forecast spike. With `vmApps`
 * those apps are kept out of the shared kernel, each in its own pre-provisioned VM.
 */
export class ContainersBot implements Bot {
  private readonly fallback = new VmPreprovisionBot();

  constructor(readonly name: string = "containers-autoscale", private readonly vmApps: readonly AppId[] = []) {}

  play(ctx: BotContext): void {
    const { state } = ctx;
    if (!state.world.unlocks.includes("container-host")) return this.fallback.play(ctx);
    installMissing(ctx, "container-host");
    const apps = servedApps(state).filter((a) => !this.vmApps.includes(a));
    const dbInContainer = state.world.apps.includes("db") && !this.vmApps.includes("db");
    if (this.vmApps.length > 0 && state.world.unlocks.includes("type1")) {
      provisionVms(ctx, servedApps(state).filter((a) => this.vmApps.includes(a)), !dbInContainer, 120);
    }
    this.buyServers(ctx, apps, dbInContainer);
    if (dbInContainer && instancesOf(ctx.team, "db").length === 0) {
      const cpu = dbCpuFor(state, (a) => forecastPeak(state, a), HEADROOM_PCT);
      deployFirstFit(ctx, hostIds(ctx), "db", cpu, APPS.db.mem);
    }
    for (const app of apps) this.scale(ctx, app);
  }

  /** Enough container hosts for the forecast peak, ordered so they arrive just before it. */
  private buyServers(ctx: BotContext, apps: readonly AppId[], dbInContainer: boolean): void {
    const { state } = ctx;
    const spikeSoon = state.world.spikeStart < 0 || state.tick >= state.world.spikeStart - DELIVERY_TICKS - 20;
    let need = 0;
    for (const app of apps) {
      if (APPS[app].image === null || APPS[app].role === "batch") continue;
      const demand = spikeSoon ? forecastPeak(state, app) : Math.max(state.demand[app], forecastAt(state, app, state.tick + DELIVERY_TICKS + 20));
      need += instancesFor(app, demand, SIZES[app], HEADROOM_PCT) * SIZES[app];
    }
    if (dbInContainer) need += dbCpuFor(state, (a) => forecastPeak(state, a), HEADROOM_PCT);
    const layerCpu = HOST_LAYERS["container-host"].cpu;
    let room = serversWith(ctx, "container-host").reduce((sum, s) => sum + SERVER_MODELS[s.model].cpu - layerCpu, 0);
    // Packing is never perfect: keep a tenth spare.
    while (room * 9 < need * 10) {
      if (!buyAndInstall(ctx, "large", "container-host")) return;
      room += SERVER_MODELS.large.cpu - layerCpu;
    }
  }

  private scale(ctx: BotContext, app: AppId): void {
    const { state } = ctx;
    const spec = APPS[app];
    const have = instancesOf(ctx.team, app);
    if (spec.role === "batch") {
      const count = Math.ceil(forecastPeak(state, app) / (spec.gpu * spec.unitsPerGpu));
      const gpuHosts = serversWith(ctx, "container-host").filter((s) => s.model === "gpu").map((s) => s.id);
      for (let n = have.length; n < count; n++) if (!deployFirstFit(ctx, gpuHosts, app, spec.cpu, spec.mem)) break;
      return;
    }
    const seen = Math.max(state.demand[app], forecastAt(state, app, state.tick + 3));
    const want = Math.max(1, instancesFor(app, seen, SIZES[app], HEADROOM_PCT));
    if (spec.image === null) {
      for (let n = have.length; n < want; n++) if (!windowsOnBare(ctx, app, SIZES[app])) break;
      return;
    }
    for (let n = have.length; n < want; n++) {
      if (!deployFirstFit(ctx, hostIds(ctx), app, SIZES[app], spec.mem)) break;
    }
    // Scale in one at a time, and only with a margin, so noise does not make it flap.
    if (have.length > want + 1) ctx.act({ type: "remove", instance: newest(have).id });
  }
}

function hostIds(ctx: BotContext): string[] {
  return serversWith(ctx, "container-host").map((s) => s.id);
}

function newest(list: Instance[]): Instance {
  return list.reduce((a, b) => (b.readyAt > a.readyAt ? b : a));
}
