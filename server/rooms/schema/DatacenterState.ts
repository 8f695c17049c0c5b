import { ArraySchema, MapSchema, Schema, type } from "@colyseus/schema";
import type { AppId, LayerKind, ModelId, OsKind, VirtMode } from "../../../shared/engine/data";
import type {
  DatacenterRow, FeedKind, FeedRow, InstanceRow, LedgerRow, ServerRow, TeamFeedRow, TrafficRow, VmRow,
} from "../../../shared/view/rows";

/**
 * A team's whole datacenter, mirrored from the engine with the engine's own field names so the
 * browser can rebuild engine state and ask the engine what a drag would do.
 *
 * The lists are flat (servers, VMs, instances side by side, each pointing at its parent) on
 * purpose: schema 3 shares StateView visibility with items of a collection, but not with
 * collections held by a child schema, so nested lists under a view-filtered datacenter would need
 * every new child added to every view by hand. Per-tick numbers are coarse (load in 5 % steps).
 */
export class InstanceState extends Schema implements InstanceRow {
  @type("string") id = "";
  /** The server or VM it runs on. */
  @type("string") host = "";
  @type("string") app: AppId = "web";
  @type("boolean") container = false;
  @type("number") cpu = 0;
  @type("number") mem = 0;
  @type("boolean") memLimited = false;
  @type("boolean") volume = false;
  @type("number") readyAt = 0;
  @type("number") downUntil = 0;
  /** Share of its CPU doing work last tick, in percent. */
  @type("uint8") load = 0;
}

export class VmState extends Schema implements VmRow {
  @type("string") id = "";
  @type("string") server = "";
  @type("string") os: OsKind = "linux";
  @type("string") mode: VirtMode = "para";
  @type("number") vcpus = 0;
  @type("number") mem = 0;
  @type("boolean") engine = false;
  @type("number") readyAt = 0;
  @type("number") downUntil = 0;
  /** Live migration target server id, "" when none. */
  @type("string") migrationTo = "";
  @type("number") migrationDoneAt = 0;
  @type("number") pullFreeAt = 0;
  /** Cached image layers as "layer@tick,…". */
  @type("string") cache = "";
}

export class ServerState extends Schema implements ServerRow {
  @type("string") id = "";
  @type("string") model: ModelId = "small";
  @type("number") boughtAt = 0;
  @type("number") readyAt = 0;
  @type("number") failedUntil = 0;
  @type("boolean") rented = false;
  /** Tick failing hardware will die at (0: no warning out). */
  @type("number") failingAt = 0;
  /** Its OS is rebooting or being patched until this tick. */
  @type("number") osDownUntil = 0;
  /** "" when no layer is installed. */
  @type("string") layer: LayerKind | "" = "";
  @type("number") layerReadyAt = 0;
  @type("uint8") essentials = 0;
  @type("uint8") standard = 0;
  @type("uint8") datacenter = 0;
  @type("uint8") ha = 0;
  @type("number") busyCpu = 0;
  @type("number") pullFreeAt = 0;
  /** Cached image layers as "layer@tick,…". */
  @type("string") cache = "";
}

export class AppTrafficState extends Schema implements TrafficRow {
  @type("number") demand = 0;
  @type("number") capacity = 0;
  @type("number") served = 0;
  @type("number") dropped = 0;
}

/** Money so far this round, in cents (earned, or spent: costs are positive). */
export class LedgerState extends Schema implements LedgerRow {
  /** Earned from requests served. */
  @type("number") revenue = 0;
  /** Got back from servers sold. */
  @type("number") resale = 0;
  /** Spent buying servers. */
  @type("number") servers = 0;
  /** Spent renting servers by the minute. */
  @type("number") rent = 0;
  @type("number") licences = 0;
  @type("number") hypervisorLicences = 0;
  /** Power, cooling and rack space. */
  @type("number") power = 0;
  /** For requests turned away. */
  @type("number") penalties = 0;
  /** Compliance fines. */
  @type("number") fines = 0;
}

/** One line of the team feed: who did what (or what happened), at which tick. */
export class FeedEntryState extends Schema implements FeedRow {
  @type("number") tick = 0;
  @type("int32") seat = 0;
  @type("string") who = "";
  @type("string") kind: FeedKind = "event";
  /** JSON of the command or event, rendered and translated by the client. */
  @type("string") data = "";
}

export class DatacenterState extends Schema implements DatacenterRow {
  @type("uint8") team = 0;
  @type("number") cash = 0;
  @type([ServerState]) servers = new ArraySchema<ServerState>();
  @type([VmState]) vms = new ArraySchema<VmState>();
  @type([InstanceState]) instances = new ArraySchema<InstanceState>();
  @type({ map: AppTrafficState }) traffic = new MapSchema<AppTrafficState>();
  @type(LedgerState) ledger = new LedgerState();
  @type("number") revenue = 0;
  @type("number") power = 0;
  @type("number") rent = 0;
  @type("number") penalties = 0;
  @type("number") fines = 0;
  @type("number") capacityCpu = 0;
  @type("number") reservedCpu = 0;
  @type("number") usefulCpu = 0;
  @type("number") osTaxCpu = 0;
}

export class TeamFeedState extends Schema implements TeamFeedRow {
  @type("uint8") team = 0;
  @type([FeedEntryState]) lines = new ArraySchema<FeedEntryState>();
}
