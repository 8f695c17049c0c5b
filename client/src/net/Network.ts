/**
 * The one door to the server: the only module that imports colyseus.js. Scenes and panels listen to
 * its events and call its methods; they never see a Room.
 */
import { Client, type Room } from "colyseus.js";
import { JOIN_ERROR_CODE, KICKED_CLOSE_CODE, SESSION_ENDED_CLOSE_CODE } from "../../../shared/protocol/codes";
import { LIMITS } from "../../../shared/protocol/limits";
import {
  C2S, S2C, type AppliedMessage, type ErrorMessage, type HostCommand, type KickedMessage, type NoticeMessage, type ResultMessage,
  type WelcomeMessage, type WireError,
} from "../../../shared/protocol/messages";
import type { RoundSeries } from "../../../shared/debrief/series";
import type { RoundReport } from "../../../shared/debrief/report";
import type { ClassView } from "../state/types";
import { memory } from "./storage";

export interface NetEvents {
  state: ClassView;
  welcome: WelcomeMessage;
  applied: AppliedMessage;
  error: { error: WireError; type?: string };
  notice: NoticeMessage;
  history: { round: number; tick: number; series: RoundSeries };
  debrief: { reports: RoundReport[] };
  /** The connection dropped and the network is trying to get the seat back. */
  reconnecting: { attempt: number; interrupted?: boolean };
  reconnected: undefined;
  /** The session is over for this browser: kicked, ended, or the seat could not be recovered. */
  closed: { reason: "kicked" | "session_ended" | "lost" | "left" };
}

type Handler<T> = (payload: T) => void;

/** A refused join, with the protocol error code (or the SDK's own for an unknown room). */
export class JoinError extends Error {
  constructor(readonly code: string, readonly params: Record<string, unknown> = {}) {
    super(code);
  }
}

function toJoinError(e: unknown): JoinError {
  const err = e as { code?: number; message?: string };
  // Refused joins (4400) and refused reservations (429 too_many_joins, 503 server_restarting)
  // carry our {code, params} as their message.
  if ((err.code === JOIN_ERROR_CODE || err.code === 429 || err.code === 503) && err.message?.startsWith("{")) {
    try {
      const parsed = JSON.parse(err.message) as { code: string; params?: Record<string, unknown> };
      return new JoinError(parsed.code, parsed.params ?? {});
    } catch { /* fall through */ }
  }
  if (err.code === 4212) return new JoinError("room_not_found");
  return new JoinError("connection_failed", { message: String(err.message ?? e) });
}

export function httpBase(): string {
  return `${location.protocol}//${location.host}`;
}

function wsBase(): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
}

export class Network {
  private readonly client = new Client(wsBase());
  private room: Room | null = null;
  private readonly handlers = new Map<keyof NetEvents, Set<Handler<never>>>();
  private nextId = 1;
  private readonly pending = new Map<number, (r: ResultMessage) => void>();
  code = "";
  welcome: WelcomeMessage | null = null;
  private leaving = false;

  on<K extends keyof NetEvents>(event: K, handler: Handler<NetEvents[K]>): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler as Handler<never>);
    return () => set!.delete(handler as Handler<never>);
  }

  private emit<K extends keyof NetEvents>(event: K, payload: NetEvents[K]): void {
    for (const h of this.handlers.get(event) ?? []) (h as Handler<NetEvents[K]>)(payload);
  }

  get state(): ClassView | null {
    return (this.room?.state as ClassView | undefined) ?? null;
  }

  get connected(): boolean {
    return this.room !== null;
  }

  /** Asks the server for a new session (or a practice room) and joins it as its host. */
  async hostNew(practice: boolean, nickname?: string): Promise<string> {
    const res = await fetch(`${httpBase()}/api/sessions`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ practice, nickname }),
    });
    const body = (await res.json()) as { code?: string; hostSecret?: string; error?: WireError };
    if (!res.ok || !body.code || !body.hostSecret) throw new JoinError(body.error?.code ?? "connection_failed");
    memory.setHostSecret(body.code, body.hostSecret);
    await this.attach(body.code, { hostSecret: body.hostSecret }, "host");
    return body.code;
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
    await this.attach(code, { nickname }, "student");
  }

  /** Back into a known seat: the 2-minute reconnection token first, then the seat token. */
  async resumeSeat(code: string): Promise<void> {
    const seat = memory.seat(code);
    if (!seat) throw new JoinError("unknown_seat");
    try {
      const room = await this.client.reconnect(seat.reconnectionToken);
      this.bind(room, code, seat.role);
      return;
    } catch { /* expired: try the seat token */ }
    if (seat.role === "host") return this.hostResume(code);
    await this.attach(code, { seatToken: seat.seatToken }, "student");
  }

  private async attach(code: string, options: Record<string, unknown>, role: "host" | "student"): Promise<void> {
    let room: Room;
    try {
      room = await this.client.joinById(code, { ...options, lang: document.documentElement.lang === "zh-CN" ? "zh-CN" : "en" });
    } catch (e) {
      const err = toJoinError(e);
      // A room that ended a while ago is gone from the server; its status still says so.
      if (err.code === "room_not_found" && (await sessionStatus(code)).status === "ended") throw new JoinError("session_ended");
      throw err;
    }
    this.bind(room, code, role);
  }

  private bind(room: Room, code: string, role: "host" | "student"): void {
    this.room = room;
    this.code = code;
    this.leaving = false;
    memory.setLastRoom({ code, role });
    room.onStateChange((s) => this.emit("state", s as unknown as ClassView));
    room.onMessage(S2C.welcome, (m: WelcomeMessage) => {
      this.welcome = m;
      const old = memory.seat(code);
      memory.setSeat({
        code, nickname: m.nickname, role: m.role, reconnectionToken: room.reconnectionToken,
        seatToken: m.seatToken || old?.seatToken || "",
      });
      this.emit("welcome", m);
    });
    room.onMessage(S2C.result, (m: ResultMessage) => {
      const done = this.pending.get(m.id);
      this.pending.delete(m.id);
      done?.(m);
    });
    room.onMessage(S2C.applied, (m: AppliedMessage) => this.emit("applied", m));
    room.onMessage(S2C.error, (m: ErrorMessage) => {
      const done = m.id === undefined ? undefined : this.pending.get(m.id);
      if (done && m.id !== undefined) {
        this.pending.delete(m.id);
        done({ id: m.id, ok: false, error: m.error });
      } else this.emit("error", m);
    });
    room.onMessage(S2C.notice, (m: NoticeMessage) => this.emit("notice", m));
    room.onMessage(S2C.history, (m: NetEvents["history"]) => this.emit("history", m));
    room.onMessage(S2C.debrief, (m: NetEvents["debrief"]) => this.emit("debrief", m));
    room.onMessage(S2C.kicked, (m: KickedMessage) => {
      memory.forgetSeat(code);
      this.emit("closed", { reason: m.reason });
    });
    room.onLeave((closeCode) => void this.onDropped(closeCode));
    const seat = memory.seat(code);
    if (seat) memory.setSeat({ ...seat, reconnectionToken: room.reconnectionToken });
  }

  /** An unplanned drop: keep trying to get the seat back for as long as the server keeps it. */
  private async onDropped(closeCode: number): Promise<void> {
    this.room = null;
    for (const [, done] of this.pending) done({ id: 0, ok: false, error: { code: "connection_failed" as never, params: {} } });
    this.pending.clear();
    if (this.leaving) return this.emit("closed", { reason: "left" });
    if (closeCode === KICKED_CLOSE_CODE) return this.emit("closed", { reason: "kicked" });
    if (closeCode === SESSION_ENDED_CLOSE_CODE) return this.emit("closed", { reason: "session_ended" });
    await this.recover(this.code);
  }

  /**
   * Gets the seat back: for as long as the server keeps it (2 minutes) after a dropped connection,
   * and for as long as it takes when the server itself restarted (the session is then
   * "interrupted": the teacher's page rebuilds the room, students wait for it and rejoin).
   */
  async recover(code: string): Promise<void> {
    const deadline = Date.now() + LIMITS.reconnectSeconds * 1000;
    const host = memory.seat(code)?.role === "host" || (!memory.seat(code) && memory.hostSecret(code) !== null);
    for (let attempt = 1; !this.leaving; attempt++) {
      const status = (await sessionStatus(code)).status;
      if (status === "ended") return this.emit("closed", { reason: "session_ended" });
      const interrupted = status === "interrupted";
      this.emit("reconnecting", { attempt, interrupted });
      if (interrupted && host) await this.resumeSession(code).catch(() => {});
      if (!interrupted || host) {
        if (Date.now() > deadline && !interrupted && !host) break;
        try {
          await this.resumeSeat(code);
          this.emit("reconnected", undefined);
          return;
        } catch (e) {
          if (e instanceof JoinError && e.code === "session_ended") return this.emit("closed", { reason: "session_ended" });
          if (status === "unknown" && Date.now() > deadline) break;
        }
      }
      await new Promise((r) => setTimeout(r, Math.min(3000, 400 * attempt)));
    }
    this.emit("closed", { reason: "lost" });
  }

  /** Asks the server to rebuild an interrupted session's room (the teacher's secret proves who asks). */
  async resumeSession(code: string): Promise<void> {
    const secret = memory.hostSecret(code);
    if (!secret) throw new JoinError("bad_secret");
    const res = await fetch(`${httpBase()}/api/sessions/${code}/resume`, { method: "POST", headers: { "x-host-secret": secret } });
    if (!res.ok) throw new JoinError(((await res.json()) as { error?: { code?: string } }).error?.code ?? "connection_failed");
  }

  private request(type: string, payload: Record<string, unknown>): Promise<ResultMessage> {
    const room = this.room;
    if (!room) return Promise.resolve({ id: 0, ok: false, error: { code: "connection_failed" as never, params: {} } });
    const id = this.nextId++;
    const result = new Promise<ResultMessage>((resolve) => this.pending.set(id, resolve));
    room.send(type, { id, ...payload });
    return result;
  }

  /** A team command; resolves when the server has queued (or refused) it. */
  command(command: unknown): Promise<ResultMessage> {
    return this.request(C2S.command, { command });
  }

  host(action: HostCommand): Promise<ResultMessage> {
    return this.request(C2S.host, { action });
  }

  chooseTeam(team: number): Promise<ResultMessage> {
    return this.request(C2S.chooseTeam, { team });
  }

  async leave(): Promise<void> {
    this.leaving = true;
    const room = this.room;
    this.room = null;
    if (room) await room.leave(true).catch(() => {});
    memory.setLastRoom(null);
  }
}

export async function sessionStatus(code: string): Promise<{ status: string; phase?: string; practice?: boolean }> {
  try {
    const res = await fetch(`${httpBase()}/api/sessions/${encodeURIComponent(code)}`);
    return (await res.json()) as { status: string };
  } catch {
    return { status: "unknown" };
  }
}
