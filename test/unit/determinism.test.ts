import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { advance, applyCommand, createMatch, isOver, stateHash } from "../../shared/engine";
import { SCENARIO_IDS } from "../../shared/scenarios";
import { playToEnd, startBotMatch, type AppliedCommand } from "../../shared/sim/run";
import { layoutArb, play, prepare, stepsArb } from "./arbitraries";
import { newMatch } from "./fixtures";

const scenarioArb = fc.constantFrom(...SCENARIO_IDS);
const seedArb = fc.integer({ min: 0, max: 0x7fffffff });
function fresh(scenario: (typeof SCENARIO_IDS)[number], seed: number, layout: Parameters<typeof prepare>[1] = []) {
  const state = newMatch({ scenario, seed, teams: 2, scriptedIncidents: true });
  prepare(state, layout);
  return state;
}

describe("determinism", () => {
  it("same seed and same commands give the same state hash", () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, layoutArb, stepsArb, (scenario, seed, layout, steps) => {
        const a = fresh(scenario, seed, layout);
        const b = fresh(scenario, seed, layout);
        for (const s of steps) {
          play(a, s);
          play(b, s);
        }
        expect(stateHash(a)).toBe(stateHash(b));
      }),
      { numRuns: 30 },
    );
  });

  it("a state cloned or sent through JSON mid-match continues to the same hash", () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, layoutArb, stepsArb, fc.nat(), (scenario, seed, layout, steps, cut) => {
        const k = cut % (steps.length + 1);
        const original = fresh(scenario, seed, layout);
        for (const s of steps.slice(0, k)) play(original, s);
        const viaJson = JSON.parse(JSON.stringify(original)) as typeof original;
        const cloned = structuredClone(original);
        expect(stateHash(viaJson)).toBe(stateHash(original));
        for (const state of [original, viaJson, cloned]) {
          for (const s of steps.slice(k)) play(state, s);
          for (let n = 0; n < 20 && !isOver(state); n++) advance(state);
        }
        expect(stateHash(viaJson)).toBe(stateHash(original));
        expect(stateHash(cloned)).toBe(stateHash(original));
      }),
      { numRuns: 30 },
    );
  });

  it("refused commands leave the state hash unchanged, and checkCommand predicts every answer", () => {
    // play() throws when a refused command moves the hash or checkCommand disagrees.
    fc.assert(
      fc.property(scenarioArb, seedArb, layoutArb, stepsArb, (scenario, seed, layout, steps) => {
        const state = fresh(scenario, seed, layout);
        for (const s of steps) play(state, s);
      }),
      { numRuns: 30 },
    );
  });

  it("a bot match replayed from its command log ends on the same hash", () => {
    for (const seed of [3, 11]) {
      const log: AppliedCommand[] = [];
      const played = playToEnd(startBotMatch("double-12", ["containers-autoscale", "random", "vm-preprovision"], seed), (c) => log.push(c));
      const again = playToEnd(startBotMatch("double-12", ["containers-autoscale", "random", "vm-preprovision"], seed));
      expect(stateHash(again)).toBe(stateHash(played));

      const replay = createMatch(played.settings, seed);
      let next = 0;
      while (!isOver(replay)) {
        for (; next < log.length && log[next].tick === replay.tick; next++) {
          expect(applyCommand(replay, log[next].team, log[next].command).ok).toBe(true);
        }
        advance(replay);
      }
      expect(next).toBe(log.length);
      expect(stateHash(replay)).toBe(stateHash(played));
    }
  });

  it("a different seed gives a different match", () => {
    const a = fresh("exam-morning", 1);
    const b = fresh("exam-morning", 2);
    for (let n = 0; n < 10; n++) { advance(a); advance(b); }
    expect(stateHash(a)).not.toBe(stateHash(b));
  });
});
