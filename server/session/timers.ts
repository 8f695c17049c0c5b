import { LIMITS } from "../../shared/protocol/limits";
import { NO_FREEZE, type FreezeRow } from "../../shared/view/rows";
import type { Clock, Timer } from "./ports";
import type { Seat } from "./Roster";

/*
 * The two waits around the round's clock that the class watches: the 3-2-1 before it starts, and
 * a freeze (the clock stopped while players keep building), which may name who has the extra time
 * and may end by itself.
 */

/** Counts down whole seconds, telling `onSecond` each one, then calls `done`. */
export class Countdown {
  /** Seconds left (0: not counting). */
  left = 0;
  private timer: Timer | null = null;

  constructor(private readonly clock: Clock, private readonly onSecond: () => void) {}

  get running(): boolean {
    return this.timer !== null;
  }

  start(done: () => void, seconds = LIMITS.countdownSeconds): void {
    this.cancel();
    this.left = seconds;
    this.onSecond();
    this.timer = this.clock.setInterval(() => {
      this.left -= 1;
      if (this.left > 0) return this.onSecond();
      this.cancel();
      done();
    }, 1000);
  }

  cancel(): void {
    this.timer?.clear();
    this.timer = null;
    this.left = 0;
  }
}

export interface HoldSpec {
  teams?: readonly number[];
  seats?: readonly number[];
  seconds?: number;
}

/**
 * Who may build while the clock is frozen. Nobody named: everyone in a team (a freeze for
 * discussion). Otherwise the named teams' students and the named students only: extra time for
 * them, a plain pause for everyone else. The class shares one clock (the engine advances every
 * team together), so extra time for one is the clock stopped for all.
 */
export class Freeze {
  private teams: number[] = [];
  private seats: number[] = [];
  private endsAt: number | null = null;
  private timer: Timer | null = null;

  constructor(private readonly clock: Clock, private readonly onSecond: () => void) {}

  /** Starts (or replaces) a hold; `ended` runs when a timed one runs out. */
  begin(spec: HoldSpec, ended: () => void): void {
    this.clear();
    this.teams = [...new Set(spec.teams ?? [])].sort((a, b) => a - b);
    this.seats = [...new Set(spec.seats ?? [])].sort((a, b) => a - b);
    if (!spec.seconds) return;
    this.endsAt = this.clock.now() + spec.seconds * 1000;
    this.timer = this.clock.setInterval(() => {
      if (this.secondsLeft() > 0) return this.onSecond();
      this.clear();
      ended();
    }, 1000);
  }

  clear(): void {
    this.timer?.clear();
    this.timer = null;
    this.endsAt = null;
    this.teams = [];
    this.seats = [];
  }

  get everyone(): boolean {
    return this.teams.length === 0 && this.seats.length === 0;
  }

  /** Whether this seat's commands are taken while frozen. */
  allows(seat: Seat): boolean {
    return this.everyone || this.seats.includes(seat.seat) || (seat.team >= 0 && this.teams.includes(seat.team));
  }

  secondsLeft(): number {
    return this.endsAt === null ? 0 : Math.max(0, Math.ceil((this.endsAt - this.clock.now()) / 1000));
  }

  row(frozen: boolean): FreezeRow {
    if (!frozen) return NO_FREEZE;
    return { everyone: this.everyone, teams: [...this.teams], seats: [...this.seats], secondsLeft: this.secondsLeft() };
  }
}
