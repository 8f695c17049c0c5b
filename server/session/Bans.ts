import { NO_TEAM } from "../../shared/protocol/seats";
import { nicknameKey } from "./nickname";
import type { Seat } from "./Roster";

/** A kicked student: the seat as it was (so the teacher can undo), and what identified them. */
export interface Ban {
  seat: Seat;
  nicknameKey: string;
  /** Hashes of the browsers that held the seat. */
  devices: string[];
  /** Tick (or 0 outside a round) and wall time, for the teacher's list. */
  at: string;
}

/**
 * Kicked means out for the session: the seat token, the nickname and the browser that held the
 * seat are all refused, because a kick that a page reload (or a new nickname in the same browser)
 * undoes is no kick. Only the teacher lifts it.
 */
export class Bans {
  private readonly list = new Map<number, Ban>();

  add(seat: Seat, devices: readonly string[], at: string): Ban {
    const ban: Ban = { seat: { ...seat, connected: false, asks: NO_TEAM }, nicknameKey: nicknameKey(seat.nickname), devices: [...new Set(devices)], at };
    this.list.set(seat.seat, ban);
    return ban;
  }

  /** The ban a join attempt runs into, if any. */
  check(by: { tokenHash?: string; nickname?: string; device?: string }): Ban | undefined {
    const key = by.nickname !== undefined ? nicknameKey(by.nickname) : undefined;
    for (const ban of this.list.values()) {
      if (by.tokenHash !== undefined && by.tokenHash === ban.seat.tokenHash) return ban;
      if (key !== undefined && key === ban.nicknameKey) return ban;
      if (by.device && ban.devices.includes(by.device)) return ban;
    }
    return undefined;
  }

  /** Lifts a ban; returns the seat as it was, for the room to give back. */
  lift(seat: number): Seat | undefined {
    const ban = this.list.get(seat);
    this.list.delete(seat);
    return ban?.seat;
  }

  all(): Ban[] {
    return [...this.list.values()].sort((a, b) => a.seat.seat - b.seat.seat);
  }

  dump(): Ban[] {
    return this.all().map((b) => ({ ...b, seat: { ...b.seat }, devices: [...b.devices] }));
  }

  restore(bans: readonly Ban[] | undefined): void {
    this.list.clear();
    for (const b of bans ?? []) this.list.set(b.seat.seat, { ...b, seat: { ...b.seat }, devices: [...b.devices] });
  }
}
