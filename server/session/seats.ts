import { LIMITS } from "../../shared/protocol/limits";
import { KICKED_CLOSE_CODE } from "../../shared/protocol/codes";
import { JoinOptionsSchema, S2C, type BanEntry, type JoinOptions, type RequestMessage, type WireError } from "../../shared/protocol/messages";
import { HOST_SEAT, NO_TEAM } from "../../shared/protocol/seats";
import { AddressLimiter } from "./AddressLimiter";
import { Bans } from "./Bans";
import { normalizeNickname } from "./nickname";
import type { Messenger } from "./ports";
import type { Roster, Seat } from "./Roster";
import { hashSecret, secretMatches } from "./secrets";

/** Who a join turned out to be (the admission's verdict, carried to the seating). */
export type Admission =
  | { role: "host" }
  | { role: "student"; seat: number; device?: string; reissue?: boolean }
  | { role: "student"; nickname: string; device?: string };

/** A join refused, with the protocol error the joining browser is told. */
export class JoinRefused extends Error {
  constructor(readonly error: WireError) {
    super(error.code);
  }
}

const refuse = (code: WireError["code"], params: WireError["params"] = {}): never => {
  throw new JoinRefused({ code, params });
};

/** What the seat desk needs of its session. */
export interface SeatHost {
  readonly roster: Roster;
  readonly phase: string;
  readonly hostSecretHash: string;
  /** The session takes joins (it has not ended, its server is not stopping). */
  readonly refusal: WireError["code"] | null;
  readonly locked: boolean;
  readonly maxStudents: number;
  readonly messenger: Messenger;
  now(): number;
  /** Connections open to a seat right now. */
  tabs(seat: number): number;
  playable(team: number): boolean;
  teamCount(): number;
  moveSeat(seat: Seat, team: number): void;
  annotate(entry: { type: "leave"; seat: number; nickname: string; team: number }): void;
  /** Seats changed: publish and save. */
  changed(): void;
}

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

  constructor(private readonly host: SeatHost) {}

  /** Checks join options: the teacher's secret, a seat to take back, or a new student. Throws JoinRefused. */
  admit(raw: unknown, address: string): Admission {
    const parsed = JoinOptionsSchema.safeParse(raw ?? {});
    if (!parsed.success) refuse("bad_options", { path: parsed.error.issues[0]?.path.join(".") ?? "" });
    const options = parsed.data!;
    if (this.host.refusal) refuse(this.host.refusal);
    if (options.hostSecret !== undefined) {
      if (!secretMatches(options.hostSecret, this.host.hostSecretHash)) refuse("bad_secret");
      return { role: "host" };
    }
    return this.admitStudent(options, address);
  }

  private admitStudent(options: JoinOptions, address: string): Admission {
    const device = options.device ? hashSecret(options.device) : undefined;
    if (options.seatToken !== undefined) {
      const tokenHash = hashSecret(options.seatToken);
      if (this.bans.check({ tokenHash })) refuse("kicked");
      const seat = this.host.roster.byTokenHash(tokenHash);
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
    const mine = device ? this.host.roster.byDevice(device) : undefined;
    if (mine) {
      this.checkTabs(mine);
      return { role: "student", seat: mine.seat, device, reissue: true };
    }
    if (nickname === null) refuse("nickname_invalid", { min: LIMITS.nicknameMin, max: LIMITS.nicknameMax });
    this.checkRoom(nickname!);
    const wait = this.newSeats.take(address, this.host.now());
    if (wait > 0) refuse("too_many_seats", { retryAfterS: wait });
    return { role: "student", nickname: nickname!, device };
  }

  /** Seats an admitted join: a new student gets a seat and its token (shown once). Throws JoinRefused. */
  seat(admission: Admission): { seat: Seat; token: string } {
    const roster = this.host.roster;
    if (admission.role === "host") return { seat: roster.ensureHost("Teacher", NO_TEAM), token: "" };
    if ("seat" in admission) {
      const seat = roster.get(admission.seat);
      if (!seat) return refuse("unknown_seat");
      this.checkTabs(seat);
      // A browser that came back without its seat token gets a new one (the old one stops working).
      const token = admission.reissue ? roster.reissueToken(seat) : "";
      roster.addDevice(seat, admission.device);
      return { seat, token };
    }
    // Checked again: two students may have asked for the same nickname at the same moment.
    this.checkRoom(admission.nickname);
    return roster.addStudent(admission.nickname, admission.device);
  }

  /** Checked when the socket connects and again when the seat is made (two may race for a name). */
  private checkRoom(nickname: string): void {
    if (this.host.locked) refuse("room_locked");
    if (this.host.roster.studentCount() >= this.host.maxStudents) refuse("room_full", { max: this.host.maxStudents });
    if (this.host.roster.nicknameTaken(nickname)) refuse("nickname_taken", { nickname });
  }

  private checkTabs(seat: Seat): void {
    if (this.host.tabs(seat.seat) >= LIMITS.tabsPerSeat) refuse("too_many_tabs", { max: LIMITS.tabsPerSeat });
  }

  /** Out for the session: the seat goes, and its token, nickname and browsers are refused from now on. */
  kick(seat: Seat): void {
    this.bans.add(seat, seat.devices, new Date(this.host.now()).toISOString());
    this.host.messenger.toSeat(seat.seat, S2C.kicked, { reason: "kicked" });
    this.removeSeat(seat, KICKED_CLOSE_CODE);
    this.sendBans();
  }

  /** Undoes a kick: the seat comes back as it was (team, nickname, token), waiting for its student. */
  unkick(seatId: number): WireError | null {
    const seat = this.bans.all().find((b) => b.seat.seat === seatId)?.seat;
    if (!seat) return { code: "not_kicked", params: { seat: seatId } };
    if (this.host.roster.nicknameTaken(seat.nickname)) return { code: "nickname_taken", params: { nickname: seat.nickname } };
    this.bans.lift(seatId);
    const back = this.host.roster.reinstate(seat);
    if (back.team >= this.host.teamCount() || (back.team >= 0 && !this.host.playable(back.team))) back.team = NO_TEAM;
    this.host.changed();
    this.sendBans();
    return null;
  }

  /** Clears every student seat whose connections are all gone (a flood's leftovers, absent students). */
  clearAway(): number {
    const away = this.host.roster.away();
    for (const seat of away) this.removeSeat(seat);
    return away.length;
  }

  /** Removes a seat: its connections close (`code`), a dropped one is no longer waited for. */
  private removeSeat(seat: Seat, code?: number): void {
    this.host.roster.remove(seat.seat);
    this.host.messenger.closeSeat(seat.seat, code);
    this.host.annotate({ type: "leave", seat: seat.seat, nickname: seat.nickname, team: seat.team });
    this.host.changed();
  }

  /** Mid-round, a student without a team asks for one; the teacher decides. */
  ask(seat: Seat, team: number): void {
    seat.asks = team;
    this.host.changed();
  }

  approve(seat: Seat, team?: number): WireError | null {
    const target = team ?? seat.asks;
    if (target < 0 || (team === undefined && seat.asks < 0)) return { code: "not_asking", params: { seat: seat.seat } };
    if (target >= this.host.teamCount()) return { code: "unknown_team", params: { team: target } };
    if (!this.host.playable(target)) return { code: "team_is_bot", params: { team: target } };
    if (seat.team >= 0 && seat.team !== target) return { code: "wrong_phase", params: { phase: this.host.phase } };
    this.host.moveSeat(seat, target);
    this.tell(seat, { team: target, status: "approved" });
    return null;
  }

  deny(seat: Seat): WireError | null {
    if (seat.asks < 0) return { code: "not_asking", params: { seat: seat.seat } };
    const team = seat.asks;
    seat.asks = NO_TEAM;
    this.host.changed();
    this.tell(seat, { team, status: "denied" });
    return null;
  }

  /** Tells a student who was waiting that auto-balance (or a move) placed them. */
  placed(seat: Seat, asked: number): void {
    if (asked >= 0) this.tell(seat, { team: seat.team, status: "approved" });
  }

  private tell(seat: Seat, message: RequestMessage): void {
    this.host.messenger.toSeat(seat.seat, S2C.request, message);
  }

  banList(): BanEntry[] {
    return this.bans.all().map((b) => ({ seat: b.seat.seat, nickname: b.seat.nickname, team: b.seat.team, at: b.at }));
  }

  sendBans(): void {
    this.host.messenger.toSeat(HOST_SEAT, S2C.bans, { bans: this.banList() });
  }
}
