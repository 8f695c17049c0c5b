import type { AppId, LayerKind, LayerId, LicenceEdition, ModelId, OsKind, VirtMode } from "./data";
import type { ScenarioId } from "../scenarios/types";
import type { IncidentKind } from "./incidentKinds";

/**
 * Match state: plain JSON, integers only, arrays in creation order.
 * It can be cloned with structuredClone, sent over the wire, hashed and replayed.
 */
export interface MatchState {
  engineVersion: string;
  scenario: ScenarioId;
  settings: MatchSettings;
  /** The realised scenario: the forecast plus the seeded surprise, drawn once at creation. */
  world: World;
  seed: number;
  /** PRNG state (mulberry32), advanced only by the engine. */
  rng: number;
  tick: number;
  nextId: number;
  teams: Team[];
  /** Incidents waiting for the next tick (scripted ones fire from the scenario by tick). */
  pendingIncidents: IncidentSpec[];
  /** Demand of the last tick, the same for every team. */
  demand: Record<AppId, number>;
  /** What happened during the last tick, for feeds and banners. */
  events: GameEvent[];
}

export interface MatchSettings {
  scenario: ScenarioId;
  teams: string[];
  /** Overrides, all optional: the scenario's values otherwise. */
  budget?: number;
  unlocks?: LayerKind[];
  trafficPct?: number;
  scriptedIncidents?: boolean;
}

export interface World {
  ticks: number;
  startMinute: number;
  budget: number;
  cashFloor: number;
  unlocks: LayerKind[];
  trafficPct: number;
  apps: AppId[];
  /**
   * The realised spike, drawn inside the forecast band at creation: the tick it starts and its
   * size in percent of the forecast; a second wave starts at `wave2Start` (−1: none this time).
   * Bots and players see only the band (forecastBand), never these.
   */
  spikeStart: number;
  spikePeakPct: number;
  wave2Start: number;
  wave2PeakPct: number;
  /** Ticks from `slowFrom` to `slowTo` play at the spike's pace (the whole forecast window). */
  slowFrom: number;
  slowTo: number;
  /** Whether machines can be rented by the minute (not in the old era). */
  rent: boolean;
  scriptedIncidents: boolean;
  paymentIsolation: boolean;
}

export interface Team {
  id: number;
  name: string;
  cash: number;
  ledger: Ledger;
  servers: Server[];
  stats: TeamStats;
  /** Last tick's figures per app and for the whole team, for dashboards and charts. */
  traffic: Record<AppId, AppTraffic>;
  last: TickFigures;
  /** The team's registry side: public pulls it started (rate-limited per minute) and what its own mirror holds. */
  registry: RegistryState;
  /**
   * Whether the team's database rows sit on a volume: a new primary deployed with a volume then
   * attaches them instead of restoring last night's backup.
   */
  dbOnVolume: boolean;
}

export interface RegistryState {
  /** Ticks at which image pulls from the public registry start, from the current minute on (the limit counts them). */
  publicPulls: number[];
  /** Layers the team's mirror holds (a pull-through cache), with the tick each arrives. */
  mirror: CachedLayer[];
}

export interface TickFigures {
  demand: number;
  served: number;
  dropped: number;
  revenue: number;
  power: number;
  rent: number;
  penalties: number;
  fines: number;
  capacityCpu: number;
  reservedCpu: number;
  usefulCpu: number;
  osTaxCpu: number;
}

export interface AppTraffic {
  demand: number;
  capacity: number;
  served: number;
  dropped: number;
}

/** Every cent that moved, by kind. cash = budget + in − out, exactly. */
export interface Ledger {
  revenue: number;
  resale: number;
  servers: number;
  rent: number;
  /** Windows Server licences. */
  licences: number;
  /** Hypervisor management licences (the type-1 hypervisor itself is free). */
  hypervisorLicences: number;
  power: number;
  penalties: number;
  fines: number;
}

export interface TeamStats {
  ticks: number;
  demand: number;
  served: number;
  dropped: number;
  droppedPeak: number;
  droppedPeakTick: number;
  /** Sums over ticks of CPU capacity, reserved CPU, useful CPU and OS/hypervisor CPU. */
  capacityCpu: number;
  reservedCpu: number;
  usefulCpu: number;
  osTaxCpu: number;
  osTaxMem: number;
  /** First tick with dropped requests at or after the spike, and first tick back to no drops. */
  spikeFirstDrop: number;
  spikeRecovered: number;
  /** The tick cash first went below the scenario's floor (spending refused from then on); −1: never. */
  brokeAt: number;
  /** Running costs, rent, penalties and fines charged from `brokeAt` on, in cents (debt keeps growing). */
  costsAfterBroke: number;
  /** Rows the database wrote (orders, registrations), and those lost with a container's writable layer. */
  writes: number;
  lostWrites: number;
  /** Times a database started from last night's backup after its first (data lost or not carried over). */
  restores: number;
  /** Image pulls from the public registry, and the minutes they waited for its rate limit in all. */
  publicPulls: number;
  publicPullWaitTicks: number;
  /** Image pulls served by the team's own mirror. */
  mirrorPulls: number;
}

export interface Server {
  id: string;
  model: ModelId;
  boughtAt: number;
  readyAt: number;
  /** Rented by the minute (billed every tick until returned; worth nothing at the end). */
  rented: boolean;
  /** Hardware failure: down until this tick (0 when healthy). */
  failedUntil: number;
  /** Failing hardware has warned: it dies at this tick (0 when no warning is out). */
  failingAt: number;
  /** Its OS or kernel is rebooting or being patched until this tick (0 when not). */
  osDownUntil: number;
  layer: LayerKind | null;
  layerReadyAt: number;
  licences: Record<LicenceEdition, number>;
  vms: Vm[];
  /** Processes on a bare OS, or containers on a container host. */
  instances: Instance[];
  cache: CachedLayer[];
  /** When the host's registry link is free again, in thousandths of a tick. */
  pullFreeAt: number;
  /** CPU busy last tick (useful work, overheads and idle burn), for power and display. */
  busyCpu: number;
}

export interface Vm {
  id: string;
  os: OsKind;
  mode: VirtMode;
  vcpus: number;
  mem: number;
  /** Runs a container engine: its instances are containers. */
  engine: boolean;
  readyAt: number;
  downUntil: number;
  migration: Migration | null;
  instances: Instance[];
  cache: CachedLayer[];
  /** When the host's registry link is free again, in thousandths of a tick. */
  pullFreeAt: number;
}

export interface Migration {
  to: string;
  doneAt: number;
}

export interface Instance {
  id: string;
  app: AppId;
  container: boolean;
  cpu: number;
  mem: number;
  /** Containers only: a memory limit keeps a leak inside this container. */
  memLimited: boolean;
  /**
   * Containers only: its data sits on a volume, outside the container, so it survives the container
   * being replaced, moved or started again; without one it writes to its own writable layer.
   */
  volume: boolean;
  /** Rows a database container wrote to its own writable layer since it last started (lost with it). */
  writes: number;
  readyAt: number;
  downUntil: number;
  /** Served last tick, and CPU it used for that. */
  served: number;
  usedCpu: number;
}

export interface CachedLayer {
  layer: LayerId;
  /** Tick the pull finishes (already cached when at ≤ now). */
  at: number;
}

export { INCIDENT_KINDS, type IncidentKind } from "./incidentKinds";

export interface IncidentSpec {
  kind: IncidentKind;
  /** Team index, or null for every team. */
  team: number | null;
  /** leak: which app leaks; kernel: the internet-facing app the exploit comes through. */
  app?: AppId;
  /** hardware: a specific server (host-triggered); otherwise one is drawn. */
  server?: string;
}

export type GameEvent =
  | { kind: "server-delivered"; team: number; server: string }
  | { kind: "layer-ready"; team: number; server: string; layer: LayerKind }
  | { kind: "vm-ready"; team: number; vm: string }
  | { kind: "instance-ready"; team: number; instance: string; app: AppId }
  | { kind: "migration-done"; team: number; vm: string; from: string; to: string }
  | { kind: "server-repaired"; team: number; server: string }
  | { kind: "hardware-warning"; team: number; server: string; at: number }
  | { kind: "server-reclaimed"; team: number; server: string }
  /** A container started again from its image without a volume: what it wrote is gone (`rows`; a database restores). */
  | { kind: "data-lost"; team: number; instance: string; app: AppId; rows: number; until: number }
  /** Cash went below the scenario's floor: spending is refused from here, running costs pile up as debt. */
  | { kind: "broke"; team: number; cash: number }
  | { kind: "incident"; team: number; incident: IncidentKind; app?: AppId; target?: string; hit: string[]; cost: number }
  | { kind: "spike"; team: -1; wave: 1 | 2 };
