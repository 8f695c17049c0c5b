import { LIMITS } from "../../shared/protocol/limits";
import type { WireError } from "../../shared/protocol/messages";
import type { Clock } from "./ports";
import type { HoldSpec } from "./timers";
import type { Seat } from "./Roster";

/**
 * Students' requests for more time (WCAG 2.2.1: the student, not only the teacher, can ask for the
 * time to be extended). A request waits on the seat (`asksTime` in the synced state, which the
 * teacher's page shows with its answers) until the teacher gives that student or their team extra
 * time, turns it down, or the round ends. A student asks at most once every
 * LIMITS.askTimeEverySeconds, so one cannot flood the teacher's screen.
 */
export class TimeAsks {
  private readonly waiting = new Set<number>();
  private readonly lastAsked = new Map<number, number>();

  constructor(private readonly clock: Clock) {}

  has(seat: number): boolean {
    return this.waiting.has(seat);
  }

  /** `seat` asks; the refusal when it asked too recently. */
  ask(seat: Seat): WireError | null {
    const now = this.clock.now();
    const last = this.lastAsked.get(seat.seat);
    const wait = last === undefined ? 0 : Math.ceil((last + LIMITS.askTimeEverySeconds * 1000 - now) / 1000);
    if (wait > 0) return { code: "too_soon", params: { seconds: wait } };
    this.lastAsked.set(seat.seat, now);
    this.waiting.add(seat.seat);
    return null;
  }

  /** The teacher answered this student (turned down); false when they were not asking. */
  decline(seat: number): boolean {
    return this.waiting.delete(seat);
  }

  /** Extra time was given: the requests it answers (the students named, and those of the teams named) are settled. */
  granted(spec: HoldSpec, teamOf: (seat: number) => number): void {
    for (const seat of [...this.waiting]) {
      if (spec.seats?.includes(seat) || spec.teams?.includes(teamOf(seat))) this.waiting.delete(seat);
    }
  }

  /** The round is over: nothing waits any more (how often one may ask starts again too). */
  clear(): void {
    this.waiting.clear();
    this.lastAsked.clear();
  }
}
