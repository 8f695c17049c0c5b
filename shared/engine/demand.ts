import { APP_IDS, type AppId } from "./data";
import { nextRandom, seedState } from "./rng";
import { curveAt, spikePermille } from "../scenarios/curve";
import type { Scenario } from "../scenarios/types";

/** Where and how big the spike (and its second wave) is: realised per seed, or one edge of the band. */
export interface DemandShape {
  spikeStart: number;
  spikePeakPct: number;
  /** −1 when there is no second wave. */
  wave2Start: number;
  /** Percent of the forecast peak (already multiplied by the first wave's size). */
  wave2PeakPct: number;
  trafficPct: number;
}

/** Demand before noise: the baseline curve plus the spike and its second wave, scaled by the teacher's multiplier. */
export function smoothDemand(scn: Scenario, shape: DemandShape, app: AppId, tick: number): number {
  let d = curveAt(scn.base[app], tick);
  const peak = scn.spike?.peak[app];
  if (scn.spike && peak) {
    d += Math.trunc((spikePermille(scn.spike, shape.spikeStart, tick) * peak * shape.spikePeakPct) / 100_000);
    if (shape.wave2Start >= 0) {
      d += Math.trunc((spikePermille(scn.spike, shape.wave2Start, tick) * peak * shape.wave2PeakPct) / 100_000);
    }
  }
  return Math.trunc((d * shape.trafficPct) / 100);
}

/** The forecast's middle line: the spike where and as big as announced, no second wave. */
export function forecastDemand(scn: Scenario, trafficPct: number, app: AppId, tick: number): number {
  const start = scn.spike?.start ?? 0;
  return smoothDemand(scn, { spikeStart: start, spikePeakPct: 100, wave2Start: -1, wave2PeakPct: 0, trafficPct }, app, tick);
}

export interface Band {
  low: number;
  high: number;
}

/**
 * The forecast band at a tick: the least and the most demand any spike the band allows could
 * bring (any start in the window, any size in the range, a second wave or none). This is what
 * players and bots plan with; the realised spike stays hidden until it happens.
 */
export function forecastBand(scn: Scenario, trafficPct: number, app: AppId, tick: number): Band {
  const base = Math.trunc((curveAt(scn.base[app], tick) * trafficPct) / 100);
  const spike = scn.spike;
  const peak = spike?.peak[app];
  if (!spike || !peak) return { low: base, high: base };
  const s = scn.surprise;
  let low = Number.MAX_SAFE_INTEGER;
  let high = 0;
  for (let start = spike.start - s.earlyTicks; start <= spike.start + s.lateTicks; start++) {
    const p = spikePermille(spike, start, tick);
    low = Math.min(low, p);
    let top = p;
    const w = s.secondWave;
    if (w) {
      let second = 0;
      for (let d = w.delayMin; d <= w.delayMax; d++) second = Math.max(second, spikePermille(spike, start + d, tick));
      top += Math.trunc((second * w.sizePctMax) / 100);
    }
    high = Math.max(high, top);
  }
  const add = (permille: number, pct: number) => Math.trunc((Math.trunc((permille * peak * pct) / 100_000) * trafficPct) / 100);
  return { low: base + add(low, s.peakPctMin), high: base + add(high, s.peakPctMax) };
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
