import type { BotName } from "../../shared/bots/names";
import type { RoundReport } from "../../shared/debrief/report";
import type { MatchLogFile } from "../../shared/log/format";
import type { Phase } from "../../shared/protocol/phases";
import type {
  BannerRow, ConfigRow, DatacenterRow, FeedRow, FreezeRow, RoundRow, SeatRow, TeamScoreRow, TeamSetupRow,
} from "../../shared/view/rows";
import type { LogSink, LostInput } from "./Round";
import type { Ban } from "./Bans";
import type { Seat } from "./Roster";

/*
 * What a Session needs from the world, so it can run without sockets, timers or a disk: the
 * Colyseus room provides these in the server, tests provide fakes.
 */

export interface Timer {
  clear(): void;
}

/** Wall time and timers. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): Timer;
  setInterval(fn: () => void, ms: number): Timer;
}

/** The session's own rows: everything synced except the match's moving figures. */
export interface SessionRows {
  code: string;
  phase: Phase;
  practice: boolean;
  locked: boolean;
  /** Seconds before the clock starts, 0 when no countdown runs. */
  countdown: number;
  freeze: FreezeRow;
  config: ConfigRow;
  teams: TeamSetupRow[];
  seats: SeatRow[];
  /** The round shown (from its briefing on), null before the first. */
  round: RoundRow | null;
}

/** The match as it stands: what changes every tick. */
export interface MatchRows {
  tick: number;
  demand: Map<string, number>;
  scores: TeamScoreRow[];
  datacenters: DatacenterRow[];
}

/** Where the session's state goes to be seen (the room's synced schema). */
export interface Publisher {
  /** The session's rows changed (phase, lock, setup, teams, seats, round shown). */
  session(rows: SessionRows): void;
  /** The match moved on (a tick, or a round shown). */
  match(rows: MatchRows): void;
  /** A line for one team's feed. */
  feed(team: number, line: FeedRow): void;
  banner(row: BannerRow): void;
  /** A new round is shown: feeds and banners start empty. */
  clearLines(): void;
}

/** Messages and connections, by seat (a seat may be open in several tabs, or in none). */
export interface Messenger {
  toSeat(seat: number, type: string, body: unknown): void;
  toAll(type: string, body: unknown): void;
  /** Closes every connection of a seat (a kicked student) and stops waiting for a dropped one. */
  closeSeat(seat: number, code?: number): void;
  /** Closes the room: every connection, then the room itself. */
  closeRoom(code?: number): void;
}

/** What was kept of a session, to rebuild it after the server restarted. */
export interface Recovered {
  snapshot: SessionSnapshot;
  /** Debriefs of the rounds finished, in order. */
  reports: RoundReport[];
  /** The number of the last round started (the snapshot's when the store has no rounds). */
  lastRound: number;
  /** A round that was being played: its log, how far it got, and where the rest of it goes. */
  running: { log: MatchLogFile; tick: number; number: number; sink: LogSink; lost: LostInput[] } | null;
  /** Otherwise the last round finished (its complete log), shown as it ended beside its debrief. */
  last?: { log: MatchLogFile; number: number } | null;
}

/**
 * Where the session is kept. Writes are fire-and-forget for the session (the store may be across
 * the network; an implementation retries or reports failures itself).
 */
export interface Persistence {
  /** Resolves once saved (callers need not wait; failures are reported by the implementation). */
  saveSnapshot(snapshot: SessionSnapshot): Promise<void>;
  /**
   * Where a new round's match log is written (none: kept in memory only). `onLost` is called if
   * another room takes the round over (it was resumed elsewhere): this one must stop playing it.
   */
  roundSink(onLost: () => void): LogSink | undefined;
  /** The session ended at this (ISO) time: its code is not handed out again. */
  ended(at: string): void;
  /** What was kept of this session, read before the session is rebuilt. */
  recover(onLost: () => void): Promise<Recovered | null>;
}

/** Who sat where, and the setup: what a session needs to be rebuilt after the server stops. */
export interface SessionSnapshot {
  roster: Seat[];
  /** Kicked students (a kick lasts the session, restarts included). */
  bans?: Ban[];
  teams: string[];
  bots: (BotName | null)[];
  locked: boolean;
  roundNumber: number;
  config: {
    scenario: string; budget: number; tickRate: number; unlocks: string[]; trafficPct: number;
    scriptedIncidents: boolean; maxStudents: number; countdown?: boolean;
  };
}

export interface SessionPorts {
  clock: Clock;
  publish: Publisher;
  send: Messenger;
  persist: Persistence;
}

/** Keeps nothing (a server started without a store, and tests). */
export const NO_PERSISTENCE: Persistence = {
  saveSnapshot: async () => {},
  roundSink: () => undefined,
  ended: () => {},
  recover: async () => null,
};
