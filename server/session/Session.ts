import type { BotName } from "../../shared/bots/names";
import type { RoundReport } from "../../shared/debrief/report";
import type { LogEntry } from "../../shared/log/format";
import { SERVER_RESTART_CLOSE_CODE, SESSION_ENDED_CLOSE_CODE } from "../../shared/protocol/codes";
import { S2C } from "../../shared/protocol/messages";
import type { Phase } from "../../shared/protocol/phases";
import { NO_TEAM } from "../../shared/protocol/seats";
import { PRACTICE_SETUP, practiceRivalTeam, ROOM_TIMING, SESSION_DEFAULTS } from "../../shared/protocol/tuning";
import { historyFor } from "../../shared/view/history";
import { roundRow } from "../../shared/view/round";
import type { FeedRow, RoundRow } from "../../shared/view/rows";
import { SeatDesk, type Admission, type SeatHost } from "./seats";
import type { SessionControl } from "./control";
import { PHASE_RULES, type PhaseRules } from "./phases";
import type { Recovered, SessionPorts, Timer } from "./ports";
import { Roster, type Seat } from "./Roster";
import { Round } from "./Round";
import { TimeDesk } from "./timeDesk";
import { newSeed } from "./secrets";
import { matchRows, restore, sessionRows, snapshotOf, statusOf, tickLines, type SessionFacts, type SessionStatus } from "./snapshot";
import { applyConfig, defaultConfig, matchSettings, type Config, type Configure } from "./setup";

export { JoinRefused, type Admission } from "./seats";
export type { SessionStatus } from "./snapshot";

export interface SessionInit {
  code: string;
  hostSecretHash: string;
  practice?: boolean;
  hostNickname?: string;
  /** Rebuild the session from what was persisted (the server was restarted while it was open). */
  recover?: boolean;
}

interface TeamSetup { name: string; bot: BotName | null }

/**
 * One class session, apart from its sockets: the seats, the setup, the teams and bots, the phase,
 * the rounds played and who may do what. It is driven through its methods and the requests in
 * requests.ts (by the Colyseus room, or by a test) and acts on the world only through its ports.
 */
export class Session implements SessionControl, SessionFacts, SeatHost {
  readonly code: string;
  readonly practice: boolean;
  readonly roster = new Roster();
  phase: Phase = "lobby";
  locked = false;
  config: Config;
  teams: TeamSetup[] = [];
  round: Round | null = null;
  /** The number of the round shown (or last played). */
  roundNumber = 0;
  reports: RoundReport[] = [];
  /** The round shown, from its briefing on (the last one after it ended). */
  shown: RoundRow | null = null;
  readonly hostSecretHash: string;
  readonly desk = new SeatDesk(this);
  /** The server is stopping: no more ticks, no leave notes, no joins. */
  stopping = false;
  /** The countdown, freezes and extra time, the class's speed, who is idle. */
  readonly time: TimeDesk;
  private readonly open = new Map<number, number>();
  private idleTimer: Timer | null = null;
  private persistTimer: Timer | null = null;
  disposed = false;

  /** `kept`: what was persisted of this session, when it is being rebuilt (see Persistence.recover). */
  constructor(init: SessionInit, private readonly ports: SessionPorts, kept: Recovered | null = null) {
    this.code = init.code;
    this.hostSecretHash = init.hostSecretHash;
    this.time = new TimeDesk(this, ports);
    this.practice = init.practice === true;
    this.config = defaultConfig();
    this.setTeams(SESSION_DEFAULTS.teamNames.slice(0, SESSION_DEFAULTS.teams));
    if (this.practice) {
      this.roster.ensureHost(init.hostNickname ?? PRACTICE_SETUP.nickname, PRACTICE_SETUP.team);
      PRACTICE_SETUP.bots.forEach((bot, i) => this.setBot(practiceRivalTeam(i), bot));
      this.config.tickRate = PRACTICE_SETUP.tickRate;
      // The player starts the clock themselves: they are ready.
      this.config.countdown = false;
    }
    if (kept) restore(this, kept);
    this.publishSession();
    this.armIdleTimer();
  }

  get rules(): PhaseRules {
    return PHASE_RULES[this.phase];
  }

  get messenger(): SessionPorts["send"] {
    return this.ports.send;
  }

  status(): SessionStatus {
    return statusOf(this);
  }

  // ── joining ────────────────────────────────────────────────────────────────

  /** Checks join options: who this is, and whether they may come in. Throws JoinRefused. */
  admit(raw: unknown, address = ""): Admission {
    return this.desk.admit(raw, address);
  }

  /** Seats an admitted join (a new student gets a seat and its token). Throws JoinRefused. */
  seat(admission: Admission): { seat: Seat; token: string } {
    return this.desk.seat(admission);
  }

  // What the seat desk reads.
  get refusal(): "session_ended" | "server_restarting" | null {
    return !this.rules.joinable ? "session_ended" : this.stopping ? "server_restarting" : null;
  }

  get maxStudents(): number {
    return this.config.maxStudents;
  }

  now(): number {
    return this.ports.clock.now();
  }

  tabs(seat: number): number {
    return this.open.get(seat) ?? 0;
  }

  teamCount(): number {
    return this.teams.length;
  }

  playable(team: number): boolean {
    return team >= 0 && team < this.teams.length && !this.teams[team].bot;
  }

  /** A connection to a seat opened (a join, a reconnection, another tab). */
  opened(seat: Seat): void {
    this.open.set(seat.seat, (this.open.get(seat.seat) ?? 0) + 1);
    seat.connected = true;
    this.publishSession();
    this.persist();
    this.annotate({ type: "join", seat: seat.seat, nickname: seat.nickname, team: seat.team });
    this.armIdleTimer();
  }

  /** A connection to a seat closed; the seat itself stays (its token takes it back). */
  closed(seatId: number): void {
    const left = Math.max(0, (this.open.get(seatId) ?? 0) - 1);
    if (left === 0) this.open.delete(seatId);
    else this.open.set(seatId, left);
    const seat = this.roster.get(seatId);
    if (seat && left === 0) {
      seat.connected = false;
      this.publishSession();
    }
    // Once the session has ended its logs are final (and the teacher may already have deleted them);
    // once the server is stopping, the log already says so.
    if (seat && this.phase !== "ended" && !this.stopping) this.annotate({ type: "leave", seat: seat.seat, nickname: seat.nickname, team: seat.team });
    this.armIdleTimer();
  }

  private get connections(): number {
    let n = 0;
    for (const c of this.open.values()) n += c;
    return n;
  }

  // ── setup and teams ──────────────────────────────────────────────────────

  get tick(): number {
    return this.round?.state.tick ?? 0;
  }

  configure(c: Configure): void {
    applyConfig(this.config, c);
    if (c.teams !== undefined) this.setTeams(c.teams);
    this.changed();
  }

  setCap(max: number): void {
    this.config.maxStudents = max;
    this.changed();
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.changed();
  }

  setTeams(names: readonly string[]): void {
    this.teams = names.map((name, i) => ({ name, bot: this.teams[i]?.bot ?? null }));
    for (const s of this.roster.all()) {
      if (s.team >= names.length) this.moveSeat(s, NO_TEAM);
    }
  }

  setBot(team: number, bot: BotName | null): void {
    this.teams[team].bot = bot;
    this.round?.setBot(team, bot);
    if (bot) for (const s of this.roster.members(team)) if (s.role === "student") this.moveSeat(s, NO_TEAM);
    this.changed();
  }

  moveSeat(seat: Seat, team: number): void {
    if (seat.team === team && seat.asks < 0) return;
    seat.team = team;
    seat.asks = NO_TEAM;
    this.annotate({ type: "move", seat: seat.seat, team });
    if (this.round && team >= 0) this.time.activity.placed(seat.seat, this.now());
    // The team's chart so far, for the team they now see.
    if (this.round && team >= 0) this.ports.send.toSeat(seat.seat, S2C.history, historyFor(this.roundNumber, this.round.state.tick, this.round.series, team));
    this.changed();
  }

  feed(team: number, line: FeedRow): void {
    if (team >= 0 && team < this.teams.length) this.ports.publish.feed(team, line);
  }

  nicknameOf(seat: number): string {
    return seat >= 0 ? this.roster.get(seat)?.nickname ?? "?" : "";
  }

  // ── phases and rounds ──────────────────────────────────────────────────────

  /** The one place the phase changes: the clock (and the countdown, a freeze, idle time) follow the phase table. */
  enter(phase: Phase): void {
    this.phase = phase;
    this.time.entered(phase);
    this.changed();
  }

  /** lobby/over → briefing: a fresh match from the setup, shown as a forecast. */
  openBriefing(): void {
    const number = this.roundNumber + 1;
    this.round = new Round({
      settings: matchSettings(this.config, this.teams.map((t) => t.name)),
      seed: newSeed(), room: this.code, round: number,
      roster: this.roster.all().map((s) => ({ seat: s.seat, nickname: s.nickname, role: s.role, team: s.team })),
      bots: this.teams.map((t) => t.bot), startedAt: new Date(this.ports.clock.now()).toISOString(),
      sink: this.ports.persist.roundSink(() => this.lostRound()),
    });
    this.time.newRound(number);
    this.show(this.round, number);
    this.enter("briefing");
  }

  /** Puts a round's world and its datacenters, as they stand, in the synced state. */
  show(round: Round, number: number): void {
    this.roundNumber = number;
    this.shown = roundRow(round.state, number, this.config.tickRate);
    this.ports.publish.clearLines();
    this.publishMatch();
  }

  /** Ends the round: results fixed, debrief sent to everyone. Called off before it started, it is dropped. */
  endRound(endedBy: "time" | "host"): void {
    const round = this.round;
    if (!round) return;
    if (round.state.tick === 0) {
      // Called off during the briefing: nothing was played, so there is nothing to debrief.
      round.discard();
      this.round = null;
      this.roundNumber -= 1;
      if (this.shown) this.shown = { ...this.shown, number: this.roundNumber };
      this.enter(this.reports.length > 0 ? "over" : "lobby");
      return;
    }
    const final = round.finish(endedBy);
    const report = round.report(this.roundNumber, final.results);
    this.reports.push(report);
    round.sink?.saveReport?.(report);
    this.publishMatch();
    this.enter("over");
    this.ports.send.toAll(S2C.debrief, { reports: this.reports });
  }

  /** Another room took this round over (it was resumed elsewhere): this one stops playing it. */
  lostRound(): void {
    if (this.rules.clock) this.enter("paused");
  }

  endSession(): void {
    if (this.round && !this.round.over && this.phase !== "lobby") this.endRound("host");
    this.enter("ended");
    this.ports.persist.ended(new Date(this.ports.clock.now()).toISOString());
    this.ports.send.toAll(S2C.kicked, { reason: "session_ended" });
    this.ports.clock.setTimeout(() => this.ports.send.closeRoom(SESSION_ENDED_CLOSE_CODE), ROOM_TIMING.endGraceMs);
  }

  /**
   * The server is stopping (SIGTERM, a deploy): the round stops where it stands, inputs waiting for
   * the next tick are answered, the log and the snapshot are written now, and everyone is told
   * before the sockets close with their own code, so clients wait for the session to come back
   * instead of reading it as a leave. Resolves once what the session knows is stored.
   */
  async stopForRestart(): Promise<void> {
    if (this.stopping || this.phase === "ended") return;
    this.stopping = true;
    this.time.stop();
    this.round?.stop();
    this.persistTimer?.clear();
    this.persistTimer = null;
    this.ports.send.toAll(S2C.restarting, { reason: "server_restarting" });
    this.ports.send.closeRoom(SERVER_RESTART_CLOSE_CODE);
    await Promise.all([this.ports.persist.saveSnapshot(snapshotOf(this)), this.round?.sink?.settled?.()]);
  }

  /** Appends an annotation (join, leave, move, pause…) to the round's log at the current tick. */
  annotate(entry: DistributiveOmit<LogEntry, "tick">): void {
    if (this.round) this.round.annotate({ ...entry, tick: this.round.state.tick } as LogEntry);
  }

  get clockRunning(): boolean {
    return this.time.clockRunning;
  }

  /** One tick of the round: inputs, bots, the engine; then the synced state and the feeds. */
  onTick(): void {
    const round = this.round;
    if (!round || !this.rules.clock) return;
    const before = round.log.entries.length;
    try {
      round.tick((seat) => this.roster.get(seat)?.team ?? NO_TEAM);
    } catch (e) {
      console.error(`session ${this.code}: tick failed`, e);
      this.enter("paused");
      return;
    }
    this.publishMatch();
    // Commands a freeze already put in the feed are not told twice.
    const lines = tickLines(round.state, round.log.entries.slice(before), (seat) => this.nicknameOf(seat), (e) => round.announced.has(e));
    for (const { team, line } of lines.feed) this.feed(team, line);
    for (const banner of lines.banners) this.ports.publish.banner(banner);
    if (round.over) this.endRound("time");
  }

  // ── publishing and persistence ─────────────────────────────────────────────

  /** After any change to seats or setup: publish it, and save it soon. */
  changed(): void {
    this.publishSession();
    this.persist();
  }

  publishSession(): void {
    if (!this.disposed) this.ports.publish.session(sessionRows(this));
  }

  private publishMatch(): void {
    if (this.round && !this.disposed) this.ports.publish.match(matchRows(this.round.state));
  }

  /** Saves who sits where and the setup (at most a few times a second). */
  persist(): void {
    if (this.persistTimer || this.disposed) return;
    this.persistTimer = this.ports.clock.setTimeout(() => {
      this.persistTimer = null;
      this.ports.persist.saveSnapshot(snapshotOf(this));
    }, ROOM_TIMING.persistDelayMs);
  }

  // ── lifetime ───────────────────────────────────────────────────────────────

  /** A session nobody has been in for a while is closed (a round under way is ended first). */
  private armIdleTimer(): void {
    this.idleTimer?.clear();
    this.idleTimer = null;
    if (this.connections > 0 || this.disposed) return;
    this.idleTimer = this.ports.clock.setTimeout(() => {
      if (this.connections > 0) return;
      if (this.round && !this.round.over && this.phase !== "lobby") this.endRound("host");
      this.ports.send.closeRoom();
    }, ROOM_TIMING.idleCloseMs);
  }

  /** The room is gone: no timer of this session may fire again. */
  dispose(): void {
    this.disposed = true;
    this.time.stop();
    for (const t of [this.idleTimer, this.persistTimer]) t?.clear();
    if (this.persistTimer) this.ports.persist.saveSnapshot(snapshotOf(this));
    this.idleTimer = this.persistTimer = null;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
