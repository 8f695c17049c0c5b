import { BareMetalBot } from "./bare-metal";
import { ContainersBot } from "./containers";
import { IdleBot } from "./idle";
import { RandomBot } from "./random";
import { VmPreprovisionBot } from "./vm-preprovision";
import type { Bot } from "./helpers";

import type { BotName } from "./names";

export { BOT_NAMES, isBotName, type BotName } from "./names";

/** A fresh bot; `seed` only matters for the random one. */
export function makeBot(name: BotName, seed: number): Bot {
  switch (name) {
    case "idle": return new IdleBot();
    case "bare-metal": return new BareMetalBot();
    case "vm-preprovision": return new VmPreprovisionBot();
    case "containers-autoscale": return new ContainersBot();
    case "hybrid-isolate-payment": return new ContainersBot("hybrid-isolate-payment", ["payment", "db"]);
    case "random": return new RandomBot(seed);
  }
}

export type { Bot, BotContext } from "./helpers";
