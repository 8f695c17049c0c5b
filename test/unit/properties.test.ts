import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { advance, isOver } from "../../shared/engine";
import { SCENARIO_IDS, type ScenarioId } from "../../shared/scenarios";
import { botTurn, startBotMatch } from "../../shared/sim/run";
import { budgetArb, checkInvariants, layoutArb, nonIntegers, play, prepare, stepsArb, vmStepsArb } from "./arbitraries";
import { newMatch, type MatchOptions } from "./fixtures";

const scenarioArb = fc.constantFrom(...SCENARIO_IDS);
const seedArb = fc.integer({ min: 0, max: 0x7fffffff });

function matchFor(scenario: ScenarioId, seed: number, budget: number | undefined) {
  const opts: MatchOptions = { scenario, seed, teams: 2, scriptedIncidents: true };
  if (budget !== undefined) opts.budget = budget;
  return newMatch(opts);
}

describe("invariants over random command sequences", () => {
  it("reservations within capacity, cash = ledger (below the floor only as debt since a known tick), integers only, after every step", () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, budgetArb, layoutArb, stepsArb, (scenario, seed, budget, layout, steps) => {
        const state = matchFor(scenario, seed, budget);
        checkInvariants(state);
        prepare(state, layout);
        checkInvariants(state);
        for (const s of steps) {
          play(state, s);
          checkInvariants(state);
        }
        while (!isOver(state)) advance(state);
        checkInvariants(state);
      }),
      { numRuns: 60 },
    );
  });

  it("hold through VM churn, live migrations and hardware failures on type-1 hosts", () => {
    fc.assert(
      fc.property(seedArb, vmStepsArb, (seed, steps) => {
        const state = matchFor("free-play", seed, undefined);
        prepare(state, ["type1", "type1", "type1"]);
        for (const s of steps) {
          play(state, s);
          checkInvariants(state);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("hold on every tick of whole matches played by the random bot", () => {
    fc.assert(
      fc.property(scenarioArb, seedArb, (scenario, seed) => {
        const match = startBotMatch(scenario, ["random", "random", "hybrid-isolate-payment"], seed);
        const { state, bots } = match;
        while (!isOver(state)) {
          botTurn(state, bots);
          checkInvariants(state);
          advance(state);
          checkInvariants(state);
        }
      }),
      { numRuns: 8 },
    );
  });
});

describe("the invariant checks themselves", () => {
  it("spot non-integers, over-reservation and a cash/ledger mismatch", () => {
    expect(nonIntegers({ a: [1, 2.5], b: { c: NaN } })).toEqual(["state.a[1]=2.5", "state.b.c=NaN"]);
    const state = newMatch();
    state.teams[0].cash += 1;
    expect(() => checkInvariants(state)).toThrow(/ledger/);
    const over = newMatch();
    over.teams[0].servers[0].layer = "container-host";
    over.teams[0].servers[0].instances.push({
      id: "i99", app: "db", container: true, cpu: 32000, mem: 1024, memLimited: false, volume: false, readyAt: 0, downUntil: 0, served: 0, usedCpu: 0, writes: 0,
    });
    expect(() => checkInvariants(over)).toThrow(/reserves/);
  });
});
