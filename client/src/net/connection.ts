/**
 * The one door to the room: the only module that holds a colyseus.js Room. It joins (as a new
 * student, back into a known seat, or as the host), matches requests with their replies, recovers
 * the seat after a drop, and hands everything it hears to one sink.
 */
import { Client, type Room } from "colyseus.js";
import type { RoomRow } from "../../../shared/view/rows";
import { KICKED_CLOSE_CODE, SERVER_RESTART_CLOSE_CODE, SESSION_ENDED_CLOSE_CODE } from "../../../shared/protocol/codes";
import { LIMITS } from "../../../shared/protocol/limits";
import {
  C2S, S2C, type ActivityMessage, type AppliedMessage, type BansMessage, type ErrorMessage, type HostCommand, type KickedMessage, type LostMessage, type MovingMessage,
  type NoticeMessage, type RequestMessage, type ResultMessage, type WelcomeMessage,
} from "../../../shared/protocol/messages";
import type { Command } from "../../../shared/engine";
import type { Api } from "./api";
import { JoinError, joinErrorOf } from "./errors";
import { recoverSeat, type RecoverOutcome } from "./reconnect";
import { CONNECTION_FAILED, PendingRequests } from "./requests";
import { snapshot } from "./snapshot";
import { memory } from "./storage";
import type { DebriefMessage, HistoryMessage, NetSink, Role, RoomIntents } from "./types";

export interface ConnectionOptions {
  /** ws:// or wss:// address of the server. */
  wsUrl: string;
  api: Api;
  sink: NetSink;
  /** The page's language, sent when joining (the server words its notices in it). */
  lang(): "en" | "zh-CN";
}

export class Connection implements RoomIntents {
  private readonly client: Client;
  /** The room's synced state is the rows of shared/view (the schema classes implement them). */
  private room: Room<RoomRow> | null = null;
  private readonly requests = new PendingRequests();
  private leaving = false;
  /** The server said it is stopping: wait for it to come back, however long that takes. */
  private restarting = false;
  /** The room this connection is in (or was last in). */
  code = "";

  constructor(private readonly opts: ConnectionOptions) {
    this.client = new Client(opts.wsUrl);
  }

  get connected(): boolean {
    return this.room !== null;
  }

  /** Asks the server for a new session (or a practice room) and joins it as its host. */
  async hostNew(practice: boolean, nickname?: string): Promise<string> {
    const { code, hostSecret } = await this.opts.api.createSession(practice, nickname);
    await this.attach(code, { hostSecret }, "host");
    return code;
  }

  /** Comes back as host of a session this browser created (after a reload or a sleeping laptop). */
  async hostResume(code: string): Promise<void> {
    const secret = memory.hostSecret(code);
    if (!secret) throw new JoinError("bad_secret");
    await this.attach(code, { hostSecret: secret }, "host");
  }

  /** Joins as a student; if this browser already had a seat in that room, takes it back. */
  async join(code: string, nickname: string): Promise<void> {
    const seat = memory.seat(code);
    if (seat && seat.role === "student") {
      try {
        await this.resumeSeat(code);
        return;
      } catch { /* the seat is gone: join as new */ }
    }
    await this.attach(code, { nickname, device: memory.device() }, "student");
  }

  /** Back into a known seat: the 2-minute reconnection token first, then the seat token. */
  async resumeSeat(code: string): Promise<void> {
    const seat = memory.seat(code);
    if (!seat) throw new JoinError("unknown_seat");
    try {
      const room = await this.client.reconnect<RoomRow>(seat.reconnectionToken);
      this.bind(room, code, seat.role);
      return;
    } catch { /* expired: try the seat token */ }
    if (seat.role === "host") return this.hostResume(code);
    // With the nickname too: if the teacher cleared this seat while it was away, a new one is made.
    await this.attach(code, { seatToken: seat.seatToken, nickname: seat.nickname, device: memory.device() }, "student");
  }

  /** Takes this browser's seat back after a drop or a server restart; tells the sink how it went. */
  async recover(code: string): Promise<void> {
    this.code = code;
    const outcome = await recoverSeat({
      status: async () => (await this.opts.api.sessionStatus(code)).status,
      resumeSeat: () => this.resumeSeat(code),
      resumeSession: () => this.opts.api.resumeSession(code),
      isHost: memory.seat(code)?.role === "host" || (!memory.seat(code) && memory.hostSecret(code) !== null),
      now: () => Date.now(),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      stopped: () => this.leaving,
      restarting: () => this.restarting,
      attempt: (n, interrupted) => this.opts.sink.reconnecting(n, interrupted),
    }, LIMITS.reconnectSeconds * 1000);
    this.report(outcome);
  }

  private report(outcome: RecoverOutcome): void {
    if (outcome === "reconnected") {
      this.restarting = false;
      this.opts.sink.reconnected();
    } else if (outcome === "kicked") {
      memory.forgetSeat(this.code);
      this.opts.sink.closed("kicked");
    } else if (outcome !== "left") this.opts.sink.closed(outcome);
  }

  private async attach(code: string, options: Record<string, unknown>, role: Role): Promise<void> {
    // One room at a time: a browser that wanders to another code leaves the first.
    if (this.room && this.code !== code) await this.leave();
    let room: Room<RoomRow>;
    try {
      room = await this.client.joinById<RoomRow>(code, { ...options, lang: this.opts.lang() });
    } catch (e) {
      const err = joinErrorOf(e);
      // A room that ended a while ago is gone from the server; its status still says so.
      if (err.code === "room_not_found" && (await this.opts.api.sessionStatus(code)).status === "ended") throw new JoinError("session_ended");
      throw err;
    }
    this.bind(room, code, role);
  }

  private bind(room: Room<RoomRow>, code: string, role: Role): void {
    const sink = this.opts.sink;
    this.room = room;
    this.code = code;
    this.leaving = false;
    memory.setLastRoom({ code, role });
    room.onStateChange((s) => sink.state(snapshot(s)));
    room.onMessage(S2C.welcome, (m: WelcomeMessage) => {
      const old = memory.seat(code);
      memory.setSeat({
        code, nickname: m.nickname, role: m.role, reconnectionToken: room.reconnectionToken,
        seatToken: m.seatToken || old?.seatToken || "",
      });
      sink.welcome(m);
    });
    room.onMessage(S2C.result, (m: ResultMessage) => this.requests.settle(m));
    room.onMessage(S2C.applied, (m: AppliedMessage) => sink.applied(m));
    room.onMessage(S2C.error, (m: ErrorMessage) => {
      if (!this.requests.refuse(m.id, m.error)) sink.error(m);
    });
    room.onMessage(S2C.notice, (m: NoticeMessage) => sink.notice(m));
    room.onMessage(S2C.history, (m: HistoryMessage) => sink.history(m));
    room.onMessage(S2C.debrief, (m: DebriefMessage) => sink.debrief(m));
    room.onMessage(S2C.request, (m: RequestMessage) => sink.request(m));
    room.onMessage(S2C.lost, (m: LostMessage) => sink.lost(m));
    room.onMessage(S2C.bans, (m: BansMessage) => sink.bans(m));
    room.onMessage(S2C.activity, (m: ActivityMessage) => sink.activity(m));
    room.onMessage(S2C.moving, (m: MovingMessage) => sink.moving(m));
    room.onMessage(S2C.restarting, () => { this.restarting = true; });
    room.onMessage(S2C.kicked, (m: KickedMessage) => {
      memory.forgetSeat(code);
      sink.closed(m.reason);
    });
    room.onLeave((closeCode) => {
      // A room left on purpose (or replaced by a newer one) is no longer this connection's news.
      if (this.room === room) void this.dropped(closeCode);
    });
    const seat = memory.seat(code);
    if (seat) memory.setSeat({ ...seat, reconnectionToken: room.reconnectionToken });
  }

  /** An unplanned drop: keep trying to get the seat back for as long as the server keeps it. */
  private async dropped(closeCode: number): Promise<void> {
    this.room = null;
    this.requests.failAll();
    if (closeCode === KICKED_CLOSE_CODE) return this.opts.sink.closed("kicked");
    if (closeCode === SESSION_ENDED_CLOSE_CODE) return this.opts.sink.closed("session_ended");
    if (closeCode === SERVER_RESTART_CLOSE_CODE) this.restarting = true;
    await this.recover(this.code);
  }

  private request(type: string, payload: Record<string, unknown>): Promise<ResultMessage> {
    const room = this.room;
    if (!room) return Promise.resolve({ id: 0, ok: false, error: CONNECTION_FAILED });
    const { id, reply } = this.requests.start();
    room.send(type, { id, ...payload });
    return reply;
  }

  /** A team command; resolves when the server has queued (or refused) it. */
  command(command: Command): Promise<ResultMessage> {
    return this.request(C2S.command, { command });
  }

  host(action: HostCommand): Promise<ResultMessage> {
    return this.request(C2S.host, { action });
  }

  chooseTeam(team: number): Promise<ResultMessage> {
    return this.request(C2S.chooseTeam, { team });
  }

  askTime(): Promise<ResultMessage> {
    return this.request(C2S.askTime, {});
  }

  /** Leaves the room on purpose (no reconnecting, no seat kept in this browser's memory of the last room). */
  async leave(): Promise<void> {
    this.leaving = true;
    const room = this.room;
    this.room = null;
    if (room) await room.leave(true).catch(() => {});
    memory.setLastRoom(null);
  }
}
