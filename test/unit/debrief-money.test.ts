/**
 * The money waterfall reconciles: starting budget + every ledger line + the value still owned =
 * the score, to the cent, for every team of every scenario over many seeds (bots of every kind,
 * the random one included); the whole-dollar lines a screen shows add up to the whole-dollar score;
 * the replayed report (the replay viewer's) says exactly what the live one (the server's) said.
 */
import { describe, expect, it } from "vitest";
import { BOT_NAMES } from "../../shared/bots";
import { moneyLines, moneyTotal, netCost, startingAssets, wholeDollars } from "../../shared/debrief/money";
import { classRows } from "../../shared/debrief/class";
import { Replayer } from "../../shared/log/replay";
import { SCENARIO_IDS } from "../../shared/scenarios";
import { botRound } from "./support/rounds";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
/** Eight teams, a different mix each seed: every bot plays in every scenario. */
function botsFor(seed: number): string[] {
  return Array.from({ length: 8 }, (_, i) => BOT_NAMES[(seed + i * 3) % BOT_NAMES.length]);
}

describe("the money waterfall", () => {
  for (const scenario of SCENARIO_IDS) {
    it(`adds up to the score for every team on ${scenario}, seeds ${SEEDS.join(", ")}`, () => {
      let teams = 0;
      for (const seed of SEEDS) {
        const { report } = botRound(scenario, botsFor(seed), seed, { trafficPct: seed % 2 ? 100 : 200 });
        report.results.forEach((r, i) => {
          const lines = moneyLines(r, report.budget, report.facts[i]);
          const where = `${scenario} seed ${seed} team ${i} (${report.teams[i]})`;
          expect(moneyTotal(lines), where).toBe(r.score);
          for (const l of lines) expect(Number.isInteger(l.cents), `${where} ${l.line}`).toBe(true);
          // Costs are costs and gains are gains: no line changes sign (the compliance remainder included).
          for (const l of lines.filter((x) => !["budget", "revenue", "sold", "owned"].includes(x.line))) expect(l.cents, `${where} ${l.line}`).toBeLessThanOrEqual(0);
          expect(wholeDollars(lines).reduce((a, b) => a + b, 0), where).toBe(Math.round(r.score / 100));
          // The net cost is what was spent, less sales and what is owned beyond the servers the team was given.
          const spent = -lines.filter((x) => !["budget", "revenue", "sold", "owned"].includes(x.line)).reduce((a, x) => a + x.cents, 0);
          expect(netCost(r, report.budget, scenario), where).toBe(spent - r.ledger.resale - r.resale + startingAssets(scenario));
          teams++;
        });
      }
      expect(teams).toBe(SEEDS.length * 8);
    });
  }

  for (const scenario of SCENARIO_IDS) {
    it(`charges a team that does nothing on ${scenario}: its cost is what it spent, never a gain from the servers it was given`, () => {
      const { report } = botRound(scenario, ["idle", "containers-reactive"], 3);
      const idle = report.results[0];
      const lines = moneyLines(idle, report.budget, report.facts[0]);
      const spent = -lines.filter((x) => !["budget", "revenue", "sold", "owned"].includes(x.line)).reduce((a, x) => a + x.cents, 0);
      expect(startingAssets(scenario)).toBeGreaterThan(0);
      expect(idle.resale).toBe(startingAssets(scenario));
      expect(netCost(idle, report.budget, scenario)).toBe(spent);
      expect(spent).toBeGreaterThan(0);
      // The team that served requests has a positive cost per 1,000 too, so it stands on the class's scatter.
      expect(classRows(report).find((row) => row.team === 1)!.costPer1k).toBeGreaterThan(0);
    });
  }

  it("is the same report whether tracked live or replayed from the log", () => {
    const { log, report } = botRound("double-12", ["containers-autoscale", "hybrid-isolate-payment", "vm-type2", "random"], 9);
    const replayer = new Replayer(log);
    replayer.runToEnd();
    expect(replayer.divergence).toBeNull();
    expect(replayer.report()).toEqual(report);
  });

  it("rounds lines so that the shown dollars add up to the shown score", () => {
    const lines = [
      { line: "budget" as const, cents: 5_000_000 }, { line: "revenue" as const, cents: 12_345 }, { line: "power" as const, cents: -1_050 },
      { line: "penalties" as const, cents: -2_249 }, { line: "owned" as const, cents: 150_000 },
    ];
    const total = moneyTotal(lines);
    // $123.45, −$10.50, −$22.49: rounded one by one they show $51,589; the score is $51,590.
    expect(wholeDollars(lines)).toEqual([50_000, 123, -11, -22, 1_500]);
    expect(50_000 + 123 - 11 - 22 + 1_500).toBe(Math.round(total / 100));
  });
});
