/** Bot names are a contract: the simulator, the balance rules and saved logs refer to them. */
export const BOT_NAMES = [
  "one-app-per-server", "shared-os", "vm-consolidate", "vm-type2", "vm-preprovision", "containers-reactive",
  "containers-autoscale", "bare-metal", "hybrid-isolate-payment", "idle", "random",
] as const;
export type BotName = (typeof BOT_NAMES)[number];

export function isBotName(name: string): name is BotName {
  return (BOT_NAMES as readonly string[]).includes(name);
}

/**
 * A bot spec: a name, optionally `:frozen` — the same strategy, sending nothing from the first
 * minute of the spike on (how much the spike-time play is worth).
 */
export interface BotSpec {
  name: BotName;
  frozen: boolean;
}

export function parseBotSpec(spec: string): BotSpec | null {
  const [name, mod, ...rest] = spec.split(":");
  if (rest.length > 0 || !isBotName(name)) return null;
  if (mod === undefined) return { name, frozen: false };
  return mod === "frozen" ? { name, frozen: true } : null;
}

export function isBotSpec(spec: string): boolean {
  return parseBotSpec(spec) !== null;
}
