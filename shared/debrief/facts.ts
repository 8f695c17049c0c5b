/**
 * What the debrief knows of each team's round (the round tracker, track.ts, fills it minute by
 * minute): peaks, latencies, pulls, incidents by cause, requests lost by cause, the packing peak.
 * The cards quote these figures back (cards.ts).
 */
import type { AppId, ModelId } from "../engine/data";
import { emptyLosses, type Losses } from "./losses";
import type { PackingSummary } from "./packing";

/** Count and sum of minutes, to quote an average. */
export interface Minutes {
  n: number;
  sum: number;
}

/** What a hypervisor kind cost a team, summed over the minutes its hosts were up (millicores). */
export interface HypervisorUse {
  hostMinutes: number;
  vmMinutes: number;
  /** The layer itself (the type-2 host OS included) and the per-VM virtualization tax. */
  layerCpu: number;
  taxCpu: number;
  /** vCPUs the VMs held, to quote the tax as a share of them. */
  vcpus: number;
}

export interface TeamFacts {
  /** Fines by cause (cents); the rest of `ledger.fines` is the compliance surcharge. */
  breachFines: number;
  auditFines: number;
  /** Leaks that hit a running instance. */
  leaks: number;
  /** Instances that leaked, and the neighbours their leak took down with them. */
  leakTargets: number;
  leakCollateral: number;
  /** Longest a leak kept an instance down, minutes. */
  leakOutage: number;
  /**
   * The leaking instances by the wall around them: a container with a memory limit (restarted
   * alone), alone on its OS or container host (the OOM killer restarts it), or sharing an OS or a
   * container host with no limit between them (the whole OS thrashes until it is rebooted); and
   * the longest each kind was down, minutes.
   */
  leakLimited: number;
  leakAlone: number;
  leakRebooted: number;
  leakLimitedOutage: number;
  leakAloneOutage: number;
  leakRebootOutage: number;
  kernels: number;
  kernelAt: number;
  /** Kernels an exploit compromised, and the instances that went down with them. */
  kernelTargets: number;
  kernelHit: number;
  patchHit: number;
  patchAt: number;
  /** A scripted hardware failure: the warning, the VMs moved off in time and what died with the server. */
  hardwareWarnings: number;
  hardwareWarnedAt: number;
  /** When the warned server died (-1: it did not while the team held it). */
  hardwareFailedAt: number;
  hardwareHa: boolean;
  hardwareVmsAtWarning: number;
  /** The warned server's host layer (only type-1 can live-migrate), and the apps that died with a failed server. */
  hardwareLayer: string;
  hardwareLostApps: AppId[];
  /** Instances and VMs on the warned server when it warned. */
  hardwareLoadAtWarning: number;
  /** VMs whose live migration off the warned server finished before it died. */
  hardwareVmsMoved: number;
  hardwareLostInstances: number;
  hardwareLostVms: number;
  /** Servers that failed with no warning (the teacher's incident): how many, the first one's minute, what died with them. */
  suddenFailures: number;
  suddenAt: number;
  suddenLostInstances: number;
  suddenLostVms: number;
  suddenLostApps: AppId[];
  migrations: number;
  serversPeak: number;
  boughtDuringRound: number;
  rentedPeak: number;
  rentedMinutes: number;
  vmsPeak: number;
  windowsPeak: number;
  /** The most different apps that ran on one OS (a bare OS or a VM without a container engine). */
  appsPerOsPeak: number;
  bareOsPeak: number;
  containerHostsPeak: number;
  type1: HypervisorUse;
  type2: HypervisorUse;
  /** Σ over minutes of the CPU guest OSes kept (millicores). */
  guestOsCpu: number;
  /** Minutes to serving (instances) or booted (VMs) once the host was ready, or the command given if later; to delivered (servers). */
  latency: { container: Minutes; vmProcess: Minutes; bareProcess: Minutes; vm: Minutes; bought: Minutes; rented: Minutes };
  containers: number;
  /** MB of images the containers deployed are made of, counted whole for each; MB the hosts pulled. */
  imageMb: number;
  pulledMb: number;
  /** Σ over minutes of owned CPU, CPU reserved and CPU doing useful work (millicores), and the minutes. */
  cpuCapacity: number;
  cpuReserved: number;
  cpuUseful: number;
  minutes: number;
  /** Payments served in all (the compliance surcharge is per payment on a shared kernel). */
  paymentServed: number;
  /** Minutes the database was up and still could not answer what the apps in front of it could serve. */
  dbShortMinutes: number;
  dbShortLost: number;
  resizeLive: number;
  resizeRestart: number;
  /** Average share of a GPU node's CPU nobody reserved while a job ran on it, percent (-1: no job). */
  gpuIdlePct: number;
  packing: PackingSummary | null;
  /** First minute at or after the spike's start in which the team added capacity: an instance, a VM, a server bought or rented, a bigger instance (-1: none). */
  spikeFirstAdd: number;
  /** Requests turned away, by cause, over the round and in the spike's window, with what they would have brought (losses.ts). */
  lost: Losses;
  spikeLost: Losses;
  /** Power of owned servers and rent of rented ones in minutes they were set up and ran nothing (cents). */
  emptyPower: number;
  emptyRent: number;
  /** Servers the team ordered during the round: the minute, the model, rented or bought. */
  orders: { at: number; model: ModelId; rented: boolean }[];
  /** Power drawn before the forecast window opened by servers bought in the round's first EARLY_TICKS minutes (cents). */
  earlyPower: number;
  /** What the requests turned away in each minute would have brought (cents; their sum is the sum of `lost`). */
  lostCents: number[];
  /** The biggest VM running several apps as processes in one guest OS, and its host's CPU (millicores); null: none. */
  giantVm: { vcpus: number; hostCpu: number; apps: AppId[] } | null;
}

/** "Early": the round's first half hour, when a team that buys for the whole day buys. */
export const EARLY_TICKS = 30;

const minutes = (): Minutes => ({ n: 0, sum: 0 });
const hvUse = (): HypervisorUse => ({ hostMinutes: 0, vmMinutes: 0, layerCpu: 0, taxCpu: 0, vcpus: 0 });

export function emptyFacts(): TeamFacts {
  return {
    breachFines: 0, auditFines: 0, leaks: 0, leakTargets: 0, leakCollateral: 0, leakOutage: 0, kernels: 0, kernelAt: -1, kernelTargets: 0,
    leakLimited: 0, leakAlone: 0, leakRebooted: 0, leakLimitedOutage: 0, leakAloneOutage: 0, leakRebootOutage: 0,
    kernelHit: 0, patchHit: 0, patchAt: -1, hardwareWarnings: 0, hardwareWarnedAt: -1, hardwareFailedAt: -1, hardwareHa: false,
    hardwareVmsAtWarning: 0, hardwareLayer: "", hardwareLostApps: [], hardwareLoadAtWarning: 0, hardwareVmsMoved: 0, hardwareLostInstances: 0, hardwareLostVms: 0,
    suddenFailures: 0, suddenAt: -1, suddenLostInstances: 0, suddenLostVms: 0, suddenLostApps: [], migrations: 0, serversPeak: 0,
    boughtDuringRound: 0, rentedPeak: 0, rentedMinutes: 0, vmsPeak: 0, windowsPeak: 0, appsPerOsPeak: 0, bareOsPeak: 0,
    containerHostsPeak: 0, type1: hvUse(), type2: hvUse(), guestOsCpu: 0,
    latency: { container: minutes(), vmProcess: minutes(), bareProcess: minutes(), vm: minutes(), bought: minutes(), rented: minutes() },
    containers: 0, imageMb: 0, pulledMb: 0, cpuCapacity: 0, cpuReserved: 0, cpuUseful: 0, minutes: 0, paymentServed: 0, dbShortMinutes: 0, dbShortLost: 0, resizeLive: 0, resizeRestart: 0, gpuIdlePct: -1,
    packing: null, spikeFirstAdd: -1, lost: emptyLosses(), spikeLost: emptyLosses(), emptyPower: 0, emptyRent: 0,
    orders: [], earlyPower: 0, lostCents: [], giantVm: null,
  };
}
