import type { Role } from "../../shared/protocol/phases";
import { HOST_SEAT, NO_TEAM } from "../../shared/protocol/seats";
import { hashSecret, newSecret } from "./secrets";
import { nicknameKey } from "./nickname";

export interface Seat {
  seat: number;
  nickname: string;
  role: Role;
  /** -1 until the student picks (or is given) a team. */
  team: number;
  tokenHash: string;
  connected: boolean;
  joinedOrder: number;
  /** The team this seat asked to join mid-round, waiting for the teacher (-1: none). */
  asks: number;
  /** Hashes of the browsers that took this seat: the same browser gets the same seat back. */
  devices: string[];
}

/** Browsers remembered per seat (a phone, a laptop, a tablet…). */
const DEVICES_PER_SEAT = 4;

/**
 * Who is in the room. Seats outlive connections: a student who drops keeps seat, team and
 * nickname, and takes them back with the reconnection token (2 minutes) or the seat token (any time).
 */
export class Roster {
  private readonly seats = new Map<number, Seat>();
  private nextSeat = 1;
  private joins = 0;

  /** Every seat as data (for the store), and back again after a restart. */
  dump(): Seat[] {
    return this.all().map((s) => ({ ...s }));
  }

  restore(seats: readonly Seat[]): void {
    this.seats.clear();
    for (const s of seats) this.seats.set(s.seat, { ...s, connected: false, asks: s.asks ?? -1, devices: s.devices ?? [] });
    this.nextSeat = Math.max(1, ...seats.map((s) => s.seat + 1));
    this.joins = Math.max(0, ...seats.map((s) => s.joinedOrder + 1));
  }

  host(): Seat | undefined {
    return this.seats.get(HOST_SEAT);
  }

  /** The teacher's seat (seat 0); in a practice room the teacher is also the only player. */
  ensureHost(nickname: string, team: number): Seat {
    const existing = this.seats.get(HOST_SEAT);
    if (existing) return existing;
    const seat: Seat = { seat: HOST_SEAT, nickname, role: "host", team, tokenHash: "", connected: true, joinedOrder: this.joins++, asks: NO_TEAM, devices: [] };
    this.seats.set(HOST_SEAT, seat);
    return seat;
  }

  addStudent(nickname: string, device?: string): { seat: Seat; token: string } {
    const token = newSecret();
    const seat: Seat = {
      seat: this.nextSeat++, nickname, role: "student", team: NO_TEAM, tokenHash: hashSecret(token), connected: true,
      joinedOrder: this.joins++, asks: NO_TEAM, devices: device ? [device] : [],
    };
    this.seats.set(seat.seat, seat);
    return { seat, token };
  }

  /** A new seat token for a seat (its browser came back without the old one); the old one stops working. */
  reissueToken(seat: Seat): string {
    const token = newSecret();
    seat.tokenHash = hashSecret(token);
    return token;
  }

  /** Remembers that a browser holds this seat. */
  addDevice(seat: Seat, device: string | undefined): void {
    if (!device || seat.devices.includes(device)) return;
    seat.devices.push(device);
    if (seat.devices.length > DEVICES_PER_SEAT) seat.devices.shift();
  }

  byDevice(device: string): Seat | undefined {
    for (const s of this.seats.values()) if (s.role === "student" && s.devices.includes(device)) return s;
    return undefined;
  }

  /** Puts a seat back as it was (a kick the teacher undid). */
  reinstate(seat: Seat): Seat {
    const back = { ...seat, connected: false, asks: NO_TEAM };
    this.seats.set(back.seat, back);
    return back;
  }

  /** Students whose every connection is gone. */
  away(): Seat[] {
    return this.students().filter((s) => !s.connected);
  }

  get(seat: number): Seat | undefined {
    return this.seats.get(seat);
  }

  byTokenHash(hash: string): Seat | undefined {
    for (const s of this.seats.values()) if (s.tokenHash === hash && s.role === "student") return s;
    return undefined;
  }

  nicknameTaken(nickname: string): boolean {
    const key = nicknameKey(nickname);
    for (const s of this.seats.values()) if (s.role === "student" && nicknameKey(s.nickname) === key) return true;
    return false;
  }

  remove(seat: number): Seat | undefined {
    const s = this.seats.get(seat);
    if (s && s.role === "student") this.seats.delete(seat);
    return s;
  }

  students(): Seat[] {
    return [...this.seats.values()].filter((s) => s.role === "student").sort((a, b) => a.seat - b.seat);
  }

  all(): Seat[] {
    return [...this.seats.values()].sort((a, b) => a.seat - b.seat);
  }

  studentCount(): number {
    return this.students().length;
  }

  members(team: number): Seat[] {
    return this.all().filter((s) => s.team === team);
  }

  /**
   * Mid-round auto-balance: each student who asked for a team goes to the smallest playable team,
   * in the order they joined. Nobody already in a team is moved (their datacenter is mid-game), and
   * a student who did not ask (or was turned down) stays out. Returns the students placed.
   */
  placeAskers(playable: readonly number[]): Seat[] {
    if (playable.length === 0) return [];
    const size = new Map<number, number>(playable.map((t) => [t, this.members(t).filter((s) => s.role === "student").length]));
    const askers = this.students().filter((s) => s.team < 0 && s.asks >= 0).sort((a, b) => a.joinedOrder - b.joinedOrder);
    for (const s of askers) {
      const t = playable.reduce((a, b) => (size.get(b)! < size.get(a)! ? b : a));
      s.team = t;
      size.set(t, size.get(t)! + 1);
    }
    return askers;
  }

  /**
   * Spreads students evenly over the playable teams (sizes differ by at most one): students without
   * a team go to the smallest team first, then the newest members of the largest teams move, so as
   * few students as possible change team. Returns the students who were placed or moved.
   */
  autoBalance(playable: readonly number[]): Seat[] {
    if (playable.length === 0) return [];
    const moved = new Set<Seat>();
    const students = this.students();
    const members = new Map<number, Seat[]>(playable.map((t) => [t, []]));
    for (const s of students) members.get(s.team)?.push(s);
    const smallest = () => playable.reduce((a, b) => (members.get(b)!.length < members.get(a)!.length ? b : a));
    const largest = () => playable.reduce((a, b) => (members.get(b)!.length > members.get(a)!.length ? b : a));
    for (const s of students) {
      if (members.has(s.team)) continue;
      const t = smallest();
      s.team = t;
      members.get(t)!.push(s);
      moved.add(s);
    }
    for (;;) {
      const big = largest();
      const small = smallest();
      if (members.get(big)!.length - members.get(small)!.length <= 1) break;
      const list = members.get(big)!;
      const newest = list.reduce((a, b) => (b.joinedOrder > a.joinedOrder ? b : a));
      list.splice(list.indexOf(newest), 1);
      newest.team = small;
      members.get(small)!.push(newest);
      moved.add(newest);
    }
    return [...moved];
  }
}
