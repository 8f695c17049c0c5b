import type { LayerKind } from "../engine/data";
import { results, type TeamResult } from "../engine/results";
import type { ScenarioId } from "../scenarios";
import { playToEnd, startBotMatch } from "./run";

/**
 * The lesson arc as rules over bot matches (docs/DESIGN.md, "The lesson arc"): for each round of
 * the lesson plan, the strategies that must come out ahead. A rule must hold on at least 90 % of
 * seeds at every traffic level, with a mean margin of at least 5 % of the winner's score.
 */
export type Rule =
  | { kind: "beats"; winner: string; loser: string; factorPct?: number }
  | { kind: "utilBelow"; bot: string; pct: number };

export interface BalanceRound {
  id: string;
  scenario: ScenarioId;
  unlocks?: LayerKind[];
  bots: string[];
  rules: Rule[];
}

const BARE: LayerKind[] = ["bare-linux", "bare-windows"];
const VMS: LayerKind[] = [...BARE, "type1", "type2"];
const BASELINES = ["idle", "random"];

/** The lesson plan's rounds; every strategy in a round must also beat doing nothing and playing at random. */
export const BALANCE_ROUNDS: BalanceRound[] = withBaselines([
  {
    id: "1-old-era", scenario: "old-era", unlocks: BARE, bots: ["one-app-per-server", "shared-os"],
    rules: [
      { kind: "beats", winner: "one-app-per-server", loser: "shared-os" },
      { kind: "utilBelow", bot: "one-app-per-server", pct: 30 },
    ],
  },
  {
    id: "2-vms", scenario: "exam-morning", unlocks: VMS, bots: ["vm-consolidate", "one-app-per-server", "vm-type2"],
    rules: [
      { kind: "beats", winner: "vm-consolidate", loser: "one-app-per-server" },
      { kind: "beats", winner: "vm-consolidate", loser: "vm-type2" },
    ],
  },
  {
    id: "3-containers", scenario: "exam-morning",
    bots: ["containers-reactive", "vm-preprovision", "bare-metal", "containers-reactive:frozen"],
    rules: [
      { kind: "beats", winner: "containers-reactive", loser: "vm-preprovision" },
      { kind: "beats", winner: "vm-preprovision", loser: "bare-metal" },
      { kind: "beats", winner: "containers-reactive", loser: "containers-reactive:frozen", factorPct: 110 },
    ],
  },
  {
    id: "4-isolation", scenario: "double-12", bots: ["hybrid-isolate-payment", "containers-autoscale", "vm-preprovision"],
    rules: [
      { kind: "beats", winner: "hybrid-isolate-payment", loser: "containers-autoscale" },
      { kind: "beats", winner: "hybrid-isolate-payment", loser: "vm-preprovision" },
    ],
  },
  {
    id: "5-free-play", scenario: "free-play", bots: ["hybrid-isolate-payment", "containers-reactive", "vm-preprovision", "bare-metal"],
    rules: [],
  },
]);

function withBaselines(rounds: BalanceRound[]): BalanceRound[] {
  return rounds.map((r) => ({
    ...r,
    bots: [...r.bots, ...BASELINES],
    rules: [...r.rules, ...r.bots.flatMap((b) => BASELINES.map((l): Rule => ({ kind: "beats", winner: b, loser: l })))],
  }));
}

/** One round played on one seed at one traffic level: each bot's result by spec. */
export function playRound(round: BalanceRound, seed: number, trafficPct: number): Record<string, TeamResult> {
  const extra = { trafficPct, ...(round.unlocks ? { unlocks: round.unlocks } : {}) };
  const state = playToEnd(startBotMatch(round.scenario, round.bots, seed, extra));
  return Object.fromEntries(results(state).map((r, i) => [round.bots[i], r]));
}

export interface RuleOutcome {
  holds: boolean;
  /** winner − loser over the winner's score, in percent (for utilBelow: percentage points under the cap). */
  marginPct: number;
}

export function judge(rule: Rule, r: Record<string, TeamResult>): RuleOutcome {
  if (rule.kind === "utilBelow") {
    const util = r[rule.bot].utilization / 100;
    return { holds: util < rule.pct, marginPct: rule.pct - util };
  }
  const w = r[rule.winner].score;
  const l = r[rule.loser].score;
  const factor = rule.factorPct ?? 100;
  return { holds: w * 100 > l * factor && w > l, marginPct: (100 * (w - l)) / Math.max(1, Math.abs(w)) };
}

export function describeRule(rule: Rule): string {
  if (rule.kind === "utilBelow") return `${rule.bot} utilization < ${rule.pct} %`;
  return rule.factorPct ? `${rule.winner} ≥ ${rule.factorPct / 100} × ${rule.loser}` : `${rule.winner} > ${rule.loser}`;
}

export interface RuleSummary {
  round: string;
  rule: string;
  trafficPct: number;
  seeds: number;
  holds: number;
  meanMarginPct: number;
  /** The rule's bar: holds on ≥ 90 % of seeds and a mean margin ≥ 5 % (utilization rules: holds only). */
  pass: boolean;
  failedSeeds: number[];
}

export const MIN_HOLD_PCT = 90;
export const MIN_MARGIN_PCT = 5;

export function summarize(round: BalanceRound, rule: Rule, trafficPct: number, outcomes: { seed: number; o: RuleOutcome }[]): RuleSummary {
  const holds = outcomes.filter((x) => x.o.holds).length;
  const mean = outcomes.reduce((s, x) => s + x.o.marginPct, 0) / Math.max(1, outcomes.length);
  const enough = holds * 100 >= MIN_HOLD_PCT * outcomes.length;
  return {
    round: round.id, rule: describeRule(rule), trafficPct, seeds: outcomes.length, holds,
    meanMarginPct: Math.round(mean * 10) / 10,
    pass: enough && (rule.kind === "utilBelow" || mean >= MIN_MARGIN_PCT),
    failedSeeds: outcomes.filter((x) => !x.o.holds).map((x) => x.seed),
  };
}

/** Plays every round on every seed at every traffic level and checks every rule. */
export function runBalance(seeds: readonly number[], traffic: readonly number[], only?: (r: BalanceRound) => boolean): RuleSummary[] {
  const out: RuleSummary[] = [];
  for (const round of BALANCE_ROUNDS) {
    if (only && !only(round)) continue;
    for (const pct of traffic) {
      const played = seeds.map((seed) => ({ seed, r: playRound(round, seed, pct) }));
      for (const rule of round.rules) out.push(summarize(round, rule, pct, played.map(({ seed, r }) => ({ seed, o: judge(rule, r) }))));
    }
  }
  return out;
}
