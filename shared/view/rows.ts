/**
 * The rows a room syncs to its browsers, one shape for every reader: the server's schema classes
 * implement them (so the compiler catches drift), the replay builds them from engine state, and
 * the client derives its view types from them. Collections are read-only: a browser renders the
 * synced state, it never edits it.
 */
import type { AppId, LayerKind, ModelId, OsKind, VirtMode } from "../engine/data";
import type { Ledger } from "../engine/types";
import type { Phase, Role } from "../protocol/phases";
import type { ScenarioId } from "../scenarios/types";

/**
 * A read-only list: a plain array (built from engine state) or a synced ArraySchema alike. Only
 * what both provide with the same meaning; spread it (`[...list]`) for anything else.
 */
export interface List<T> extends Iterable<T> {
  readonly length: number;
  readonly [index: number]: T;
  map<U>(fn: (value: T, index: number) => U): U[];
  filter(fn: (value: T, index: number) => unknown): T[];
  find(fn: (value: T, index: number) => unknown): T | undefined;
  findIndex(fn: (value: T, index: number) => unknown): number;
  forEach(fn: (value: T, index: number) => void): void;
  some(fn: (value: T, index: number) => unknown): boolean;
  every(fn: (value: T, index: number) => unknown): boolean;
  includes(value: T): boolean;
  indexOf(value: T): number;
  slice(start?: number, end?: number): T[];
}

/** An app running on a server or VM: a process on a bare OS, or a container. */
export interface InstanceRow {
  id: string;
  /** The server or VM it runs on. */
  host: string;
  app: AppId;
  container: boolean;
  cpu: number;
  mem: number;
  memLimited: boolean;
  readyAt: number;
  downUntil: number;
  /** Share of its CPU doing work last tick, in percent, in LOAD_STEP_PCT steps (see quantize.ts). */
  load: number;
}

export interface VmRow {
  id: string;
  /** The server it runs on. */
  server: string;
  os: OsKind;
  mode: VirtMode;
  vcpus: number;
  mem: number;
  engine: boolean;
  readyAt: number;
  downUntil: number;
  /** Live migration target server id, "" when none. */
  migrationTo: string;
  migrationDoneAt: number;
  pullFreeAt: number;
  /** Cached image layers as "layer@tick,…" (shared/protocol/cache.ts). */
  cache: string;
}

export interface ServerRow {
  id: string;
  model: ModelId;
  boughtAt: number;
  readyAt: number;
  /** Rented by the minute (billed every tick until returned). */
  rented: boolean;
  /** Hardware failure: down until this tick (0 when healthy). */
  failedUntil: number;
  /** Failing hardware has warned: it dies at this tick (0 when no warning is out). */
  failingAt: number;
  /** Its OS is rebooting or being patched until this tick. */
  osDownUntil: number;
  /** "" when no layer is installed. */
  layer: LayerKind | "";
  layerReadyAt: number;
  /** Windows Server licences held, by edition. */
  essentials: number;
  standard: number;
  datacenter: number;
  /** Hypervisor HA suite licences. */
  ha: number;
  /** CPU busy last tick, millicores, in BUSY_CPU_STEP steps (see quantize.ts). */
  busyCpu: number;
  pullFreeAt: number;
  /** Cached image layers as "layer@tick,…". */
  cache: string;
}

/** One app's requests last tick, for one team. */
export interface TrafficRow {
  demand: number;
  capacity: number;
  served: number;
  dropped: number;
}

/** Money so far, by category (cents; costs positive). */
export type LedgerRow = Ledger;

/** Last tick's money and CPU figures of one datacenter (the engine's TickFigures). */
export interface DatacenterFigures {
  revenue: number;
  power: number;
  rent: number;
  penalties: number;
  fines: number;
  /** Millicores: owned, reserved by what is placed, doing useful work, kept by OSes and hypervisors. */
  capacityCpu: number;
  reservedCpu: number;
  usefulCpu: number;
  osTaxCpu: number;
}

/**
 * A team's whole datacenter. The lists are flat (each row names its parent) and each keeps, per
 * parent, the engine's order, so nesting them by parent rebuilds the engine's tree exactly.
 */
export interface DatacenterRow extends DatacenterFigures {
  team: number;
  cash: number;
  servers: List<ServerRow>;
  vms: List<VmRow>;
  instances: List<InstanceRow>;
  /** Per app of the round (keys are AppId). */
  traffic: ReadonlyMap<string, TrafficRow>;
  ledger: LedgerRow;
}

/** One line of a team's feed: who did what (or what happened), at which tick. */
export interface FeedRow {
  tick: number;
  /** The seat that acted; BOT_SEAT for a bot, SYSTEM_SEAT for the game itself. */
  seat: number;
  /** The actor's nickname when the line was written ("" for the game). */
  who: string;
  kind: FeedKind;
  /** JSON: the command (kind "command"), the engine event ("event"), `{text}` ("notice"). */
  data: string;
}
export const FEED_KINDS = ["command", "event", "notice"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** A team's feed: its last lines, oldest first. */
export interface TeamFeedRow {
  team: number;
  lines: List<FeedRow>;
}

/** The leaderboard line of a team that everyone sees: its set-up part … */
export interface TeamSetupRow {
  index: number;
  name: string;
  /** Bot name when a bot plays this team, "" otherwise. */
  bot: string;
  /** Students on the team. */
  members: number;
}

/** … and the part the engine's state gives (score and availability as teamResult computes them). */
export interface TeamScoreRow {
  score: number;
  cash: number;
  /** Availability so far, basis points. */
  availability: number;
  /** Last tick's user requests (front-end apps). */
  demand: number;
  served: number;
  dropped: number;
  servers: number;
  instances: number;
}

export interface TeamRow extends TeamSetupRow, TeamScoreRow {}

/** The setup for the next round (the teacher edits it in the lobby and between rounds). */
export interface ConfigRow {
  scenario: ScenarioId;
  budget: number;
  tickRate: number;
  unlocks: List<LayerKind>;
  trafficPct: number;
  scriptedIncidents: boolean;
  maxStudents: number;
}

/** The round being played: what a browser needs to rebuild the engine's world. */
export interface RoundRow {
  number: number;
  /** "" before the first round. */
  scenario: ScenarioId | "";
  ticks: number;
  startMinute: number;
  budget: number;
  cashFloor: number;
  unlocks: List<LayerKind>;
  apps: List<AppId>;
  trafficPct: number;
  paymentIsolation: boolean;
  /** Machines can be rented by the minute this round. */
  rent: boolean;
  tickRate: number;
}

/** Something everyone should notice (the spike, an incident). */
export interface BannerRow {
  tick: number;
  /** -1 when it concerns every team. */
  team: number;
  /** "spike" or an incident kind. */
  kind: string;
  app: string;
  /** Objects the incident hit, and what it cost (cents). */
  hit: number;
  cost: number;
}

export interface SeatRow {
  seat: number;
  nickname: string;
  role: Role;
  /** NO_TEAM while the student has not picked a team. */
  team: number;
  connected: boolean;
  /** The team this student asked to join mid-round, waiting for the teacher (NO_TEAM: not asking). */
  asks: number;
}

/** The whole synced room as one browser sees it. */
export interface RoomRow {
  code: string;
  phase: Phase;
  practice: boolean;
  locked: boolean;
  tick: number;
  config: ConfigRow;
  round: RoundRow;
  /** Requests per tick per app (keys are AppId), the same for every team. */
  demand: ReadonlyMap<string, number>;
  /** By seat number (as a string key). */
  seats: ReadonlyMap<string, SeatRow>;
  teams: List<TeamRow>;
  banners: List<BannerRow>;
  /** A student sees their own team's; the teacher sees every team's. */
  datacenters: List<DatacenterRow>;
  /**
   * A seat sees its own team's feed only (the teacher none, except in a practice room, where the
   * teacher plays team 0): the feed is what teammates did, read on the team's own screen.
   */
  feeds: List<TeamFeedRow>;
}
