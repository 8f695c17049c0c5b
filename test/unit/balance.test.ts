/**
 * GAME.md, "Balance is part of correctness": the scripted strategies must rank the way the lesson
 * says on every seed of a fixed set. If a tuning change breaks one of these, the model is wrong.
 */
import { describe, expect, it } from "vitest";
import { results, type TeamResult } from "../../shared/engine";
import type { BotName } from "../../shared/bots";
import type { ScenarioId } from "../../shared/scenarios";
import { playToEnd, startBotMatch } from "../../shared/sim/run";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const STRATEGIES = ["containers-autoscale", "vm-preprovision", "bare-metal", "hybrid-isolate-payment"] as const satisfies readonly BotName[];
const BOTS: readonly BotName[] = [...STRATEGIES, "idle"];

const played = new Map<string, Record<string, TeamResult>>();

/** One match per scenario and seed, every bot a team of its own; results by bot name. */
function outcome(scenario: ScenarioId, seed: number): Record<string, TeamResult> {
  const key = `${scenario}/${seed}`;
  let byBot = played.get(key);
  if (!byBot) {
    const state = playToEnd(startBotMatch(scenario, BOTS, seed));
    byBot = Object.fromEntries(results(state).map((r, i) => [BOTS[i], r]));
    played.set(key, byBot);
  }
  return byBot;
}

describe("exam-result morning", () => {
  it.each(SEEDS)("seed %i: containers autoscaling beats pre-provisioned VMs, which beat bare metal", (seed) => {
    const r = outcome("exam-morning", seed);
    expect(r["containers-autoscale"].score).toBeGreaterThan(r["vm-preprovision"].score);
    expect(r["vm-preprovision"].score).toBeGreaterThan(r["bare-metal"].score);
  });

  it.each(SEEDS)("seed %i: the VM strategy's OS tax is at least twice the container strategy's", (seed) => {
    const r = outcome("exam-morning", seed);
    expect(r["containers-autoscale"].osTaxCpu).toBeGreaterThan(0);
    expect(r["vm-preprovision"].osTaxCpu).toBeGreaterThanOrEqual(2 * r["containers-autoscale"].osTaxCpu);
  });
});

describe("double-12 midnight with the kernel incident", () => {
  it.each(SEEDS)("seed %i: isolating payment in a VM beats everything in containers", (seed) => {
    const r = outcome("double-12", seed);
    expect(r["hybrid-isolate-payment"].score).toBeGreaterThan(r["containers-autoscale"].score);
  });
});

describe("the old era", () => {
  it.each(SEEDS)("seed %i: bare-metal utilization stays low and most reserved capacity sits idle", (seed) => {
    const r = outcome("old-era", seed)["bare-metal"];
    expect(r.utilization).toBeGreaterThan(0);
    expect(r.utilization).toBeLessThan(2500);
    expect(r.occupancy).toBeGreaterThan(2 * r.utilization);
  });
});

describe("every strategy beats doing nothing", () => {
  const scenarios: ScenarioId[] = ["exam-morning", "double-12", "old-era", "free-play"];
  it.each(scenarios.flatMap((s) => SEEDS.map((seed) => [s, seed] as const)))("%s seed %i", (scenario, seed) => {
    const r = outcome(scenario, seed);
    for (const bot of STRATEGIES) {
      expect(r[bot].score, `${bot} vs idle`).toBeGreaterThan(r.idle.score);
    }
  });
});
