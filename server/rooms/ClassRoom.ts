import { Room, ServerError, type AuthContext, type Client } from "@colyseus/core";
import { StateView, type ArraySchema } from "@colyseus/schema";
import type { Delayed } from "@colyseus/timer";
import { SCENARIOS } from "../../shared/scenarios";
import type { BotName } from "../../shared/bots/names";
import type { GameEvent } from "../../shared/engine/types";
import { buildReport, type RoundReport } from "../../shared/debrief/report";
import { seriesForTeam } from "../../shared/debrief/series";
import type { LogEntry } from "../../shared/log/format";
import { JOIN_ERROR_CODE, KICKED_CLOSE_CODE, SERVER_RESTART_CLOSE_CODE, SESSION_ENDED_CLOSE_CODE, type ProtocolErrorCode } from "../../shared/protocol/codes";
import { LIMITS } from "../../shared/protocol/limits";
import {
  C2S, ChooseTeamSchema, CommandMessageSchema, HostMessageSchema, JoinOptionsSchema, S2C,
  type AppliedMessage, type HostCommand, type LostMessage, type ResultMessage, type WelcomeMessage, type WireError,
} from "../../shared/protocol/messages";
import { HOST_SEAT, type Phase, type Role } from "../../shared/protocol/phases";
import { RateLimiter } from "../session/RateLimiter";
import { Roster, type Seat } from "../session/Roster";
import { Round } from "../session/Round";
import { newSeed, secretMatches } from "../session/secrets";
import type { Store } from "../store/Store";
import type { CodeRegistry } from "../cluster/coordination";
import type { SessionStatus } from "../http/live";
import { StoreSink } from "../store/sink";
import { restoreRoom, snapshotOf } from "./persistence";
import { BannerState, ClassState, SeatState, TeamState } from "./schema/ClassState";
import { FeedEntryState } from "./schema/DatacenterState";
import { freshDatacenters, mirrorDatacenter, mirrorDemand, mirrorTeam } from "./mirror";
import { runHostCommand } from "./host";
import { JoinRefused, SeatDesk, type Auth, type SeatRoom } from "./seats";

export interface ClassRoomOptions {
  code: string;
  hostSecretHash: string;
  practice?: boolean;
  hostNickname?: string;
  /** Rebuild the session from the store (the server was restarted while it was open). */
  recover?: boolean;
}

/** Services the app hands to rooms. */
export interface RoomServices {
  /** Sessions, rounds and match logs; without it (some tests) nothing is kept. */
  store?: Store;
  /** Room codes shared by every server process (ended codes are remembered there). */
  codes?: CodeRegistry;
  now?: () => number;
}

interface Conn {
  seat: number;
  role: Role;
  limiter: RateLimiter;
}

const DEFAULT_TEAM_NAMES = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"];
const PRACTICE_BOTS: BotName[] = ["containers-autoscale", "vm-preprovision", "bare-metal"];

export function joinError(code: ProtocolErrorCode, params: WireError["params"] = {}): ServerError {
  return new ServerError(JOIN_ERROR_CODE, JSON.stringify({ code, params }));
}

/**
 * One class session: the teacher (seat 0), the students, the teams, and the rounds played.
 * The room owns time, identity and rights; the engine decides what a command does.
 */
export class ClassRoom extends Room<ClassState> implements SeatRoom {
  static services: RoomServices = {};
  /** The rooms this process holds (told when the server stops). */
  static readonly live = new Set<ClassRoom>();

  override state = new ClassState();
  readonly roster = new Roster();
  round: Round | null = null;
  reports: RoundReport[] = [];
  bots: (BotName | null)[] = [];
  private hostSecretHash = "";
  private tickTimer: Delayed | null = null;
  private idleTimer: Delayed | null = null;
  private persistTimer: Delayed | null = null;
  private readonly connections = new Map<number, Set<Client>>();
  readonly desk = new SeatDesk(this);
  /** Dropped connections each seat may still come back on (cancelled when the seat is removed). */
  private readonly awaiting = new Map<number, Set<ReturnType<Room["allowReconnection"]>>>();
  /** The server is stopping: no more ticks, no leave notes, no reconnection windows. */
  private stopping = false;

  override async onCreate(options: ClassRoomOptions): Promise<void> {
    this.roomId = options.code;
    this.hostSecretHash = options.hostSecretHash;
    this.autoDispose = false;
    // Colyseus counts seat reservations against maxClients and locks the room when they reach it:
    // anyone with the code could fill it with reservations that never connect. The class cap is
    // enforced on real seats (SeatDesk); this only bounds connections plus reservations in flight.
    this.maxClients = LIMITS.maxStudents * LIMITS.tabsPerSeat + 50;
    this.setSeatReservationTime(LIMITS.seatReservationSeconds);
    ClassRoom.live.add(this);
    void this.setPrivate(true);
    this.state.code = options.code;
    this.state.practice = options.practice === true;
    this.state.datacenters = freshDatacenters(LIMITS.maxTeams);
    this.applyConfig({ type: "configure", scenario: "exam-morning", tickRate: LIMITS.defaultTickRate, maxStudents: LIMITS.defaultStudents });
    this.setTeams(DEFAULT_TEAM_NAMES.slice(0, 4));
    if (this.state.practice) {
      this.roster.ensureHost(options.hostNickname ?? "Player", 0);
      PRACTICE_BOTS.forEach((bot, i) => this.setBot(i + 1, bot));
      this.state.config.tickRate = 2;
    }
    // Colyseus looks message types up in a plain object, so a client sending the type "__proto__"
    // or "constructor" reached Object.prototype and crashed the process; without a prototype they
    // are unknown types like any other.
    const handlers = this as unknown as { onMessageHandlers: Record<string, unknown> };
    handlers.onMessageHandlers = Object.assign(Object.create(null) as Record<string, unknown>, handlers.onMessageHandlers);
    this.onMessage(C2S.command, (client, message) => this.guard(client, C2S.command, message, () => this.onCommand(client, message)));
    this.onMessage(C2S.host, (client, message) => this.guard(client, C2S.host, message, () => this.onHost(client, message)));
    this.onMessage(C2S.chooseTeam, (client, message) => this.guard(client, C2S.chooseTeam, message, () => this.onChooseTeam(client, message)));
    if (options.recover && ClassRoom.services.store) await restoreRoom(this, ClassRoom.services.store, options.code);
    this.onMessage("*", (client, type, message) => {
      const name = String(type).slice(0, 40);
      this.guard(client, name, message, () => this.refuse(client, message, { code: "unknown_message", params: { type: name } }, name));
    });
    this.armIdleTimer();
  }

  // ── joining ────────────────────────────────────────────────────────────────

  override onAuth(_client: Client, raw: unknown, context: AuthContext): Auth {
    const parsed = JoinOptionsSchema.safeParse(raw ?? {});
    if (!parsed.success) throw joinError("bad_options", { path: parsed.error.issues[0]?.path.join(".") ?? "" });
    const options = parsed.data;
    if (this.phase === "ended") throw joinError("session_ended");
    if (this.stopping) throw joinError("server_restarting");
    if (options.hostSecret !== undefined) {
      if (!secretMatches(options.hostSecret, this.hostSecretHash)) throw joinError("bad_secret");
      return { role: "host" };
    }
    return refusedAsJoinError(() => this.desk.admitStudent(options, String(context?.ip ?? "")));
  }

  override onJoin(client: Client, _options: unknown, auth: Auth): void {
    let seat: Seat;
    let token = "";
    if (auth.role === "host") {
      seat = this.roster.ensureHost("Teacher", -1);
    } else if ("seat" in auth) {
      const existing = this.roster.get(auth.seat);
      if (!existing) throw joinError("unknown_seat");
      seat = existing;
      refusedAsJoinError(() => this.desk.checkTabs(seat));
      // A browser that came back without its seat token gets a new one (the old one stops working).
      if (auth.reissue) token = this.roster.reissueToken(seat);
      this.roster.addDevice(seat, auth.device);
    } else {
      // Checked again: two students may have asked for the same nickname at the same moment.
      refusedAsJoinError(() => this.desk.checkRoom(auth.nickname));
      const created = this.roster.addStudent(auth.nickname, auth.device);
      seat = created.seat;
      token = created.token;
    }
    client.userData = { seat: seat.seat, role: seat.role, limiter: new RateLimiter(LIMITS.ratePerSecond, LIMITS.rateBurst, this.now()) } satisfies Conn;
    client.view = new StateView();
    this.attach(client, seat);
    const welcome: WelcomeMessage = { seat: seat.seat, role: seat.role, seatToken: token, nickname: seat.nickname, team: seat.team };
    client.send(S2C.welcome, welcome);
    this.sendCatchUp(client, seat);
    this.persist();
    this.round?.annotate({ tick: this.round.state.tick, type: "join", seat: seat.seat, nickname: seat.nickname, team: seat.team });
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const conn = client.userData as Conn | undefined;
    if (!conn) return;
    this.detach(client, conn.seat);
    const seat = this.roster.get(conn.seat);
    if (!seat) return;
    // Once the session has ended its logs are final (and the teacher may already have deleted them);
    // once the server is stopping, the log already says so.
    if (this.phase === "ended" || this.stopping) return;
    this.round?.annotate({ tick: this.round.state.tick, type: "leave", seat: seat.seat, nickname: seat.nickname, team: seat.team });
    if (consented) return;
    try {
      const pending = this.allowReconnection(client, LIMITS.reconnectSeconds);
      const waiting = this.awaiting.get(seat.seat) ?? new Set();
      this.awaiting.set(seat.seat, waiting.add(pending));
      let back: Client;
      try {
        back = await pending;
      } finally {
        waiting.delete(pending);
      }
      const again = this.roster.get(conn.seat);
      if (!again) return back.leave(KICKED_CLOSE_CODE);
      this.attach(back, again);
      // A reloaded page has forgotten who it is: tell it again (its seat token stays in its storage).
      back.send(S2C.welcome, { seat: again.seat, role: again.role, seatToken: "", nickname: again.nickname, team: again.team } satisfies WelcomeMessage);
      this.sendCatchUp(back, again);
      this.round?.annotate({ tick: this.round.state.tick, type: "join", seat: again.seat, nickname: again.nickname, team: again.team });
    } catch {
      // The seat stays: its seat token can still take it back later.
    }
  }

  private attach(client: Client, seat: Seat): void {
    let set = this.connections.get(seat.seat);
    if (!set) this.connections.set(seat.seat, (set = new Set()));
    set.add(client);
    seat.connected = true;
    this.syncSeat(seat);
    this.refreshView(client);
    this.armIdleTimer();
  }

  private detach(client: Client, seatId: number): void {
    const set = this.connections.get(seatId);
    set?.delete(client);
    const seat = this.roster.get(seatId);
    if (seat && (!set || set.size === 0)) {
      seat.connected = false;
      this.syncSeat(seat);
    }
    this.armIdleTimer();
  }

  /** History and debriefs a client missed (joining late, or back after a reload). */
  private sendCatchUp(client: Client, seat: Seat): void {
    if (this.round && this.phase !== "lobby") {
      const series = seat.role === "host" ? this.round.series : seriesForTeam(this.round.series, seat.team);
      client.send(S2C.history, { round: this.state.round.number, tick: this.round.state.tick, series });
    }
    if (this.reports.length > 0) client.send(S2C.debrief, { reports: this.reports });
    if (seat.role === "host") client.send(S2C.bans, { bans: this.desk.banList() });
    this.sendLost(seat);
  }

  /** After a rebuild: the seat's commands acknowledged before the stop that were never played. */
  private sendLost(seat: Seat): void {
    const round = this.round;
    const lost = round?.lost.get(seat.seat);
    if (!round || !lost || this.clientsOf(seat.seat).length === 0) return;
    round.lost.delete(seat.seat);
    const message: LostMessage = {
      cause: round.stoppedBy ?? "crash", tick: round.state.tick,
      commands: lost.map((l) => ({ id: l.request, tick: l.tick, command: l.command })),
    };
    for (const c of this.clientsOf(seat.seat)) c.send(S2C.lost, message);
  }

  // ── SeatRoom: what the seat desk uses ───────────────────────────────────────

  get joiningLocked(): boolean {
    return this.state.locked;
  }

  get maxStudents(): number {
    return this.state.config.maxStudents;
  }

  teamCount(): number {
    return this.state.teams.length;
  }

  playable(team: number): boolean {
    return team >= 0 && team < this.state.teams.length && !this.bots[team];
  }

  forgetReconnection(seat: number): void {
    for (const pending of this.awaiting.get(seat) ?? []) pending.reject(new Error("seat removed"));
    this.awaiting.delete(seat);
  }

  sendToHost(type: string, message: unknown): void {
    for (const c of this.clientsOf(HOST_SEAT)) c.send(type, message);
  }

  clientsOf(seat: number): Client[] {
    return [...(this.connections.get(seat) ?? [])];
  }

  /** Which datacenters a client sees: all for the teacher, its own team's for a student. */
  refreshView(client: Client): void {
    const conn = client.userData as Conn;
    const seat = this.roster.get(conn.seat);
    const view = client.view!;
    this.state.datacenters.forEach((dc, t) => {
      const visible = conn.role === "host" || (seat !== undefined && seat.team === t);
      if (visible && !view.has(dc)) view.add(dc);
      else if (!visible && view.has(dc)) view.remove(dc);
    });
  }

  refreshSeatViews(seat: number): void {
    for (const c of this.clientsOf(seat)) this.refreshView(c);
  }

  syncSeat(seat: Seat): void {
    const key = String(seat.seat);
    let s = this.state.seats.get(key);
    if (!s) {
      s = new SeatState();
      s.seat = seat.seat;
      this.state.seats.set(key, s);
    }
    s.nickname = seat.nickname;
    s.role = seat.role;
    s.team = seat.team;
    s.connected = seat.connected;
    s.asks = seat.asks;
    this.countMembers();
  }

  removeSeatState(seat: number): void {
    this.state.seats.delete(String(seat));
    this.countMembers();
  }

  private countMembers(): void {
    this.state.teams.forEach((t, i) => {
      const n = this.roster.members(i).length;
      if (t.members !== n) t.members = n;
    });
  }

  // ── messages ───────────────────────────────────────────────────────────────

  /** Size and rate checks every message passes before it is even parsed. */
  private guard(client: Client, type: string, message: unknown, run: () => void): void {
    const conn = client.userData as Conn | undefined;
    if (!conn) return;
    let size = 0;
    try {
      size = JSON.stringify(message ?? null).length;
    } catch {
      size = Infinity;
    }
    if (size > LIMITS.payloadMaxBytes) return this.refuse(client, message, { code: "payload_too_large", params: { max: LIMITS.payloadMaxBytes } }, type);
    if (!conn.limiter.take(this.now())) return this.refuse(client, message, { code: "rate_limited", params: { perSecond: LIMITS.ratePerSecond } }, type);
    try {
      run();
    } catch (e) {
      // A bug must cost one message, never the room.
      console.error(`room ${this.roomId}: ${type} failed`, e);
      this.refuse(client, message, { code: "bad_message", params: { type } }, type);
    }
  }

  sendError(client: Client, error: WireError, type?: string, id?: number): void {
    client.send(S2C.error, id === undefined ? { error, type } : { error, type, id });
  }

  /** Refuses a message unread, echoing its request id when one can be read so the sender's wait ends. */
  private refuse(client: Client, message: unknown, error: WireError, type: string): void {
    const id = (message as { id?: unknown } | null)?.id;
    const known = typeof id === "number" && Number.isInteger(id) && id >= 0 && id <= 2_147_483_647;
    this.sendError(client, error, type, known ? id : undefined);
  }

  sendResult(client: Client, result: ResultMessage): void {
    client.send(S2C.result, result);
  }

  private onCommand(client: Client, message: unknown): void {
    const parsed = CommandMessageSchema.safeParse(message);
    if (!parsed.success) return this.refuse(client, message, badMessage(parsed.error), C2S.command);
    const { id, command } = parsed.data;
    const conn = client.userData as Conn;
    const seat = this.roster.get(conn.seat);
    const refuse = (error: WireError) => this.sendResult(client, { id, ok: false, error });
    if (!seat || (seat.role === "host" && !this.state.practice)) return refuse({ code: "not_host", params: {} });
    if (seat.team < 0) return refuse({ code: "no_team", params: {} });
    if (this.phase !== "playing" || !this.round) return refuse({ code: "not_playing", params: { phase: this.phase } });
    if (this.bots[seat.team]) return refuse({ code: "team_is_bot", params: { team: seat.team } });
    // Answered at once with the engine's verdict (see Round.enqueue); applied on the tick.
    const error = this.round.enqueue({
      input: { kind: "command", seat: seat.seat, team: seat.team, command },
      client: client.sessionId,
      requestId: id,
      reply: (outcome) => this.sendApplied(client, { id, ...outcome }),
    });
    if (error) return refuse(error);
    this.sendResult(client, { id, ok: true, tick: this.round.state.tick, queued: true });
  }

  /** "Applied" goes out once the tick that applied it is stored: a player is never told of a change a crash could undo. */
  sendApplied(client: Client, applied: AppliedMessage): void {
    const sink = this.round?.sink;
    if (sink instanceof StoreSink) sink.afterCommit(() => client.send(S2C.applied, applied));
    else client.send(S2C.applied, applied);
  }

  private onChooseTeam(client: Client, message: unknown): void {
    const parsed = ChooseTeamSchema.safeParse(message);
    if (!parsed.success) return this.refuse(client, message, badMessage(parsed.error), C2S.chooseTeam);
    const { id, team } = parsed.data;
    const conn = client.userData as Conn;
    const seat = this.roster.get(conn.seat);
    const refuse = (error: WireError) => this.sendResult(client, { id, ok: false, error });
    if (!seat || (seat.role === "host" && !this.state.practice)) return refuse({ code: "not_host", params: {} });
    if (team >= this.state.teams.length) return refuse({ code: "unknown_team", params: { team } });
    if (this.bots[team]) return refuse({ code: "team_is_bot", params: { team } });
    // Mid-round, team membership is the teacher's: a seat never hops teams, and a seat without one
    // asks (a second seat could otherwise walk into a rival's datacenter and sell it off).
    const midRound = this.phase === "playing" || this.phase === "paused";
    if (midRound && seat.team >= 0 && seat.team !== team) return refuse({ code: "wrong_phase", params: { phase: this.phase } });
    if (midRound && seat.team < 0 && seat.role === "student") {
      this.desk.ask(seat, team);
      return this.sendResult(client, { id, ok: true, tick: this.state.tick, pending: true });
    }
    this.moveSeat(seat, team);
    this.sendResult(client, { id, ok: true, tick: this.state.tick });
  }

  moveSeat(seat: Seat, team: number): void {
    if (seat.team === team && seat.asks < 0) return;
    seat.team = team;
    seat.asks = -1;
    this.syncSeat(seat);
    this.refreshSeatViews(seat.seat);
    this.round?.annotate({ tick: this.round.state.tick, type: "move", seat: seat.seat, team });
    if (this.round && team >= 0) {
      for (const c of this.clientsOf(seat.seat)) {
        c.send(S2C.history, { round: this.state.round.number, tick: this.round.state.tick, series: seriesForTeam(this.round.series, team) });
      }
    }
    this.persist();
  }

  private onHost(client: Client, message: unknown): void {
    const parsed = HostMessageSchema.safeParse(message);
    if (!parsed.success) return this.refuse(client, message, badMessage(parsed.error), C2S.host);
    const { id, action } = parsed.data;
    const conn = client.userData as Conn;
    if (conn.role !== "host") return this.sendResult(client, { id, ok: false, error: { code: "not_host", params: {} } });
    const error = runHostCommand(this, client, id, action);
    if (error) this.sendResult(client, { id, ok: false, error });
    else this.sendResult(client, { id, ok: true, tick: this.state.tick, ...(action.type === "incident" ? { queued: true } : {}) });
  }

  // ── configuration and teams ──────────────────────────────────────────────

  get phase(): Phase {
    return this.state.phase as Phase;
  }

  setPhase(phase: Phase): void {
    this.state.phase = phase;
  }

  applyConfig(c: Extract<HostCommand, { type: "configure" }>): void {
    const cfg = this.state.config;
    if (c.scenario !== undefined && c.scenario !== cfg.scenario) {
      const scn = SCENARIOS[c.scenario as keyof typeof SCENARIOS];
      cfg.scenario = scn.id;
      cfg.budget = scn.budget;
      setStrings(cfg.unlocks, scn.unlocks);
    }
    if (cfg.budget === 0) cfg.budget = SCENARIOS[cfg.scenario as keyof typeof SCENARIOS].budget;
    if (cfg.unlocks.length === 0 && c.unlocks === undefined) cfg.unlocks.push(...SCENARIOS[cfg.scenario as keyof typeof SCENARIOS].unlocks);
    if (c.budget !== undefined) cfg.budget = c.budget;
    if (c.tickRate !== undefined) cfg.tickRate = c.tickRate;
    if (c.unlocks !== undefined) setStrings(cfg.unlocks, new Set(c.unlocks));
    if (c.trafficPct !== undefined) cfg.trafficPct = c.trafficPct;
    if (c.scriptedIncidents !== undefined) cfg.scriptedIncidents = c.scriptedIncidents;
    if (c.maxStudents !== undefined) cfg.maxStudents = c.maxStudents;
    if (c.teams !== undefined) this.setTeams(c.teams);
    this.persist();
  }

  setTeams(names: readonly string[]): void {
    while (this.state.teams.length > names.length) this.state.teams.pop();
    names.forEach((name, i) => {
      let t = this.state.teams[i];
      if (!t) {
        t = new TeamState();
        t.index = i;
        this.state.teams.push(t);
      }
      t.name = name;
    });
    this.bots = names.map((_, i) => this.bots[i] ?? null);
    this.state.teams.forEach((t, i) => { t.bot = this.bots[i] ?? ""; });
    for (const s of this.roster.all()) {
      if (s.team >= names.length) this.moveSeat(s, -1);
    }
    this.countMembers();
  }

  setBot(team: number, bot: BotName | null): void {
    this.bots[team] = bot;
    this.state.teams[team].bot = bot ?? "";
    this.round?.setBot(team, bot);
    this.persist();
  }

  // ── rounds ─────────────────────────────────────────────────────────────────

  /** lobby/over → briefing: a fresh match from the config, shown as a forecast. */
  openBriefing(): void {
    const cfg = this.state.config;
    const number = this.state.round.number + 1;
    const settings = {
      scenario: cfg.scenario as keyof typeof SCENARIOS,
      teams: this.state.teams.map((t) => t.name),
      budget: cfg.budget,
      unlocks: [...cfg.unlocks] as never[],
      trafficPct: cfg.trafficPct,
      scriptedIncidents: cfg.scriptedIncidents,
    };
    this.round = new Round({
      settings, seed: newSeed(), room: this.roomId, round: number,
      roster: this.roster.all().map((s) => ({ seat: s.seat, nickname: s.nickname, role: s.role, team: s.team })),
      bots: [...this.bots], startedAt: new Date(this.now()).toISOString(),
      sink: ClassRoom.services.store ? new StoreSink(ClassRoom.services.store, this.roomId, undefined, () => this.lostRound()) : undefined,
    });
    this.showRound(this.round, number);
    this.setPhase("briefing");
    this.persist();
  }

  /** Puts a round's world in the synced state (and its datacenters, as they stand). */
  private showRound(round: Round, number: number): void {
    const world = round.state.world;
    const r = this.state.round;
    r.number = number;
    r.scenario = round.state.scenario;
    r.ticks = world.ticks;
    r.startMinute = world.startMinute;
    r.budget = world.budget;
    r.cashFloor = world.cashFloor;
    setStrings(r.unlocks, world.unlocks);
    setStrings(r.apps, world.apps);
    r.trafficPct = world.trafficPct;
    r.paymentIsolation = world.paymentIsolation;
    r.rent = world.rent;
    r.tickRate = this.state.config.tickRate;
    this.state.banners.clear();
    for (const dc of this.state.datacenters) dc.feed.clear();
    this.mirror([]);
  }

  /** Takes over a round rebuilt from its log after a restart: shown paused, for the teacher to resume. */
  adoptRound(round: Round): void {
    this.round = round;
    this.showRound(round, round.log.header.round);
    this.setPhase(round.state.tick > 0 ? "paused" : "briefing");
  }

  /** Saves who sits where and the setup (at most a few times a second). */
  persist(): void {
    const store = ClassRoom.services.store;
    if (!store || this.persistTimer) return;
    this.persistTimer = this.clock.setTimeout(() => {
      this.persistTimer = null;
      store.saveSnapshot(this.roomId, snapshotOf(this)).catch((e: Error) => console.error(`room ${this.roomId}: snapshot not saved`, e.message));
    }, 200);
  }

  /** Another room took this round over (it was resumed elsewhere): this one stops playing it. */
  lostRound(): void {
    this.stopClock();
    this.setPhase("paused");
  }

  startClock(): void {
    this.stopClock();
    const ms = Math.round(1000 / this.state.round.tickRate);
    this.tickTimer = this.clock.setInterval(() => this.onTick(), ms);
  }

  stopClock(): void {
    this.tickTimer?.clear();
    this.tickTimer = null;
  }

  private onTick(): void {
    const round = this.round;
    if (!round || this.phase !== "playing") return;
    const before = round.log.entries.length;
    try {
      round.tick((seat) => this.roster.get(seat)?.team ?? -1);
    } catch (e) {
      console.error(`room ${this.roomId}: tick failed`, e);
      this.stopClock();
      this.setPhase("paused");
      return;
    }
    this.mirror(round.log.entries.slice(before), true);
    if (round.over) this.endRound("time");
  }

  /** Engine → schema, plus feed lines for what happened this tick. */
  private mirror(newEntries: LogEntry[], withEvents = false): void {
    const round = this.round;
    if (!round) return;
    const st = round.state;
    this.state.tick = st.tick;
    mirrorDemand(this.state.demand, st);
    st.teams.forEach((team, i) => {
      mirrorTeam(this.state.teams[i], team);
      mirrorDatacenter(this.state.datacenters[i], team, st.world.apps);
    });
    for (const e of newEntries) {
      if (e.type === "command") this.feed(e.team, e.tick, e.seat, "command", JSON.stringify(e.command));
    }
    if (withEvents) for (const ev of st.events) this.onEvent(ev, st.tick - 1);
  }

  private onEvent(ev: GameEvent, tick: number): void {
    if (ev.kind === "spike") {
      this.banner({ tick, team: -1, kind: "spike", app: "", hit: 0, cost: 0 });
      return;
    }
    this.feed(ev.team, tick, -2, "event", JSON.stringify(ev));
    if (ev.kind === "incident") this.banner({ tick, team: ev.team, kind: ev.incident, app: ev.app ?? "", hit: ev.hit.length, cost: ev.cost });
  }

  feed(team: number, tick: number, seat: number, kind: string, data: string): void {
    const dc = this.state.datacenters[team];
    if (!dc) return;
    const entry = new FeedEntryState();
    entry.tick = tick;
    entry.seat = seat;
    entry.who = seat >= 0 ? this.roster.get(seat)?.nickname ?? "?" : "";
    entry.kind = kind;
    entry.data = data;
    dc.feed.push(entry);
    while (dc.feed.length > LIMITS.feedLength) dc.feed.shift();
  }

  private banner(b: { tick: number; team: number; kind: string; app: string; hit: number; cost: number }): void {
    const s = new BannerState();
    Object.assign(s, b);
    this.state.banners.push(s);
    while (this.state.banners.length > LIMITS.bannerLength) this.state.banners.shift();
  }

  /** Ends the round: results fixed, debrief sent to everyone. */
  endRound(endedBy: "time" | "host"): void {
    const round = this.round;
    if (!round) return;
    this.stopClock();
    if (round.state.tick === 0) {
      // Called off during the briefing: nothing was played, so there is nothing to debrief.
      round.discard();
      this.round = null;
      this.state.round.number -= 1;
      this.setPhase(this.reports.length > 0 ? "over" : "lobby");
      return;
    }
    const final = round.finish(endedBy);
    const report = buildReport(this.state.round.number, round.state, final.results, round.series, round.log.entries);
    this.reports.push(report);
    if (round.sink instanceof StoreSink) round.sink.saveReport(report);
    this.mirror([]);
    this.setPhase("over");
    this.broadcast(S2C.debrief, { reports: this.reports });
    this.persist();
  }

  endSession(): void {
    if (this.round && !this.round.over && this.phase !== "lobby") this.endRound("host");
    this.stopClock();
    this.setPhase("ended");
    void ClassRoom.services.codes?.markEnded(this.roomId).catch(() => {});
    ClassRoom.services.store?.endSession(this.roomId, new Date(this.now()).toISOString()).catch((e: Error) => console.error(`room ${this.roomId}: end not saved`, e.message));
    this.broadcast(S2C.kicked, { reason: "session_ended" });
    this.clock.setTimeout(() => void this.disconnect(SESSION_ENDED_CLOSE_CODE), 500);
  }

  /**
   * The server is stopping (SIGTERM, a deploy): the round stops where it stands, inputs waiting for
   * the next tick are answered, the log and the snapshot are written now, and everyone is told
   * before the socket closes with its own code, so clients wait for the session to come back
   * instead of reading it as a leave.
   */
  async stopForRestart(): Promise<void> {
    if (this.stopping || this.phase === "ended") return;
    this.stopping = true;
    this.stopClock();
    this.round?.stop();
    this.persistTimer?.clear();
    this.persistTimer = null;
    this.broadcast(S2C.restarting, { reason: "server_restarting" });
    void this.disconnect(SERVER_RESTART_CLOSE_CODE);
    // The process exits once this resolves: what the room knows must be stored first.
    const store = ClassRoom.services.store;
    const sink = this.round?.sink;
    await Promise.all([
      store?.saveSnapshot(this.roomId, snapshotOf(this)).catch((e: Error) => console.error(`room ${this.roomId}: snapshot not saved`, e.message)),
      sink instanceof StoreSink ? sink.settled() : undefined,
    ]);
  }

  override onDispose(): void {
    ClassRoom.live.delete(this);
  }

  /** A room nobody has been in for 30 minutes is closed (its logs are already kept). */
  private armIdleTimer(): void {
    this.idleTimer?.clear();
    if (this.clients.length > 0) return;
    this.idleTimer = this.clock.setTimeout(() => {
      if (this.clients.length === 0) {
        if (this.round && !this.round.over && this.phase !== "lobby") this.endRound("host");
        void this.disconnect();
      }
    }, 30 * 60 * 1000);
  }

  now(): number {
    return ClassRoom.services.now?.() ?? Date.now();
  }

  /** What `GET /api/sessions/:code` says of this room (also asked by other processes, through Colyseus IPC). */
  apiStatus(): SessionStatus {
    const st = this.state;
    const status = st.phase === "ended" ? "ended" : st.locked ? "locked" : this.roster.studentCount() >= st.config.maxStudents ? "full" : "open";
    return { code: this.roomId, status, phase: st.phase, practice: st.practice };
  }

  hostSeat(): Seat | undefined {
    return this.roster.get(HOST_SEAT);
  }
}

/** Replaces a string list only when it differs (ArraySchema cannot splice-insert). */
function setStrings(list: ArraySchema<string>, values: Iterable<string>): void {
  const next = [...values];
  if (list.length === next.length && next.every((v, i) => list[i] === v)) return;
  list.clear();
  list.push(...next);
}

/** A SeatDesk refusal, as the join error colyseus.js reports to the client. */
function refusedAsJoinError<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof JoinRefused) throw joinError(e.error.code as ProtocolErrorCode, e.error.params);
    throw e;
  }
}

function badMessage(error: { issues: { path: PropertyKey[]; code: string }[] }): WireError {
  const issue = error.issues[0];
  return { code: "bad_message", params: { path: issue ? issue.path.map(String).join(".") : "", issue: issue?.code ?? "invalid" } };
}
