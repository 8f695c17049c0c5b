import { MAX_TEAMS, TEAM_NAME_MAX } from "../engine/data";

/** Limits the server enforces and the client shows (one place, so both agree). */
export const LIMITS = {
  /** A nickname's length in visible characters (graphemes), after normalising. */
  nicknameMin: 1,
  nicknameMax: 20,
  /** A team name's length in characters a teacher may give: shorter than the engine's TEAM_NAME_MAX so it fits a team tile. */
  teamNameMax: Math.min(24, TEAM_NAME_MAX),
  /** Teams in a round: at least this many (configure's `teams`). */
  minTeams: 2,
  /** The engine's own limit: a match cannot hold more teams. */
  maxTeams: MAX_TEAMS,
  /** The class cap a teacher may set (students in the room at once). */
  minStudents: 1,
  maxStudents: 200,
  /** The speed a teacher may set (a multiplier of the engine's pace). */
  minTickRate: 0.5,
  maxTickRate: 4,
  /** A teacher's notice, in characters. */
  messageMax: 200,
  /** A client message larger than this (JSON bytes) is refused without being looked at. */
  payloadMaxBytes: 2048,
  /** Commands per second per client, with bursts up to `rateBurst`. */
  ratePerSecond: 10,
  /** Messages a connection may send at once before the rate applies. */
  rateBurst: 20,
  /** Commands waiting for the next tick, per client and per room. */
  queuePerClient: 20,
  /** Inputs waiting for the next tick in one room. */
  queuePerRoom: 600,
  /** Per client while the clock is frozen: a discussion can last minutes, and players keep building. */
  queuePerClientFrozen: 60,
  /** A timed hold (extra time) lasts this many seconds at least … */
  holdSecondsMin: 10,
  /** … and at most (15 minutes). */
  holdSecondsMax: 900,
  /** A student may ask the teacher for more time once in this many seconds. */
  askTimeEverySeconds: 60,
  /** Students one hold may name. */
  holdSeatsMax: 50,
  /** The 3-2-1 before the clock starts. */
  countdownSeconds: 3,
  /** A dropped connection keeps its seat this long for `reconnect` (the seat token works after). */
  reconnectSeconds: 120,
  /**
   * A seat reservation (the matchmaking answer) must be used within this many seconds; it holds
   * no seat, but thousands of unused ones would still cost memory.
   */
  seatReservationSeconds: 8,
  /**
   * New student seats one network address may take in a room: a full default class at once (a
   * school behind one NAT address), then one every 2 s. It cannot tell that class from a script on
   * the same network; it stops a script from outside taking more than a class's worth.
   */
  seatsPerAddressBurst: 60,
  /** After the burst, new seats per second per address. */
  seatsPerAddressPerSecond: 0.5,
  /** Connections (tabs, devices) one seat may have open at once. */
  tabsPerSeat: 4,
  /** Lines kept in each team's feed, and banners kept. */
  feedLength: 30,
  bannerLength: 8,
  /** Characters in a room code. */
  codeLength: 6,
  /** Seat numbers a host command may name (kick, move). */
  maxSeat: 100_000,
} as const;

/** Room codes avoid look-alikes (0/O, 1/I/L) so a code read off a projector types right first time. */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
