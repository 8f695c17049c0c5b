import { APP_IDS, type AppId } from "./data";
import { nextRandom, seedState } from "./rng";
import { curveAt, spikePermille } from "../scenarios/curve";
import type { Scenario } from "../scenarios/types";

export interface DemandShape {
  spikeStart: number;
  spikePeakPct: number;
  trafficPct: number;
}

/** Demand before noise: the baseline curve plus the spike, scaled by the teacher's multiplier. */
export function smoothDemand(scn: Scenario, shape: DemandShape, app: AppId, tick: number): number {
  let d = curveAt(scn.base[app], tick);
  const peak = scn.spike?.peak[app];
  if (scn.spike && peak) {
    d += Math.trunc((spikePermille(scn.spike, shape.spikeStart, tick) * peak * shape.spikePeakPct) / 100_000);
  }
  return Math.trunc((d * shape.trafficPct) / 100);
}

/** The forecast the teams see in the briefing: the spike where and as big as announced. */
export function forecastDemand(scn: Scenario, trafficPct: number, app: AppId, tick: number): number {
  return smoothDemand(scn, { spikeStart: scn.spike?.start ?? 0, spikePeakPct: 100, trafficPct }, app, tick);
}

/**
 * Tick noise is a pure function of (seed, tick, app), not a draw from the match PRNG, so demand
 * is identical for every team whatever they do, and the same in every replay.
 */
export function noiseOffset(seed: number, tick: number, app: AppId, pct: number): number {
  if (pct <= 0) return 0;
  const mix = seedState((seed ^ Math.imul(tick + 1, 0x9e3779b1) ^ Math.imul(APP_IDS.indexOf(app) + 1, 0x85ebca77)) | 0);
  return (nextRandom(mix).value % (2 * pct + 1)) - pct;
}

export function demandAt(scn: Scenario, shape: DemandShape, seed: number, app: AppId, tick: number): number {
  const d = smoothDemand(scn, shape, app, tick);
  return Math.max(0, Math.trunc((d * (100 + noiseOffset(seed, tick, app, scn.surprise.noisePct))) / 100));
}
