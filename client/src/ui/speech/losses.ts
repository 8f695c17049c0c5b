/**
 * Requests turned away, said while it lasts: when it starts, again every LOSS_EVERY_MS of play
 * while it goes on (whatever the figures do: a steady 6,000 a minute lost is news every time),
 * and once when it has stopped for RECOVERED_MINUTES. Nothing is said while the clock is stopped.
 */
import { lang, t } from "../../i18n";
import type { Kind } from "./policy";

/** Real-time ms between two sentences about the same losses. */
export const LOSS_EVERY_MS = 20_000;
/** Game minutes without a loss before "no request turned away now" is said (a single clean minute is often followed by more losses). */
export const RECOVERED_MINUTES = 3;

export interface LossInput {
  /** The clock is running (figures change only then). */
  playing: boolean;
  /** The round's minute (tick). */
  tick: number;
  /** The game clock for the sentence ("09:46"). */
  time: string;
  /** The team's front end in the last minute. */
  demand: number;
  served: number;
  dropped: number;
}

const num = (n: number) => n.toLocaleString(lang() === "zh-CN" ? "zh-CN" : "en-US");

export class LossWatch {
  private losing = false;
  private lastSaid = -Infinity;
  private cleanSince = -1;

  update(x: LossInput, now: number, say: (kind: Kind, text: string) => void): void {
    if (!x.playing) return;
    if (x.dropped > 0) {
      this.cleanSince = -1;
      if (this.losing && now - this.lastSaid < LOSS_EVERY_MS) return;
      // Losses that come back soon after the last sentence wait their turn.
      if (!this.losing && now - this.lastSaid < LOSS_EVERY_MS) {
        this.losing = true;
        return;
      }
      this.losing = true;
      this.lastSaid = now;
      const pct = x.demand > 0 ? Math.round((x.dropped * 100) / x.demand) : 100;
      say("losses", t("speech.losing", { time: x.time, dropped: num(x.dropped), pct }));
      return;
    }
    if (!this.losing) return;
    if (this.cleanSince < 0) this.cleanSince = x.tick;
    if (x.tick - this.cleanSince < RECOVERED_MINUTES - 1) return;
    this.losing = false;
    this.cleanSince = -1;
    say("losses", t("speech.recovered", { time: x.time, served: num(x.served) }));
  }
}
