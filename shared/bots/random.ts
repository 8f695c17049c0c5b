import { APP_IDS, LAYER_KINDS, LICENCE_EDITIONS, MODEL_IDS, type AppId } from "../engine/data";
import type { Command } from "../engine/commands";
import { randInt, seedState, type RngHolder } from "../engine/rng";
import type { MatchState } from "../engine/types";
import type { Bot, BotContext } from "./helpers";

/**
 * A fuzzing player: mostly plausible commands on its own objects, some on other teams' objects,
 * some malformed. Seeded, so a failing run can be replayed exactly.
 */
export class RandomBot implements Bot {
  readonly name = "random";
  private readonly holder: RngHolder;

  constructor(seed: number) {
    this.holder = { rng: seedState(seed ^ 0x5eed) };
  }

  play(ctx: BotContext): void {
    const n = this.int(0, 9) < 4 ? this.int(1, 3) : 0;
    for (let k = 0; k < n; k++) ctx.act(this.command(ctx) as Command);
  }

  private int(min: number, max: number): number {
    return randInt(this.holder, min, max);
  }

  private pick<T>(list: readonly T[]): T {
    return list[this.int(0, list.length - 1)];
  }

  /** An id: usually the team's own, sometimes another team's, sometimes nonsense. */
  private id(ctx: BotContext, kind: "server" | "vm" | "instance" | "host"): string {
    const roll = this.int(0, 19);
    if (roll === 0) return `${kind[0]}${this.int(0, 999999)}`;
    const teams = ctx.state.teams;
    const team = roll === 1 ? teams[this.int(0, teams.length - 1)] : ctx.team;
    const ids = idsOf(ctx.state, team.id, kind);
    return ids.length > 0 ? this.pick(ids) : `${kind === "host" ? "s" : kind[0]}1`;
  }

  private command(ctx: BotContext): unknown {
    const roll = this.int(0, 99);
    if (roll < 4) return { type: "deploy", target: 7, app: "web" };
    if (roll < 6) return { type: "launchMissiles" };
    if (roll < 8) return { type: "buyServer", model: "small", extra: true };
    const apps = ctx.state.world.apps as AppId[];
    switch (this.int(0, 9)) {
      case 0: return { type: "buyServer", model: this.pick(MODEL_IDS) };
      case 1: return { type: "sellServer", server: this.id(ctx, "server") };
      case 2: return { type: "installLayer", server: this.id(ctx, "server"), layer: this.pick(LAYER_KINDS) };
      case 3: return { type: "buyLicence", server: this.id(ctx, "server"), edition: this.pick(LICENCE_EDITIONS) };
      case 4: return {
        type: "createVm", server: this.id(ctx, "server"), os: this.pick(["linux", "windows"]),
        mode: this.pick(["para", "full"]), vcpus: this.int(1, 12), mem: this.int(4, 40) * 512, engine: this.int(0, 3) === 0,
      };
      case 5: return { type: "deleteVm", vm: this.id(ctx, "vm") };
      case 6: return { type: "migrateVm", vm: this.id(ctx, "vm"), to: this.id(ctx, "server") };
      case 7: case 8: {
        const app = this.int(0, 9) === 0 ? this.pick(APP_IDS) : this.pick(apps);
        const cmd: Record<string, unknown> = { type: "deploy", target: this.id(ctx, "host"), app };
        if (this.int(0, 2) === 0) cmd.cpu = this.int(1, 40) * 250;
        if (this.int(0, 2) === 0) cmd.memLimit = this.int(1, 40) * 512;
        return cmd;
      }
      default: return { type: "remove", instance: this.id(ctx, "instance") };
    }
  }
}

function idsOf(state: MatchState, teamId: number, kind: "server" | "vm" | "instance" | "host"): string[] {
  const out: string[] = [];
  for (const s of state.teams[teamId].servers) {
    if (kind === "server" || kind === "host") out.push(s.id);
    if (kind === "instance") out.push(...s.instances.map((i) => i.id));
    for (const vm of s.vms) {
      if (kind === "vm" || kind === "host") out.push(vm.id);
      if (kind === "instance") out.push(...vm.instances.map((i) => i.id));
    }
  }
  return out;
}
