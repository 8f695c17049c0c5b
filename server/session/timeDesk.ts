import type { BotName } from "../../shared/bots/names";
import { paceMs } from "../../shared/engine/tick";
import { S2C, type ActivityMessage, type WireError } from "../../shared/protocol/messages";
import type { Phase } from "../../shared/protocol/phases";
import { HOST_SEAT } from "../../shared/protocol/seats";
import { ROOM_TIMING } from "../../shared/protocol/tuning";
import { commandLine } from "../../shared/view/feed";
import type { FeedRow, RoundRow } from "../../shared/view/rows";
import { Activity } from "./activity";
import type { PhaseRules } from "./phases";
import type { SessionPorts, Timer } from "./ports";
import type { Roster, Seat } from "./Roster";
import type { QueuedInput, Round } from "./Round";
import type { Config } from "./setup";
import { matchRows } from "./snapshot";
import { TimeAsks } from "./timeAsks";
import { Countdown, Freeze, type HoldSpec } from "./timers";

/** What the time desk works on: the Session, as it sees it. */
export interface TimeHost {
  readonly phase: Phase;
  readonly rules: PhaseRules;
  readonly round: Round | null;
  readonly practice: boolean;
  readonly config: Config;
  readonly roster: Roster;
  readonly teams: readonly { bot: BotName | null }[];
  readonly disposed: boolean;
  /** The server is stopping: the clock does not start again. */
  readonly stopping: boolean;
  shown: RoundRow | null;
  enter(phase: Phase): void;
  /** One minute of the round. */
  onTick(): void;
  annotate(entry: { type: "pause" | "resume" }): void;
  feed(team: number, line: FeedRow): void;
  changed(): void;
  publishSession(): void;
}

/**
 * The teacher's hold on time: the 3-2-1 before the clock, freezes (the clock stopped while players
 * keep building, for everyone or as extra time for some), the class's speed, and who is idle.
 * Synchronous play means one clock for the class: nobody's minutes can run slower than another's,
 * so extra time is the clock stopped for all while those named keep building (docs/PROTOCOL.md).
 */
export class TimeDesk {
  readonly countdown: Countdown;
  readonly freeze: Freeze;
  readonly activity = new Activity();
  readonly asks: TimeAsks;
  private tickTimer: Timer | null = null;
  private activityTimer: Timer | null = null;
  private previewTimer: Timer | null = null;

  constructor(private readonly s: TimeHost, private readonly ports: SessionPorts) {
    this.countdown = new Countdown(ports.clock, () => s.publishSession());
    this.freeze = new Freeze(ports.clock, () => s.publishSession());
    this.asks = new TimeAsks(ports.clock);
  }

  private now(): number {
    return this.ports.clock.now();
  }

  get clockRunning(): boolean {
    return this.tickTimer !== null;
  }

  /** Each minute waits the engine's pace (quiet stretches fast, the forecast window slower) over the teacher's speed. */
  private startClock(): void {
    this.stopClock();
    const round = this.s.round;
    if (!round) return;
    this.tickTimer = this.ports.clock.setTimeout(() => {
      this.s.onTick();
      if (this.tickTimer && this.s.rules.clock) this.startClock();
    }, Math.round(paceMs(round.state) / (this.s.shown?.tickRate ?? this.s.config.tickRate)));
  }

  private stopClock(): void {
    this.tickTimer?.clear();
    this.tickTimer = null;
  }

  /** The phase changed: the clock runs or stops, a countdown ends, a freeze ends unless still frozen, idle time follows. */
  entered(phase: Phase): void {
    if (this.s.rules.clock && !this.s.stopping) this.startClock();
    else this.stopClock();
    this.countdown.cancel();
    if (phase !== "frozen") this.freeze.clear();
    const live = this.s.round !== null && this.s.rules.midRound;
    if (!live) this.asks.clear();
    // Idle time counts while students can act: not in a pause, nor for everyone during one student's extra time.
    this.activity.counting(live && (phase === "playing" || (phase === "frozen" && this.freeze.everyone)), this.now());
    if (live && !this.s.practice && !this.activityTimer) {
      this.activityTimer = this.ports.clock.setInterval(() => this.reportActivity(), ROOM_TIMING.activityEveryMs);
    } else if (!live && this.activityTimer) {
      this.activityTimer.clear();
      this.activityTimer = null;
      this.reportActivity();
    }
  }

  /** A new round: idle time starts from zero. */
  newRound(number: number): void {
    this.activity.reset(number);
  }

  /** briefing → playing, after the 3-2-1 when the setup asks for it (a second start while counting changes nothing). */
  startClockSoon(): void {
    if (this.countdown.running) return;
    if (this.s.config.countdown) this.countdown.start(() => this.s.enter("playing"));
    else this.s.enter("playing");
  }

  /** Stops the clock while players (all, or those named) keep building; a timed hold restarts it by itself. */
  freezeClock(spec: HoldSpec): void {
    if (this.s.phase === "playing") this.s.annotate({ type: "pause" });
    this.asks.granted(spec, (seat) => this.s.roster.get(seat)?.team ?? -1);
    this.freeze.begin(spec, () => {
      this.s.annotate({ type: "resume" });
      this.s.enter("playing");
    });
    this.s.enter("frozen");
  }

  /** A student asks the teacher for more time (the teacher's page shows it); the refusal, or null. */
  askTime(seat: Seat): WireError | null {
    if (this.s.practice) return { code: "not_host", params: {} };
    if (!this.s.round || !this.s.rules.midRound) return { code: "not_playing", params: { phase: this.s.phase } };
    if (seat.team < 0) return { code: "no_team", params: {} };
    if (this.s.phase === "frozen" && !this.freeze.everyone && this.freeze.allows(seat)) return { code: "has_extra_time", params: {} };
    const refused = this.asks.ask(seat);
    if (!refused) this.s.publishSession();
    return refused;
  }

  /** The teacher turns a request for more time down. */
  declineTime(seat: number): WireError | null {
    if (!this.asks.decline(seat)) return { code: "not_asking", params: { seat } };
    this.s.publishSession();
    return null;
  }

  /** Whether a student's command is taken now (beyond the phase's own rule): during a hold, only those named. */
  mayAct(seat: Seat): boolean {
    return this.s.phase !== "frozen" || this.freeze.allows(seat);
  }

  /** The class's pace: the setup for later rounds, and the round shown from its next minute. */
  setSpeed(tickRate: number): void {
    this.s.config.tickRate = tickRate;
    const shown = this.s.shown;
    if (shown && this.s.round && !this.s.round.over) this.s.shown = { ...shown, tickRate };
    if (this.clockRunning) this.startClock();
    this.s.changed();
  }

  /**
   * A command was queued. While the clock is frozen no minute will play it soon, so the team sees
   * it at once: its feed line now (not again when the minute plays it), and its datacenter as it
   * will be (the round's preview, published a few times a second at most).
   */
  acted(seat: Seat, item: QueuedInput): void {
    this.activity.acted(seat.seat, this.now());
    const round = this.s.round;
    if (this.s.phase !== "frozen" || !item.parsed || !round) return;
    item.announced = true;
    this.s.feed(seat.team, commandLine(round.state.tick, seat.seat, seat.nickname, item.parsed));
    if (this.previewTimer) return;
    this.previewTimer = this.ports.clock.setTimeout(() => {
      this.previewTimer = null;
      if (this.s.round && !this.s.disposed) this.ports.publish.match(matchRows(this.s.round.previewState()));
    }, ROOM_TIMING.previewEveryMs);
  }

  /** Who has been idle, for the teacher (null outside a class round). */
  activityReport(): ActivityMessage | null {
    if (!this.s.round || this.s.practice) return null;
    return this.activity.report(this.s.roster.students(), this.s.teams.length, (t) => this.s.teams[t]?.bot != null, this.now());
  }

  private reportActivity(): void {
    const report = this.activityReport();
    if (report) this.ports.send.toSeat(HOST_SEAT, S2C.activity, report);
  }

  /** The server stops or the room goes: no timer of the desk fires again. */
  stop(): void {
    this.stopClock();
    this.countdown.cancel();
    this.freeze.clear();
    for (const t of [this.activityTimer, this.previewTimer]) t?.clear();
    this.activityTimer = this.previewTimer = null;
  }
}
