import type { Bot, BotContext } from "./helpers";

/**
 * A strategy that stops sending commands from the first minute of the spike: the difference
 * between it and the same strategy unfrozen is what playing the spike is worth. (The harness, not
 * the bot, knows when the spike started.)
 */
export class FrozenBot implements Bot {
  readonly name: string;

  constructor(private readonly inner: Bot) {
    this.name = `${inner.name}:frozen`;
  }

  play(ctx: BotContext): void {
    const start = ctx.state.world.spikeStart;
    if (start >= 0 && ctx.state.tick >= start) return;
    this.inner.play(ctx);
  }
}
