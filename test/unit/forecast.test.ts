import { describe, expect, it } from "vitest";
import { advance, createMatch, forecastBand, forecastDemand, PACE_MS_PER_TICK, paceMs, smoothDemand, type AppId } from "../../shared/engine";
import { SCENARIOS } from "../../shared/scenarios";

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe("the forecast is a band, not a line", () => {
  it("the realised spike starts and peaks inside the band, and varies from seed to seed", () => {
    const scn = SCENARIOS["exam-morning"];
    const starts = new Set<number>();
    const peaks = new Set<number>();
    for (const seed of SEEDS) {
      const w = createMatch({ scenario: "exam-morning", teams: ["a"] }, seed).world;
      expect(w.spikeStart).toBeGreaterThanOrEqual(scn.spike!.start - scn.surprise.earlyTicks);
      expect(w.spikeStart).toBeLessThanOrEqual(scn.spike!.start + scn.surprise.lateTicks);
      expect(w.spikePeakPct).toBeGreaterThanOrEqual(scn.surprise.peakPctMin);
      expect(w.spikePeakPct).toBeLessThanOrEqual(scn.surprise.peakPctMax);
      starts.add(w.spikeStart);
      peaks.add(w.spikePeakPct);
    }
    expect(starts.size).toBeGreaterThan(5);
    expect(peaks.size).toBeGreaterThan(5);
  });

  it("sometimes brings a second wave, inside its announced window", () => {
    const scn = SCENARIOS["double-12"];
    const w2 = scn.surprise.secondWave!;
    let waves = 0;
    for (const seed of SEEDS) {
      const w = createMatch({ scenario: "double-12", teams: ["a"] }, seed).world;
      if (w.wave2Start < 0) continue;
      waves++;
      expect(w.wave2Start - w.spikeStart).toBeGreaterThanOrEqual(w2.delayMin);
      expect(w.wave2Start - w.spikeStart).toBeLessThanOrEqual(w2.delayMax);
      expect(w.wave2PeakPct).toBeLessThan(w.spikePeakPct);
    }
    expect(waves).toBeGreaterThan(SEEDS.length / 5);
    expect(waves).toBeLessThan(SEEDS.length);
  });

  it("every seed's demand (before noise) stays inside the band the briefing shows, and the middle line inside it too", () => {
    for (const id of ["exam-morning", "double-12", "free-play"] as const) {
      const scn = SCENARIOS[id];
      for (const seed of SEEDS.slice(0, 12)) {
        const w = createMatch({ scenario: id, teams: ["a"] }, seed).world;
        for (const app of Object.keys(scn.spike!.peak) as AppId[]) {
          for (let t = 0; t < w.ticks; t += 3) {
            const band = forecastBand(scn, 100, app, t);
            const d = smoothDemand(scn, w, app, t);
            expect(d, `${id} seed ${seed} ${app} t${t}`).toBeGreaterThanOrEqual(band.low - 1);
            expect(d, `${id} seed ${seed} ${app} t${t}`).toBeLessThanOrEqual(band.high + 1);
            const mid = forecastDemand(scn, 100, app, t);
            expect(mid).toBeGreaterThanOrEqual(band.low);
            expect(mid).toBeLessThanOrEqual(band.high);
          }
        }
      }
    }
  });
});

describe("lesson timing", () => {
  it("quiet stretches pass fast and the forecast window plays at one game minute per second", () => {
    const state = createMatch({ scenario: "exam-morning", teams: ["a"] }, 1);
    let ms = 0;
    const window = SCENARIOS["exam-morning"].slow!;
    while (state.tick < state.world.ticks) {
      const pace = paceMs(state);
      expect(pace).toBe(state.tick >= window[0] && state.tick < window[1] ? PACE_MS_PER_TICK.spike : PACE_MS_PER_TICK.quiet);
      ms += pace;
      advance(state);
    }
    expect(PACE_MS_PER_TICK.spike).toBe(1000);
    expect(PACE_MS_PER_TICK.quiet).toBeLessThan(PACE_MS_PER_TICK.spike);
    // A round is at most 6 real minutes at speed 1×.
    for (const scn of Object.values(SCENARIOS)) {
      const slow = scn.slow ? scn.slow[1] - scn.slow[0] : 0;
      expect(slow * PACE_MS_PER_TICK.spike + (scn.ticks - slow) * PACE_MS_PER_TICK.quiet, scn.id).toBeLessThanOrEqual(6 * 60_000);
    }
    expect(ms).toBeLessThanOrEqual(6 * 60_000);
  });

  it("the slow window covers the whole band where the spike can start", () => {
    for (const scn of Object.values(SCENARIOS)) {
      if (!scn.spike) continue;
      expect(scn.slow![0], scn.id).toBeLessThanOrEqual(scn.spike.start - scn.surprise.earlyTicks);
      expect(scn.slow![1], scn.id).toBeGreaterThan(scn.spike.start + scn.surprise.lateTicks + scn.spike.ramp + scn.spike.hold);
    }
  });
});
