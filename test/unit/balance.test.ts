/**
 * The lesson arc (docs/DESIGN.md): the strategies must rank the way each round's lesson says.
 * A fast subset of `npm run balance` (which sweeps 30+ seeds): the same rules and bar on a few
 * seeds at every traffic level. If a tuning change breaks one, the model is wrong, not the test.
 */
import { describe, expect, it } from "vitest";
import { BALANCE_ROUNDS, judge, playRound, summarize } from "../../shared/sim/balance";

const SEEDS = [1, 2, 3, 4, 5, 6];
const TRAFFIC = [50, 100, 200];

describe.each(BALANCE_ROUNDS.map((r) => [r.id, r] as const))("round %s", (_id, round) => {
  it.each(TRAFFIC)("every rule holds at traffic %i percent", (traffic) => {
    const played = SEEDS.map((seed) => ({ seed, r: playRound(round, seed, traffic) }));
    const failures = round.rules
      .map((rule) => summarize(round, rule, traffic, played.map(({ seed, r }) => ({ seed, o: judge(rule, r) }))))
      .filter((s) => !s.pass)
      .map((s) => `${s.rule}: holds ${s.holds}/${s.seeds}, mean margin ${s.meanMarginPct} % (failed seeds ${s.failedSeeds.join(",")})`);
    expect(failures, `${round.id} at ${traffic} %`).toEqual([]);
  });
});

describe("what the lesson says in numbers", () => {
  it("the VM strategy pays more OS tax than the container strategy on exam morning", () => {
    const round = BALANCE_ROUNDS.find((r) => r.id === "3-containers")!;
    for (const seed of SEEDS.slice(0, 3)) {
      const r = playRound(round, seed, 100);
      expect(r["vm-preprovision"].osTaxCpu).toBeGreaterThan(2 * r["containers-reactive"].osTaxCpu);
    }
  });
});
