/**
 * The synced room as the browser holds it: a plain snapshot (model/plain.ts) of the rows the room
 * syncs (shared/view/rows.ts), taken after each patch. The types are derived from those rows, so a
 * field the server adds, renames or retypes shows up here without restating it.
 * A student's `datacenters` holds only their own team's; the teacher's holds every team's.
 */
import type {
  BannerRow, ConfigRow, DatacenterRow, FeedRow, InstanceRow as SyncedInstance, RoomRow, RoundRow, SeatRow, ServerRow as SyncedServer,
  TeamRow, TrafficRow, VmRow as SyncedVm,
} from "../../../shared/view/rows";
import type { Plain } from "./plain";

export type ServerRow = Plain<SyncedServer>;
export type VmRow = Plain<SyncedVm>;
export type InstanceRow = Plain<SyncedInstance>;
export type TrafficView = Plain<TrafficRow>;
export type FeedEntryView = Plain<FeedRow>;
export type DatacenterView = Plain<DatacenterRow>;
export type SeatView = Plain<SeatRow>;
/** The leaderboard line: `demand`, `served` and `dropped` are the engine's front-end totals for the last minute. */
export type TeamView = Plain<TeamRow>;
export type ConfigView = Plain<ConfigRow>;
export type RoundView = Plain<RoundRow>;
export type BannerView = Plain<BannerRow>;
export type ClassView = Plain<RoomRow>;
/** While frozen: who may keep building, and seconds until the clock restarts by itself. */
export type FreezeView = ClassView["freeze"];

/** An app's instance, on a server or in a VM (`host`). */
export type InstanceView = InstanceRow;
/** A VM with its instances, nested again (model/datacenter.ts serversOf). */
export interface VmView extends VmRow { instances: InstanceView[] }
/** A server with its VMs and instances, nested again, as the canvas and the panels read it. */
export interface ServerView extends ServerRow { vms: VmView[]; instances: InstanceView[] }
