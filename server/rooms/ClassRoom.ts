import { Room, ServerError, type AuthContext, type Client } from "@colyseus/core";
import { JOIN_ERROR_CODE, KICKED_CLOSE_CODE } from "../../shared/protocol/codes";
import { LIMITS } from "../../shared/protocol/limits";
import { C2S, S2C, type WireError } from "../../shared/protocol/messages";
import type { Role } from "../../shared/protocol/phases";
import { ROOM_TIMING } from "../../shared/protocol/tuning";
import { RateLimiter } from "../session/RateLimiter";
import { NO_PERSISTENCE, type Clock, type Messenger, type Persistence } from "../session/ports";
import { catchUpFor, welcomeFor } from "../session/catchUp";
import { errorReply, type Reply } from "../session/replies";
import { askTime, chooseTeam, hostRequest, teamCommand } from "../session/requests";
import type { Seat } from "../session/Roster";
import { JoinRefused, Session, type Admission, type SessionInit, type SessionStatus } from "../session/Session";
import type { CodeRegistry } from "../cluster/coordination";
import type { Store } from "../store/Store";
import { storePersistence } from "../store/persistence";
import { ClassState } from "./schema/ClassState";
import { NO_TEAM } from "../../shared/protocol/seats";
import { SchemaWriter } from "./writer";
import { ViewPool } from "./views";

export type ClassRoomOptions = SessionInit;

/** Services the app hands to rooms. */
export interface RoomServices {
  /** Sessions, rounds and match logs; without it (some tests) nothing is kept. */
  store?: Store;
  /** Room codes shared by every server process (ended codes are remembered there). */
  codes?: CodeRegistry;
  now?: () => number;
}

/** What the room knows of one connection. */
interface Conn {
  seat: number;
  role: Role;
  limiter: RateLimiter;
}

function joinError(e: unknown): unknown {
  if (!(e instanceof JoinRefused)) return e;
  return new ServerError(JOIN_ERROR_CODE, JSON.stringify(e.error satisfies WireError));
}

/**
 * A class session's Colyseus room: connections, what each may see, catching up, and the checks
 * every message passes before the Session reads it. What the class does is the Session's.
 */
export class ClassRoom extends Room<ClassState> {
  static services: RoomServices = {};
  /** The rooms this process holds (told when the server stops). */
  static readonly live = new Set<ClassRoom>();

  override state = new ClassState();
  session!: Session;
  private views!: ViewPool;
  private readonly connections = new Map<number, Set<Client>>();
  /** Dropped connections each seat may still come back on (cancelled when the seat is removed). */
  private readonly awaiting = new Map<number, Set<ReturnType<Room["allowReconnection"]>>>();

  override async onCreate(options: ClassRoomOptions): Promise<void> {
    this.roomId = options.code;
    this.autoDispose = false;
    // Colyseus counts seat reservations against maxClients and locks the room when they reach it:
    // anyone with the code could fill it with reservations that never connect. The class cap is
    // enforced on real seats (the seat desk); this only bounds connections plus reservations in flight.
    this.maxClients = LIMITS.maxStudents * LIMITS.tabsPerSeat + ROOM_TIMING.extraConnections;
    this.setSeatReservationTime(LIMITS.seatReservationSeconds);
    ClassRoom.live.add(this);
    void this.setPrivate(true);
    // Colyseus looks message types up in a plain object, so a client sending the type "__proto__"
    // or "constructor" reached Object.prototype and crashed the process; without a prototype they
    // are unknown types like any other.
    const handlers = this as unknown as { onMessageHandlers: Record<string, unknown> };
    handlers.onMessageHandlers = Object.assign(Object.create(null) as Record<string, unknown>, handlers.onMessageHandlers);
    const writer = new SchemaWriter(this.state, (seat) => this.refreshSeatViews(seat));
    this.views = new ViewPool(this.state);
    const persist = this.persistence(options.code);
    const kept = options.recover ? await persist.recover(() => this.session.lostRound()) : null;
    this.session = new Session(options, { clock: this.roomClock(), publish: writer, send: this.messenger(), persist }, kept);
    this.onMessage(C2S.command, (client, message) => this.guard(client, C2S.command, message, (conn) =>
      teamCommand(this.session, conn.seat, client.sessionId, message, (applied) => client.send(S2C.applied, applied))));
    this.onMessage(C2S.host, (client, message) => this.guard(client, C2S.host, message, (conn) =>
      hostRequest(this.session, conn.seat, client.sessionId, message, (applied) => client.send(S2C.applied, applied))));
    this.onMessage(C2S.chooseTeam, (client, message) => this.guard(client, C2S.chooseTeam, message, (conn) => chooseTeam(this.session, conn.seat, message)));
    this.onMessage(C2S.askTime, (client, message) => this.guard(client, C2S.askTime, message, (conn) => askTime(this.session, conn.seat, message)));
    this.onMessage("*", (client, type, message) => {
      const name = String(type).slice(0, 40);
      this.guard(client, name, message, () => errorReply(message, { code: "unknown_message", params: { type: name } }, name));
    });
  }

  private now(): number {
    return ClassRoom.services.now?.() ?? Date.now();
  }

  /** The room's clock (it runs with the room and stops when the room is disposed). */
  private roomClock(): Clock {
    return {
      now: () => this.now(),
      setTimeout: (fn, ms) => this.clock.setTimeout(fn, ms),
      setInterval: (fn, ms) => this.clock.setInterval(fn, ms),
    };
  }

  private messenger(): Messenger {
    return {
      toSeat: (seat, type, body) => { for (const c of this.clientsOf(seat)) c.send(type, body); },
      toAll: (type, body) => this.broadcast(type, body),
      closeSeat: (seat, code) => {
        for (const c of this.clientsOf(seat)) c.leave(code);
        this.connections.delete(seat);
        for (const pending of this.awaiting.get(seat) ?? []) pending.reject(new Error("seat removed"));
        this.awaiting.delete(seat);
      },
      closeRoom: (code) => void this.disconnect(code),
    };
  }

  private persistence(code: string): Persistence {
    const store = ClassRoom.services.store;
    const kept = store ? storePersistence(store, code) : NO_PERSISTENCE;
    return {
      ...kept,
      ended: (at) => {
        // Students typing this code from now on are told the session ended (on every process).
        void ClassRoom.services.codes?.markEnded(code).catch(() => {});
        kept.ended(at);
      },
    };
  }

  // ── joining ────────────────────────────────────────────────────────────────

  override onAuth(_client: Client, raw: unknown, context: AuthContext): Admission {
    try {
      return this.session.admit(raw, String(context?.ip ?? ""));
    } catch (e) {
      throw joinError(e);
    }
  }

  override onJoin(client: Client, _options: unknown, admission: Admission): void {
    let joined: { seat: Seat; token: string };
    try {
      joined = this.session.seat(admission);
    } catch (e) {
      throw joinError(e);
    }
    const { seat, token } = joined;
    client.userData = { seat: seat.seat, role: seat.role, limiter: new RateLimiter(LIMITS.ratePerSecond, LIMITS.rateBurst, this.now()) } satisfies Conn;
    this.attach(client, seat, token);
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const conn = client.userData as Conn | undefined;
    if (!conn) return;
    this.connections.get(conn.seat)?.delete(client);
    this.session.closed(conn.seat);
    const s = this.session;
    if (consented || !s.roster.get(conn.seat) || s.phase === "ended" || s.stopping) return;
    try {
      const pending = this.allowReconnection(client, LIMITS.reconnectSeconds);
      const waiting = this.awaiting.get(conn.seat) ?? new Set();
      this.awaiting.set(conn.seat, waiting.add(pending));
      let back: Client;
      try {
        back = await pending;
      } finally {
        waiting.delete(pending);
      }
      const seat = this.session.roster.get(conn.seat);
      if (!seat) return back.leave(KICKED_CLOSE_CODE);
      // A reloaded page has forgotten who it is: tell it again (its seat token stays in its storage).
      this.attach(back, seat, "");
    } catch {
      // The seat stays: its seat token can still take it back later.
    }
  }

  /** A connection to a seat: counted, shown what the seat may see, told who it is and what it missed. */
  private attach(client: Client, seat: Seat, token: string): void {
    let set = this.connections.get(seat.seat);
    if (!set) this.connections.set(seat.seat, (set = new Set()));
    set.add(client);
    this.session.opened(seat);
    this.refreshView(client);
    client.send(S2C.welcome, welcomeFor(seat, token));
    for (const m of catchUpFor(this.session, seat)) client.send(m.type, m.body);
  }

  /** The server is stopping: the session saves where it stands and tells its players first. */
  stopForRestart(): Promise<void> {
    return this.session.stopForRestart();
  }

  private disposed: (() => void) | null = null;
  private readonly disposal = new Promise<void>((resolve) => { this.disposed = resolve; });

  /** Resolves once the room is disposed and its code released (a drain then rebuilds it elsewhere). */
  gone(): Promise<void> {
    return this.disposal;
  }

  override async onDispose(): Promise<void> {
    ClassRoom.live.delete(this);
    this.session.dispose();
    // The code is free again (an ended session's code stays marked as ended; a stored session's
    // code is never handed out again, the store refuses it).
    if (this.session.phase !== "ended") await ClassRoom.services.codes?.release(this.roomId).catch(() => {});
    this.disposed?.();
  }

  /** What `GET /api/sessions/:code` says of this room (also asked by other processes, through Colyseus IPC). */
  apiStatus(): SessionStatus {
    return this.session.status();
  }

  private clientsOf(seat: number): Client[] {
    return [...(this.connections.get(seat) ?? [])];
  }

  // ── views ──────────────────────────────────────────────────────────────────

  /**
   * What a connection sees: every datacenter for the teacher, its own team's for a student; a team's
   * feed only for its members (the teacher plays a team only in a practice room).
   */
  private refreshView(client: Client): void {
    const conn = client.userData as Conn;
    this.views.show(client, conn.role, this.session.roster.get(conn.seat)?.team ?? NO_TEAM);
  }

  /** Connections that changed team join their team's shared view once their own change is sent. */
  override broadcastPatch(): boolean {
    const changed = super.broadcastPatch();
    this.views.settle(this.clients);
    return changed;
  }

  private refreshSeatViews(seat: number): void {
    for (const c of this.clientsOf(seat)) this.refreshView(c);
  }

  // ── messages ───────────────────────────────────────────────────────────────

  /** Size and rate checks every message passes before it is even parsed; then the Session answers. */
  private guard(client: Client, type: string, message: unknown, run: (conn: Conn) => Reply): void {
    const conn = client.userData as Conn | undefined;
    if (!conn) return;
    let size = 0;
    try {
      size = JSON.stringify(message ?? null).length;
    } catch {
      size = Infinity;
    }
    let reply: Reply;
    if (size > LIMITS.payloadMaxBytes) reply = errorReply(message, { code: "payload_too_large", params: { max: LIMITS.payloadMaxBytes } }, type);
    else if (!conn.limiter.take(this.now())) reply = errorReply(message, { code: "rate_limited", params: { perSecond: LIMITS.ratePerSecond } }, type);
    else {
      try {
        reply = run(conn);
      } catch (e) {
        // A bug must cost one message, never the room.
        console.error(`room ${this.roomId}: ${type} failed`, e);
        reply = errorReply(message, { code: "bad_message", params: { type } }, type);
      }
    }
    client.send(reply.type, reply.body);
  }
}
