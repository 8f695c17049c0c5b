/**
 * Where a team's money went, as one waterfall from the starting budget to the score: every ledger
 * line in between, the fines split by cause, and the value of the servers still owned at the end.
 * The lines add up to the score exactly, in cents; the screens, the CSV and `sim --debrief` all
 * show these lines, so every figure reconciles with every other.
 */
import { RESALE_PCT, SERVER_MODELS } from "../engine/data";
import type { TeamResult } from "../engine/results";
import { SCENARIOS } from "../scenarios";
import type { ScenarioId } from "../scenarios/types";
import type { TeamFacts } from "./facts";

export const MONEY_LINES = [
  "budget", "revenue", "sold", "servers", "rent", "licences", "hypervisorLicences", "power", "penalties", "compliance", "breach",
  "audit", "owned",
] as const;
export type MoneyLineId = (typeof MONEY_LINES)[number];

export interface MoneyLine {
  line: MoneyLineId;
  /** Signed cents: what the line adds to (or takes from) the score. */
  cents: number;
}

/**
 * The waterfall of one team. `budget` is the round's starting cash; the breach and audit fines come
 * from the incidents that charged them, and what is left of the fines is the compliance surcharge.
 */
export function moneyLines(result: TeamResult, budget: number, facts: Pick<TeamFacts, "breachFines" | "auditFines">): MoneyLine[] {
  const l = result.ledger;
  const compliance = l.fines - facts.breachFines - facts.auditFines;
  return [
    { line: "budget", cents: budget },
    { line: "revenue", cents: l.revenue },
    { line: "sold", cents: l.resale },
    { line: "servers", cents: -l.servers },
    { line: "rent", cents: -l.rent },
    { line: "licences", cents: -l.licences },
    { line: "hypervisorLicences", cents: -l.hypervisorLicences },
    { line: "power", cents: -l.power },
    { line: "penalties", cents: -l.penalties },
    { line: "compliance", cents: -compliance },
    { line: "breach", cents: -facts.breachFines },
    { line: "audit", cents: -facts.auditFines },
    { line: "owned", cents: result.resale },
  ];
}

export function moneyTotal(lines: readonly MoneyLine[]): number {
  return lines.reduce((sum, l) => sum + l.cents, 0);
}

/**
 * Whole dollars per line that still add up to the whole-dollar total (largest remainder): a screen
 * that rounds every line on its own can show lines that miss the score by a few dollars.
 */
export function wholeDollars(lines: readonly MoneyLine[]): number[] {
  const total = Math.round(moneyTotal(lines) / 100);
  const floors = lines.map((l) => Math.floor(l.cents / 100));
  let short = total - floors.reduce((a, b) => a + b, 0);
  const order = lines.map((l, i) => ({ i, rest: l.cents - floors[i] * 100 })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const out = [...floors];
  for (const { i } of order) {
    if (short <= 0) break;
    out[i]++;
    short--;
  }
  return out;
}

/**
 * What the servers a scenario hands every team are worth at resale when the round starts. They cost
 * the team nothing, yet the score counts what is left of them, so a round's cost is measured from
 * the budget plus them (an idle team's cost is its power and penalties, not a gain of $3,000).
 */
export function startingAssets(scenario: ScenarioId): number {
  return SCENARIOS[scenario].startingServers.reduce((sum, m) => sum + Math.trunc((SERVER_MODELS[m].price * RESALE_PCT) / 100), 0);
}

/**
 * What a team's round cost, net: everything spent, less what came back from sales and what is still
 * owned beyond what it started with. score = budget + starting servers + revenue − cost, so cost per
 * 1,000 requests served compares teams fairly.
 */
export function netCost(result: TeamResult, budget: number, scenario: ScenarioId): number {
  return budget + startingAssets(scenario) + result.ledger.revenue - result.score;
}
