import { APPS, type AppId } from "../engine/data";
import { BareMetalBot, placeAlone } from "./bare-metal";
import { vmWithApp } from "./fleet";
import { dbCpuFor, forecastPeak, installMissing, instancesFor, instancesOf, servedApps, type Bot, type BotContext } from "./helpers";

/** Instance sizes a VM planner picks: bigger VMs mean fewer guest operating systems. */
export const VM_SIZES: Record<AppId, number> = { web: 2000, grades: 4000, db: 8000, payment: 2000, enroll: 2000, train: 1000 };

/**
 * Virtualization done the usual way: type-1 hosts, one VM per app instance, every VM created
 * for the forecast peak well before it (VMs take minutes to boot).
 */
export class VmPreprovisionBot implements Bot {
  readonly name: string = "vm-preprovision";
  private readonly fallback = new BareMetalBot();

  play(ctx: BotContext): void {
    if (!ctx.state.world.unlocks.includes("type1")) return this.fallback.play(ctx);
    installMissing(ctx, "type1", (s) => s.model !== "gpu");
    provisionVms(ctx, servedApps(ctx.state), true, 115);
  }
}

/** Every app of the list in VMs sized for the forecast peak; GPU jobs on bare Linux (no passthrough). */
export function provisionVms(ctx: BotContext, apps: readonly AppId[], withDb: boolean, headroomPct: number): void {
  const { state } = ctx;
  for (const app of apps) {
    const spec = APPS[app];
    if (spec.role === "batch") {
      const count = Math.ceil(forecastPeak(state, app) / (spec.gpu * spec.unitsPerGpu));
      for (let n = instancesOf(ctx.team, app).length; n < count; n++) if (!placeAlone(ctx, app, spec.cpu)) break;
      continue;
    }
    if (spec.role === "backend") continue;
    const count = instancesFor(app, forecastPeak(state, app), VM_SIZES[app], headroomPct);
    for (let n = instancesOf(ctx.team, app).length; n < count; n++) if (!vmWithApp(ctx, app, VM_SIZES[app])) break;
  }
  if (withDb && state.world.apps.includes("db") && instancesOf(ctx.team, "db").length === 0) {
    vmWithApp(ctx, "db", dbCpuFor(state, (a) => forecastPeak(state, a), headroomPct));
  }
}
