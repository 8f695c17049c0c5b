import { APPS, DELIVERY_TICKS, HOST_LAYERS, INCIDENTS, type AppId, type LayerKind, type ModelId } from "../engine/data";
import type { Server } from "../engine/types";
import { acquire, deployFirstFit, licenceWindows, modelRoom, osFor } from "./fleet";
import {
  bandHigh, bandPeak, dbCpuFor, instancesFor, instancesOf, servedApps, spikeWindow, usable, type Bot, type BotContext,
} from "./helpers";

export interface BareOptions {
  /** Pack different apps onto one OS wherever the ports and runtimes allow (else one app per server). */
  share: boolean;
  /** upfront: everything for the forecast's peak at the start; jit: bought to arrive as the band needs it. */
  timing: "upfront" | "jit";
}

const HEADROOM_PCT = 115;
/** Minutes from ordering a server to an app serving on it. */
const LEAD = DELIVERY_TICKS + HOST_LAYERS["bare-windows"].setupTicks + 5;

/**
 * Bare operating systems only. `one-app-per-server` gives every app instance a server of its own,
 * bought up front for the forecast peak (the old way: safe, idle most of the day); `shared-os`
 * packs apps onto as few OSes as the ports and runtimes allow; `bare-metal` is one app per
 * server bought just in time for the band and sold again after it.
 */
export class BareBot implements Bot {
  constructor(readonly name: string, private readonly opts: BareOptions) {}

  play(ctx: BotContext): void {
    const { state } = ctx;
    const horizon = (app: AppId) => (this.opts.timing === "upfront" ? bandPeak(state, app) : bandHigh(state, app, state.tick, state.tick + LEAD));
    if (state.world.apps.includes("db") && instancesOf(ctx.team, "db").length === 0) {
      const most = modelRoom("large", "bare-linux");
      placeOnBare(ctx, "db", Math.min(most - (most % 250), dbCpuFor(state, (a) => bandPeak(state, a), HEADROOM_PCT)), this.opts.share);
    }
    // One instance of each app at a time in turn, so a tight budget is spread over every app.
    const want = new Map<AppId, number>();
    for (const app of servedApps(state)) want.set(app, bareCount(app, horizon(app)));
    for (let placed = true; placed;) {
      placed = false;
      for (const [app, n] of want) {
        if (instancesOf(ctx.team, app).length >= n) continue;
        if (placeOnBare(ctx, app, APPS[app].maxCpu, this.opts.share)) placed = true;
        else want.set(app, 0);
      }
    }
    if (this.opts.timing === "jit") sellSurplus(ctx, horizon);
  }
}

/** Instances an app needs for a demand at its largest size (GPU jobs: one per GPU they use). */
export function bareCount(app: AppId, demand: number): number {
  const spec = APPS[app];
  if (spec.gpu > 0) return Math.ceil(demand / (spec.gpu * spec.unitsPerGpu));
  return Math.max(1, instancesFor(app, demand, spec.maxCpu, HEADROOM_PCT));
}

/**
 * One more instance on a bare OS: on any OS it fits if sharing (else on a server with nothing on
 * it; GPU jobs share their GPU node), or on a new server. Installs the layer a fresh machine needs.
 */
export function placeOnBare(ctx: BotContext, app: AppId, cpu: number, share: boolean): boolean {
  const layer: LayerKind = osFor(app) === "linux" ? "bare-linux" : "bare-windows";
  if (!ctx.state.world.unlocks.includes(layer)) return false;
  const gpuJob = APPS[app].gpu > 0;
  const fits = (s: Server) => {
    if (!usable(s, ctx.state.tick) || (s.layer !== layer && s.layer !== null)) return false;
    // A GPU node's own OS may take other apps' processes once its training jobs run on it (Linux).
    if (share) return gpuJob ? s.model === "gpu" : s.model !== "gpu" || (s.layer === layer && s.instances.some((i) => APPS[i.app].gpu > 0));
    return (s.model === "gpu") === gpuJob && s.instances.every((i) => gpuJob && i.app === app);
  };
  for (const s of ctx.team.servers) {
    if (!fits(s)) continue;
    if (s.layer === null && !ctx.act({ type: "installLayer", server: s.id, layer }).ok) continue;
    if (layer === "bare-windows") licenceWindows(ctx, s);
    if (deployFirstFit(ctx, [s.id], app, cpu)) return true;
  }
  const model: ModelId = gpuJob ? "gpu" : modelRoom("small", layer) >= cpu && APPS[app].mem <= 16384 ? "small" : "large";
  const fresh = acquire(ctx, model, layer);
  if (!fresh) return false;
  if (layer === "bare-windows") licenceWindows(ctx, fresh);
  return deployFirstFit(ctx, [fresh.id], app, cpu) !== null;
}

/** After the forecast window, instances beyond what the band still needs go, and their servers are sold. */
function sellSurplus(ctx: BotContext, horizon: (app: AppId) => number): void {
  const { state } = ctx;
  const w = spikeWindow(state);
  if (!w || state.tick < w.to - INCIDENTS.appRestartTicks) return;
  for (const app of servedApps(state)) {
    const have = instancesOf(ctx.team, app);
    for (const i of have.slice(bareCount(app, horizon(app)))) ctx.act({ type: "remove", instance: i.id });
  }
  for (const s of [...ctx.team.servers]) {
    if (s.layer !== null && s.instances.length === 0 && s.vms.length === 0) ctx.act({ type: "sellServer", server: s.id });
  }
}
