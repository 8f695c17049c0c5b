import type { Client } from "@colyseus/core";
import { LIMITS } from "../../shared/protocol/limits";
import { KICKED_CLOSE_CODE } from "../../shared/protocol/codes";
import { S2C, type BanEntry, type JoinOptions, type RequestMessage, type WireError } from "../../shared/protocol/messages";
import { AddressLimiter } from "../session/AddressLimiter";
import { Bans } from "../session/Bans";
import { normalizeNickname } from "../session/nickname";
import type { Roster, Seat } from "../session/Roster";
import { hashSecret } from "../session/secrets";
import type { Round } from "../session/Round";

/** Who a join turned out to be (onAuth's verdict, carried to onJoin). */
export type Auth =
  | { role: "host" }
  | { role: "student"; seat: number; device?: string; reissue?: boolean }
  | { role: "student"; nickname: string; device?: string };

/** What the seat desk needs of its room. */
export interface SeatRoom {
  readonly roster: Roster;
  readonly round: Round | null;
  readonly phase: string;
  /** The teacher locked joining (not Colyseus's own `locked`). */
  readonly joiningLocked: boolean;
  readonly maxStudents: number;
  now(): number;
  clientsOf(seat: number): Client[];
  playable(team: number): boolean;
  teamCount(): number;
  moveSeat(seat: Seat, team: number): void;
  syncSeat(seat: Seat): void;
  removeSeatState(seat: number): void;
  persist(): void;
  /** Stops waiting for a dropped connection of this seat to come back. */
  forgetReconnection(seat: number): void;
  sendToHost(type: string, message: unknown): void;
}

export class JoinRefused extends Error {
  constructor(readonly error: WireError) {
    super(error.code);
  }
}

const refuse = (code: WireError["code"], params: WireError["params"] = {}): never => {
  throw new JoinRefused({ code, params });
};

/**
 * Who may take a seat, and the teacher's tools over seats. Rules, and why:
 * - The class cap counts student seats, never pending reservations (those could be bought by the
 *   hundred with the room code and lock everyone out).
 * - One browser (its `device` id) holds one student seat: a second tab takes the same seat.
 * - A kick bans the seat token, the nickname and the browser for the session; the teacher can undo.
 * - New seats are rationed per network address, and one seat may have only a few connections.
 * - Mid-round, a student without a team asks for one; the teacher (or auto-balance) places them,
 *   so a second seat cannot walk into a rival team's datacenter. A seat never hops teams mid-round.
 */
export class SeatDesk {
  readonly bans = new Bans();
  private readonly newSeats = new AddressLimiter(LIMITS.seatsPerAddressPerSecond, LIMITS.seatsPerAddressBurst);

  constructor(private readonly room: SeatRoom) {}

  /** A student's join (the host's secret is checked by the room): whose seat, or a new one. */
  admitStudent(options: JoinOptions, address: string): Auth {
    const device = options.device ? hashSecret(options.device) : undefined;
    if (options.seatToken !== undefined) {
      const tokenHash = hashSecret(options.seatToken);
      if (this.bans.check({ tokenHash })) refuse("kicked");
      const seat = this.room.roster.byTokenHash(tokenHash);
      if (seat) {
        this.checkTabs(seat);
        return { role: "student", seat: seat.seat, device };
      }
      if (options.nickname === undefined) refuse("bad_secret");
    }
    if (device && this.bans.check({ device })) refuse("kicked");
    const nickname = normalizeNickname(options.nickname);
    if (nickname !== null && this.bans.check({ nickname })) refuse("kicked");
    // The same browser again (a second tab, or storage that lost the seat token): the same seat.
    const mine = device ? this.room.roster.byDevice(device) : undefined;
    if (mine) {
      this.checkTabs(mine);
      return { role: "student", seat: mine.seat, device, reissue: true };
    }
    if (nickname === null) refuse("nickname_invalid", { min: LIMITS.nicknameMin, max: LIMITS.nicknameMax });
    this.checkRoom(nickname!);
    const wait = this.newSeats.take(address, this.room.now());
    if (wait > 0) refuse("too_many_seats", { retryAfterS: wait });
    return { role: "student", nickname: nickname!, device };
  }

  /** Checked when the socket connects and again when the seat is made (two may race for a name). */
  checkRoom(nickname: string): void {
    if (this.room.joiningLocked) refuse("room_locked");
    if (this.room.roster.studentCount() >= this.room.maxStudents) refuse("room_full", { max: this.room.maxStudents });
    if (this.room.roster.nicknameTaken(nickname)) refuse("nickname_taken", { nickname });
  }

  checkTabs(seat: Seat): void {
    if (this.room.clientsOf(seat.seat).length >= LIMITS.tabsPerSeat) refuse("too_many_tabs", { max: LIMITS.tabsPerSeat });
  }

  /** Out for the session: the seat goes, and its token, nickname and browsers are refused from now on. */
  kick(seat: Seat): void {
    const room = this.room;
    this.bans.add(seat, seat.devices, new Date(room.now()).toISOString());
    this.removeSeat(seat);
    for (const c of room.clientsOf(seat.seat)) {
      c.send(S2C.kicked, { reason: "kicked" });
      c.leave(KICKED_CLOSE_CODE);
    }
    this.sendBans();
  }

  /** Undoes a kick: the seat comes back as it was (team, nickname, token), waiting for its student. */
  unkick(seatId: number): WireError | null {
    const seat = this.bans.all().find((b) => b.seat.seat === seatId)?.seat;
    if (!seat) return { code: "not_kicked", params: { seat: seatId } };
    if (this.room.roster.nicknameTaken(seat.nickname)) return { code: "nickname_taken", params: { nickname: seat.nickname } };
    this.bans.lift(seatId);
    const back = this.room.roster.reinstate(seat);
    if (back.team >= this.room.teamCount() || (back.team >= 0 && !this.room.playable(back.team))) back.team = -1;
    this.room.syncSeat(back);
    this.room.persist();
    this.sendBans();
    return null;
  }

  /** Clears every student seat whose connections are all gone (a flood's leftovers, absent students). */
  clearAway(): number {
    const away = this.room.roster.away();
    for (const seat of away) this.removeSeat(seat);
    return away.length;
  }

  private removeSeat(seat: Seat): void {
    const room = this.room;
    room.forgetReconnection(seat.seat);
    room.roster.remove(seat.seat);
    room.removeSeatState(seat.seat);
    room.round?.annotate({ tick: room.round.state.tick, type: "leave", seat: seat.seat, nickname: seat.nickname, team: seat.team });
    room.persist();
  }

  /** Mid-round, a student without a team asks for one; the teacher decides. */
  ask(seat: Seat, team: number): void {
    seat.asks = team;
    this.room.syncSeat(seat);
    this.room.persist();
  }

  approve(seat: Seat, team?: number): WireError | null {
    const target = team ?? seat.asks;
    if (target < 0 || (team === undefined && seat.asks < 0)) return { code: "not_asking", params: { seat: seat.seat } };
    if (target >= this.room.teamCount()) return { code: "unknown_team", params: { team: target } };
    if (!this.room.playable(target)) return { code: "team_is_bot", params: { team: target } };
    if (seat.team >= 0 && seat.team !== target) return { code: "wrong_phase", params: { phase: this.room.phase } };
    this.room.moveSeat(seat, target);
    this.tell(seat, { team: target, status: "approved" });
    return null;
  }

  deny(seat: Seat): WireError | null {
    if (seat.asks < 0) return { code: "not_asking", params: { seat: seat.seat } };
    const team = seat.asks;
    seat.asks = -1;
    this.room.syncSeat(seat);
    this.room.persist();
    this.tell(seat, { team, status: "denied" });
    return null;
  }

  /** Tells a student who was waiting that auto-balance (or a move) placed them. */
  placed(seat: Seat, asked: number): void {
    if (asked >= 0) this.tell(seat, { team: seat.team, status: "approved" });
  }

  private tell(seat: Seat, message: RequestMessage): void {
    for (const c of this.room.clientsOf(seat.seat)) c.send(S2C.request, message);
  }

  banList(): BanEntry[] {
    return this.bans.all().map((b) => ({ seat: b.seat.seat, nickname: b.seat.nickname, team: b.seat.team, at: b.at }));
  }

  sendBans(): void {
    this.room.sendToHost(S2C.bans, { bans: this.banList() });
  }
}
