/**
 * The synced room state as the browser holds it: a plain snapshot of the room's schema after each
 * patch (net/snapshot.ts). A student's `datacenters` holds only their own team's; the teacher's
 * holds every team's.
 */
import type { Phase } from "../../../shared/protocol/phases";

export interface InstanceView { id: string; app: string; container: boolean; cpu: number; mem: number; memLimited: boolean; readyAt: number; downUntil: number; load: number }
export interface CachedLayerView { layer: string; at: number }
export interface VmView {
  id: string; os: string; mode: string; vcpus: number; mem: number; engine: boolean; readyAt: number; downUntil: number;
  migrationTo: string; migrationDoneAt: number; pullFreeAt: number; instances: InstanceView[]; cache: CachedLayerView[];
}
export interface ServerView {
  id: string; model: string; boughtAt: number; readyAt: number; failedUntil: number; rented: boolean; failingAt: number;
  osDownUntil: number; layer: string; layerReadyAt: number;
  essentials: number; standard: number; datacenter: number; ha: number; busyCpu: number; pullFreeAt: number;
  vms: VmView[]; instances: InstanceView[]; cache: CachedLayerView[];
}
export interface TrafficView { demand: number; capacity: number; served: number; dropped: number }
export interface LedgerView {
  revenue: number; resale: number; servers: number; rent: number; licences: number; hypervisorLicences: number; power: number; penalties: number; fines: number;
}
export interface FeedEntryView { tick: number; seat: number; who: string; kind: string; data: string }
/** Rows as synced (flat lists pointing at their parent); serversOf() nests them back. */
export interface InstanceRow extends InstanceView { host: string }
export interface VmRow extends Omit<VmView, "instances" | "cache"> { server: string; cache: string }
export interface ServerRow extends Omit<ServerView, "vms" | "instances" | "cache"> { cache: string }
export interface DatacenterView {
  team: number; cash: number; servers: ServerRow[]; vms: VmRow[]; instances: InstanceRow[]; traffic: Record<string, TrafficView>; ledger: LedgerView;
  revenue: number; power: number; rent: number; penalties: number; fines: number; capacityCpu: number; reservedCpu: number; usefulCpu: number; osTaxCpu: number;
}
/** A team's feed, synced to its members only. */
export interface TeamFeedView { team: number; lines: FeedEntryView[] }
/** `asks`: the team a student asked to join mid-round, waiting for the teacher (-1: not asking). */
export interface SeatView { seat: number; nickname: string; role: "host" | "student"; team: number; connected: boolean; asks?: number }
/** The leaderboard line: `demand`, `served` and `dropped` are the engine's front-end totals for the last minute. */
export interface TeamView { index: number; name: string; bot: string; score: number; cash: number; availability: number; demand: number; served: number; dropped: number; servers: number; instances: number; members: number }
export interface ConfigView { scenario: string; budget: number; tickRate: number; unlocks: string[]; trafficPct: number; scriptedIncidents: boolean; maxStudents: number }
export interface RoundView {
  number: number; scenario: string; ticks: number; startMinute: number; budget: number; cashFloor: number; unlocks: string[]; apps: string[];
  trafficPct: number; paymentIsolation: boolean; rent: boolean; tickRate: number;
}
export interface BannerView { tick: number; team: number; kind: string; app: string; hit: number; cost: number }
export interface ClassView {
  code: string; phase: Phase; practice: boolean; locked: boolean; tick: number; config: ConfigView; round: RoundView;
  demand: Record<string, number>; seats: Record<string, SeatView>; teams: TeamView[]; banners: BannerView[]; datacenters: DatacenterView[];
  feeds?: TeamFeedView[];
}
