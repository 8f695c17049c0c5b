/**
 * What a player hears about the class's clock: why it stopped and when it restarts (a pause, a
 * freeze for discussion, extra time for them or for others), a warning EXTRA_WARN_S before a timed
 * hold ends, and that it runs again. The same sentences are the play screen's visible note.
 */
import { t } from "../../i18n";
import type { Kind } from "./policy";

/** Seconds before a timed hold ends that the players are warned (issue 21: 20 s). */
export const EXTRA_WARN_S = 20;

/** A stopped clock as this player lives it (store/selectors clockStop, with who may build). */
export type Stop = "paused" | "discussion" | "mine" | "others";

export interface ClockInput {
  /** null while the clock runs (or outside a round). */
  stop: Stop | null;
  /** The round is being played (playing, paused or frozen). */
  live: boolean;
  /** Seconds until a timed hold ends by itself (0: the teacher restarts it). */
  secondsLeft: number;
  /** The game clock, for "runs again" ("09:42"). */
  time: string;
}

/** "45 seconds", "1 minute 30 seconds", in the page's language. */
export function duration(seconds: number): string {
  const min = Math.floor(seconds / 60);
  const sec = seconds % 60;
  if (min === 0) return t("speech.seconds", { count: sec });
  if (sec === 0) return t("speech.minutes", { count: min });
  return t("speech.minSec", { min: t("speech.minutes", { count: min }), sec: t("speech.seconds", { count: sec }) });
}

/** Why the clock has stopped and when it restarts, as one or two sentences. */
export function stopSentence(stop: Stop, secondsLeft: number): string {
  const why = t(`speech.${stop === "mine" ? "extraMine" : stop === "others" ? "extraOthers" : stop}`);
  const when = secondsLeft > 0 ? t("speech.restartsIn", { time: duration(secondsLeft) }) : t("speech.restartsTeacher");
  return `${why} ${when}`;
}

/** Follows the clock update by update and says what changed (kind "clock": the policy's assertive). */
export class ClockWatch {
  private last: Stop | null = null;
  private lastLeft = 0;
  private warned = false;

  update(c: ClockInput, say: (kind: Kind, text: string) => void): void {
    const was = this.last;
    this.last = c.live ? c.stop : null;
    if (!c.live) {
      this.lastLeft = 0;
      return;
    }
    if (c.stop === null) {
      if (was !== null) say("clock", t("speech.running", { time: c.time }));
      return;
    }
    // A new hold, another kind of hold, or one the teacher made longer: said whole again.
    const extended = c.secondsLeft > this.lastLeft + 2;
    this.lastLeft = c.secondsLeft;
    if (c.stop !== was || extended) {
      this.warned = c.secondsLeft > 0 && c.secondsLeft <= EXTRA_WARN_S;
      say("clock", stopSentence(c.stop, c.secondsLeft));
      return;
    }
    if (!this.warned && c.secondsLeft > 0 && c.secondsLeft <= EXTRA_WARN_S && c.stop !== "paused") {
      this.warned = true;
      const time = duration(c.secondsLeft);
      say("clock", t(c.stop === "mine" ? "speech.extraEnding" : "speech.restartingSoon", { time }));
    }
  }
}
