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
  /** Instance id, `i<n>`. */
  id: string;
  /** The server or VM it runs on. */
  host: string;
  /** The app it runs (AppId). */
  app: AppId;
  /** A container (on a container host, or in a VM with an engine), else a process on a bare OS. */
  container: boolean;
  /** CPU it reserves, millicores. */
  cpu: number;
  /** Memory it reserves, MiB. */
  mem: number;
  /** A container with a memory limit: a leak stays inside it. */
  memLimited: boolean;
  /** A container whose data sits on a volume: it survives the container being replaced or started again. */
  volume: boolean;
  /** Tick it starts serving. */
  readyAt: number;
  /** Down (restarting, patched, knocked out) until this tick. */
  downUntil: number;
  /** Share of its CPU doing work last tick, in percent, in LOAD_STEP_PCT steps (see quantize.ts). */
  load: number;
}

export interface VmRow {
  /** VM id, `v<n>`. */
  id: string;
  /** The server it runs on. */
  server: string;
  /** Guest OS (OsKind). */
  os: OsKind;
  /** Virtualization mode (VirtMode): para-virtualized or full. */
  mode: VirtMode;
  /** vCPUs, each 1000 millicores of its host. */
  vcpus: number;
  /** Memory, MiB. */
  mem: number;
  /** Runs a container engine: what is deployed on it are containers. */
  engine: boolean;
  /** Tick it has booted. */
  readyAt: number;
  /** Down (rebooting, patched, knocked out) until this tick. */
  downUntil: number;
  /** Live migration target server id, "" when none. */
  migrationTo: string;
  /** Tick the live migration completes (0: none). */
  migrationDoneAt: number;
  /** When its registry link is free again, in thousandths of a tick. */
  pullFreeAt: number;
  /** Cached image layers as "layer@tick,…" (shared/protocol/cache.ts). */
  cache: string;
}

export interface ServerRow {
  /** Server id, `s<n>`. */
  id: string;
  /** Hardware model (ModelId). */
  model: ModelId;
  /** Tick it was bought (or rented). */
  boughtAt: number;
  /** Tick it is delivered. */
  readyAt: number;
  /** Rented by the minute (billed every tick until returned). */
  rented: boolean;
  /** Hardware failure: down until this tick (0 when healthy). */
  failedUntil: number;
  /** Failing hardware has warned: it dies at this tick (0 when no warning is out). */
  failingAt: number;
  /** Its OS is rebooting or being patched until this tick. */
  osDownUntil: number;
  /** Host layer (LayerKind), "" when none is installed. */
  layer: LayerKind | "";
  /** Tick the layer is installed. */
  layerReadyAt: number;
  /** Windows Server licences held: Essentials, Standard and Datacenter editions. */
  essentials: number;
  /** Windows Server Standard licences held. */
  standard: number;
  /** Windows Server Datacenter licences held. */
  datacenter: number;
  /** Hypervisor HA suite licences. */
  ha: number;
  /** CPU busy last tick, millicores, in BUSY_CPU_STEP steps (see quantize.ts). */
  busyCpu: number;
  /** When its registry link is free again, in thousandths of a tick. */
  pullFreeAt: number;
  /** Cached image layers as "layer@tick,…". */
  cache: string;
}

/** One app's requests last tick, for one team. */
export interface TrafficRow {
  /** Requests that came in last tick. */
  demand: number;
  /** Requests the running instances could take. */
  capacity: number;
  /** Requests served. */
  served: number;
  /** Requests turned away. */
  dropped: number;
}

/** Money so far, by category (cents; costs positive). */
export type LedgerRow = Ledger;

/** Last tick's money and CPU figures of one datacenter (the engine's TickFigures). */
export interface DatacenterFigures {
  /** Earned last tick, cents. */
  revenue: number;
  /** Spent last tick on power, cooling and rack space, cents. */
  power: number;
  /** Spent last tick on rented servers, cents. */
  rent: number;
  /** Paid last tick for requests turned away, cents. */
  penalties: number;
  /** Compliance fines last tick, cents. */
  fines: number;
  /** CPU owned (delivered servers), millicores. */
  capacityCpu: number;
  /** CPU reserved by what is placed on it, millicores. */
  reservedCpu: number;
  /** CPU doing useful work last tick, millicores. */
  usefulCpu: number;
  /** CPU kept by operating systems, hypervisors and container engines, millicores. */
  osTaxCpu: number;
}

/**
 * A team's whole datacenter. The lists are flat (each row names its parent) and each keeps, per
 * parent, the engine's order, so nesting them by parent rebuilds the engine's tree exactly.
 */
export interface DatacenterRow extends DatacenterFigures {
  /** Team index. */
  team: number;
  /** Cash now, cents. */
  cash: number;
  /** Its servers. */
  servers: List<ServerRow>;
  /** Its VMs, each naming its server. */
  vms: List<VmRow>;
  /** Its instances, each naming its host (a server or a VM). */
  instances: List<InstanceRow>;
  /** Per app of the round (keys are AppId). */
  traffic: ReadonlyMap<string, TrafficRow>;
  /** Money so far this round, by category, cents. */
  ledger: LedgerRow;
}

/** One line of a team's feed: who did what (or what happened), at which tick. */
export interface FeedRow {
  /** Tick it happened. */
  tick: number;
  /** The seat that acted; BOT_SEAT for a bot, SYSTEM_SEAT for the game itself. */
  seat: number;
  /** The actor's nickname when the line was written ("" for the game). */
  who: string;
  /** command, event or notice. */
  kind: FeedKind;
  /** JSON: the command (kind "command"), the engine event ("event"), `{text}` ("notice"). */
  data: string;
}
export type FeedKind = "command" | "event" | "notice";

/** A team's feed: its last lines, oldest first. */
export interface TeamFeedRow {
  /** Team index. */
  team: number;
  /** The last LIMITS.feedLength lines, oldest first. */
  lines: List<FeedRow>;
}

/** The leaderboard line of a team that everyone sees: its set-up part … */
export interface TeamSetupRow {
  /** Team index (0-based, the `team` of seats, datacenters and commands). */
  index: number;
  /** The team's name. */
  name: string;
  /** Bot name when a bot plays this team, "" otherwise. */
  bot: string;
  /** Students on the team. */
  members: number;
}

/** … and the part the engine's state gives (score and availability as teamResult computes them). */
export interface TeamScoreRow {
  /** Cash plus what its owned servers would sell for, cents (the ranking). */
  score: number;
  /** Cash now, cents. */
  cash: number;
  /** Availability so far, basis points. */
  availability: number;
  /** Last tick's user requests (front-end apps). */
  demand: number;
  /** Of those, served last tick. */
  served: number;
  /** Of those, turned away last tick. */
  dropped: number;
  /** Servers it holds (owned or rented). */
  servers: number;
  /** Instances placed on them. */
  instances: number;
}

export interface TeamRow extends TeamSetupRow, TeamScoreRow {}

/** The setup for the next round (the teacher edits it in the lobby and between rounds). */
export interface ConfigRow {
  /** ScenarioId of the next round. */
  scenario: ScenarioId;
  /** Starting cash of each team, cents. */
  budget: number;
  /** Speed: the teacher's multiplier of the engine's pace (1 = a game minute a second in the spike). */
  tickRate: number;
  /** Host layers players may install (LayerKind). */
  unlocks: List<LayerKind>;
  /** Demand as a percentage of the scenario's. */
  trafficPct: number;
  /** The scenario's own incidents happen. */
  scriptedIncidents: boolean;
  /** The class cap: student seats the room takes. */
  maxStudents: number;
  /** A 3-2-1 countdown before the clock starts. */
  countdown: boolean;
}

/** The round being played: what a browser needs to rebuild the engine's world. */
export interface RoundRow {
  /** 1 for the first round; 0 before it. */
  number: number;
  /** ScenarioId; "" before the first round. */
  scenario: ScenarioId | "";
  /** Length of the round in ticks (one tick is one game minute). */
  ticks: number;
  /** Clock time of tick 0, minutes after midnight. */
  startMinute: number;
  /** Starting cash, cents. */
  budget: number;
  /** A team whose cash is below this (cents, negative: an overdraft) cannot spend. */
  cashFloor: number;
  /** Host layers players may install (LayerKind). */
  unlocks: List<LayerKind>;
  /** The apps this round serves (AppId), in display order. */
  apps: List<AppId>;
  /** Demand as a percentage of the scenario's. */
  trafficPct: number;
  /** Payments must run on a kernel of their own (a compliance fine otherwise). */
  paymentIsolation: boolean;
  /** Machines can be rented by the minute this round. */
  rent: boolean;
  /** The speed the round plays at (see ConfigRow.tickRate). */
  tickRate: number;
}

/**
 * Something the class should notice: the spike, an incident, a server warning of failing hardware
 * ("hardware-warning"), a rented server taken back for unpaid rent ("server-reclaimed"), a team
 * renting servers ("rent").
 */
export interface BannerRow {
  /** Tick it happened. */
  tick: number;
  /** -1 when it concerns every team. */
  team: number;
  /** "spike", an incident kind, "hardware-warning", "server-reclaimed" or "rent". */
  kind: string;
  /** The app it concerns ("" if none). */
  app: string;
  /** How many objects the incident hit (servers rented, for "rent"). */
  hit: number;
  /** What it cost the team, cents. */
  cost: number;
  /** The server it is about ("" when none or several; the model rented, for "rent"). */
  target: string;
  /** A hardware warning: the tick the server fails. The spike: its wave (1 or 2). */
  at: number;
}

export interface SeatRow {
  /** Seat number: HOST_SEAT (0) for the teacher, 1, 2, … for students in joining order. */
  seat: number;
  /** The nickname as the server normalised it. */
  nickname: string;
  /** "host" or "student". */
  role: Role;
  /** NO_TEAM while the student has not picked a team. */
  team: number;
  /** At least one connection is open (a seat outlives its connections). */
  connected: boolean;
  /** The team this student asked to join mid-round, waiting for the teacher (NO_TEAM: not asking). */
  asks: number;
  /** This student asked the teacher for more time and is waiting for an answer. */
  asksTime: boolean;
}

/**
 * The clock is frozen (phase "frozen"): who may keep building. Nobody is named when everyone may
 * (a freeze for discussion); otherwise the teams and students with extra time.
 */
export interface FreezeRow {
  /** Every student in a team may build (a freeze for discussion: nobody named). */
  everyone: boolean;
  /** Teams with extra time: their students may build. */
  teams: List<number>;
  /** Students with extra time (seat numbers). */
  seats: List<number>;
  /** Seconds until the clock restarts by itself; 0: it waits for the teacher. */
  secondsLeft: number;
}

/** No freeze: what the row reads outside the `frozen` phase. */
export const NO_FREEZE: FreezeRow = { everyone: true, teams: [], seats: [], secondsLeft: 0 };

/** The whole synced room as one browser sees it. */
export interface RoomRow {
  /** The room code. */
  code: string;
  /** lobby, briefing, playing, paused, frozen, over or ended (see "Phases"). */
  phase: Phase;
  /** A practice room: one player (the host) against bots. */
  practice: boolean;
  /** The teacher locked joining (seat tokens still work). */
  locked: boolean;
  /** The round's tick: the state shows the world after `tick` minutes were played. */
  tick: number;
  /** Seconds before the clock starts (3, 2, 1); 0 when no countdown is running. */
  countdown: number;
  /** Who may keep building while the clock is frozen (phase "frozen"). */
  freeze: FreezeRow;
  /** The setup for the next round. */
  config: ConfigRow;
  /** The round shown (from its briefing on; the last one after it ended). */
  round: RoundRow;
  /** Requests per tick per app (keys are AppId), the same for every team. */
  demand: ReadonlyMap<string, number>;
  /** By seat number (as a string key). */
  seats: ReadonlyMap<string, SeatRow>;
  /** The leaderboard, one line per team. */
  teams: List<TeamRow>;
  /** The last LIMITS.bannerLength banners, oldest first. */
  banners: List<BannerRow>;
  /** A student sees their own team's; the teacher sees every team's. */
  datacenters: List<DatacenterRow>;
  /**
   * A seat sees its own team's feed only (the teacher none, except in a practice room, where the
   * teacher plays team 0): the feed is what teammates did, read on the team's own screen.
   */
  feeds: List<TeamFeedRow>;
}
