import { APPS, HOST_LAYERS, type AppId, type LayerKind } from "../engine/data";
import type { Server } from "../engine/types";
import { buyAndInstall, licenceWindows, modelFor } from "./fleet";
import { dbCpuFor, forecastPeak, instancesFor, instancesOf, servedApps, usable, type Bot, type BotContext } from "./helpers";

/**
 * The old way: every app instance gets a server of its own, sized for the forecast peak and
 * bought up front, because apps on one OS clash on ports and take each other down.
 */
export class BareMetalBot implements Bot {
  readonly name = "bare-metal";

  play(ctx: BotContext): void {
    const { state } = ctx;
    const peaks = new Map<AppId, number>();
    for (const a of state.world.apps) peaks.set(a, forecastPeak(state, a));
    for (const app of servedApps(state)) {
      const spec = APPS[app];
      const count = spec.role === "batch"
        ? Math.ceil(peaks.get(app)! / (spec.gpu * spec.unitsPerGpu))
        : instancesFor(app, peaks.get(app)!, spec.maxCpu, 115);
      for (let n = instancesOf(ctx.team, app).length; n < count; n++) {
        if (!placeAlone(ctx, app, spec.maxCpu)) break;
      }
    }
    if (state.world.apps.includes("db") && instancesOf(ctx.team, "db").length === 0) {
      placeAlone(ctx, "db", dbCpuFor(state, (a) => peaks.get(a) ?? 0, 115));
    }
  }
}

function layerFor(app: AppId): LayerKind {
  return APPS[app].os.includes("linux") ? "bare-linux" : "bare-windows";
}

/** An instance on a server with nothing else on it (a training job may fill its node's GPUs). */
export function placeAlone(ctx: BotContext, app: AppId, cpu: number): boolean {
  const layer = layerFor(app);
  if (!ctx.state.world.unlocks.includes(layer)) return false;
  const gpuJob = APPS[app].gpu > 0;
  const fits = (s: Server) =>
    usable(s, ctx.state.tick) && (s.layer === layer || s.layer === null) && (s.model === "gpu") === gpuJob
    && s.instances.every((i) => gpuJob && i.app === app);
  for (const s of ctx.team.servers) {
    if (!fits(s)) continue;
    if (s.layer === null && !ctx.act({ type: "installLayer", server: s.id, layer }).ok) continue;
    if (layer === "bare-windows") licenceWindows(ctx, s);
    if (ctx.act({ type: "deploy", target: s.id, app, cpu }).ok) return true;
  }
  const fresh = buyAndInstall(ctx, gpuJob ? "gpu" : modelFor(cpu, HOST_LAYERS[layer].cpu), layer);
  if (!fresh) return false;
  if (layer === "bare-windows") licenceWindows(ctx, fresh);
  return ctx.act({ type: "deploy", target: fresh.id, app, cpu }).ok;
}
