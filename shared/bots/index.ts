import { BareBot } from "./bare";
import { ContainersBot } from "./containers";
import { FrozenBot } from "./frozen";
import { IdleBot } from "./idle";
import { RandomBot } from "./random";
import { VmBot } from "./vms";
import { parseBotSpec, type BotName } from "./names";
import type { Bot } from "./helpers";

export { BOT_NAMES, isBotName, isBotSpec, parseBotSpec, type BotName, type BotSpec } from "./names";

function makeNamed(name: BotName, seed: number): Bot {
  switch (name) {
    case "one-app-per-server": return new BareBot(name, { share: false, timing: "upfront" });
    case "shared-os": return new BareBot(name, { share: true, timing: "upfront" });
    case "bare-metal": return new BareBot(name, { share: false, timing: "jit" });
    case "vm-consolidate": return new VmBot(name, { layer: "type1", timing: "ahead" });
    case "vm-type2": return new VmBot(name, { layer: "type2", timing: "ahead" });
    case "vm-preprovision": return new VmBot(name, { layer: "type1", timing: "upfront" });
    case "containers-reactive": return new ContainersBot(name, { mode: "reactive", vmApps: [] });
    case "containers-autoscale": return new ContainersBot(name, { mode: "forecast", vmApps: [] });
    case "hybrid-isolate-payment": return new ContainersBot(name, { mode: "reactive", vmApps: ["payment", "db"] });
    case "idle": return new IdleBot();
    case "random": return new RandomBot(seed);
  }
}

/** A fresh bot for a spec (`NAME` or `NAME:frozen`); `seed` only matters for the random one. Throws on an unknown spec. */
export function makeBot(spec: string, seed: number): Bot {
  const parsed = parseBotSpec(spec);
  if (!parsed) throw new Error(`unknown bot "${spec}"`);
  const bot = makeNamed(parsed.name, seed);
  return parsed.frozen ? new FrozenBot(bot) : bot;
}

export type { Bot, BotContext } from "./helpers";
