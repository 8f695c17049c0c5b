import { BareMetalBot } from "./bare-metal";
import { ContainersBot } from "./containers";
import { IdleBot } from "./idle";
import { RandomBot } from "./random";
import { VmPreprovisionBot } from "./vm-preprovision";
import type { Bot } from "./helpers";

export const BOT_NAMES = ["idle", "bare-metal", "vm-preprovision", "containers-autoscale", "hybrid-isolate-payment", "random"] as const;
export type BotName = (typeof BOT_NAMES)[number];

export function isBotName(name: string): name is BotName {
  return (BOT_NAMES as readonly string[]).includes(name);
}

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
