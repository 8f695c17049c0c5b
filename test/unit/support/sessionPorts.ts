import type {
  Clock, MatchRows, Messenger, Persistence, Publisher, Recovered, SessionPorts, SessionRows, SessionSnapshot, Timer,
} from "../../../server/session/ports";
import type { BannerRow, FeedRow } from "../../../shared/view/rows";

/** A clock that moves only when the test says so; timers fire in time order as it passes them. */
export class FakeClock implements Clock {
  private t = 1_700_000_000_000;
  private seq = 0;
  private timers: { id: number; at: number; every: number | null; fn: () => void }[] = [];

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): Timer {
    return this.add(fn, ms, null);
  }

  setInterval(fn: () => void, ms: number): Timer {
    return this.add(fn, ms, ms);
  }

  private add(fn: () => void, ms: number, every: number | null): Timer {
    const id = ++this.seq;
    this.timers.push({ id, at: this.t + ms, every, fn });
    return { clear: () => { this.timers = this.timers.filter((x) => x.id !== id); } };
  }

  /** Timers still armed. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward, firing every timer due on the way (intervals as often as they fall due). */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.t = next.at;
      if (next.every === null) this.timers = this.timers.filter((x) => x !== next);
      else next.at += next.every;
      next.fn();
    }
    this.t = end;
  }
}

/** Everything a session published, sent and kept, for a test to read. */
export class FakeWorld implements Messenger, Persistence {
  readonly clock = new FakeClock();
  rows!: SessionRows;
  match: MatchRows | null = null;
  readonly feeds = new Map<number, FeedRow[]>();
  readonly banners: BannerRow[] = [];
  readonly sent: { seat: number | "all"; type: string; body: unknown }[] = [];
  readonly closedSeats: { seat: number; code: number }[] = [];
  roomClosed: { code?: number } | null = null;
  snapshots: SessionSnapshot[] = [];
  endedAt: string | null = null;

  get ports(): SessionPorts {
    const publish: Publisher = {
      session: (rows) => { this.rows = rows; },
      match: (rows) => { this.match = rows; },
      feed: (team, line) => { this.feeds.set(team, [...(this.feeds.get(team) ?? []), line]); },
      banner: (row) => { this.banners.push(row); },
      clearLines: () => {
        this.feeds.clear();
        this.banners.length = 0;
      },
    };
    return { clock: this.clock, publish, send: this, persist: this };
  }

  // Messenger
  toSeat(seat: number, type: string, body: unknown): void { this.sent.push({ seat, type, body }); }
  toAll(type: string, body: unknown): void { this.sent.push({ seat: "all", type, body }); }
  closeSeat(seat: number, code: number): void { this.closedSeats.push({ seat, code }); }
  closeRoom(code?: number): void { this.roomClosed = { code }; }

  // Persistence
  async saveSnapshot(snapshot: SessionSnapshot): Promise<void> { this.snapshots.push(snapshot); }
  roundSink(): undefined { return undefined; }
  ended(at: string): void { this.endedAt = at; }
  async recover(): Promise<Recovered | null> { return null; }

  messages(type: string, seat?: number | "all"): unknown[] {
    return this.sent.filter((m) => m.type === type && (seat === undefined || m.seat === seat)).map((m) => m.body);
  }
}
