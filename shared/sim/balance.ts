import type { LayerKind } from "../engine/data";
import { results, type TeamResult } from "../engine/results";
import { MAX_TEAMS } from "../engine/data";
import type { ScenarioId } from "../scenarios";
import { playToEnd, startBotMatch } from "./run";

/**
 * The lesson arc as rules over bot matches (docs/DESIGN.md, "The lesson arc"): for each round of
 * the lesson plan, the strategies that must come out ahead, and the mechanism that puts them there.
 * A rule must hold on at least 90 % of seeds at every traffic level, with a mean margin of at least
 * 5 % of the winner's score. A rule whose mechanism is not a scripted incident must hold with the
 * incidents switched off too (`--no-incidents`); the ones that rest on an incident by design say so.
 */
export type Rule = (
  | { kind: "beats"; winner: string; loser: string; factorPct?: number }
  /** The loser scores at least `pct` % below the winner (a student-like mistake must cost that much). */
  | { kind: "gap"; winner: string; loser: string; pct: number }
  | { kind: "utilBelow"; bot: string; pct: number }
) & {
  /** What carries the rule: the mechanism a student should take away. */
  mechanism: string;
  /** Holds by design only with the scripted incidents on (isolation in the old era). */
  incidentsOnly?: boolean;
};

export type RuleTable = "arc" | "students";

export interface BalanceRound {
  id: string;
  scenario: ScenarioId;
  unlocks?: LayerKind[];
  /** The round's reference strategies, the lesson's winner first. */
  refs: string[];
  /** Other specs the rules compare (frozen variants). */
  extra: string[];
  /** The student-like strategies the round's unlocks and cloud allow. */
  students: string[];
  rules: Rule[];
}

const BARE: LayerKind[] = ["bare-linux", "bare-windows"];
const VMS: LayerKind[] = [...BARE, "type1", "type2"];
const BASELINES = ["idle", "random"];
/** Student-like strategies (shared/bots/naive.ts): the mistakes a class really makes. */
export const STUDENT_BOTS = ["buy-all-at-start", "giant-vm", "containers-everything", "never-touch", "panic-buy", "panic-rent"];
const NO_CLOUD = ["panic-rent"];
const NEEDS_VMS = ["giant-vm"];
const NEEDS_CONTAINERS = ["containers-everything"];

/** The lesson plan's rounds; every strategy in a round must also beat doing nothing and playing at random. */
export const BALANCE_ROUNDS: BalanceRound[] = ([
  {
    id: "1-old-era", scenario: "old-era", unlocks: BARE, refs: ["one-app-per-server", "shared-os"], extra: [],
    students: STUDENT_BOTS.filter((b) => ![...NO_CLOUD, ...NEEDS_VMS, ...NEEDS_CONTAINERS].includes(b)),
    rules: [
      { kind: "beats", winner: "one-app-per-server", loser: "shared-os", incidentsOnly: true, mechanism: "a leak on a shared OS takes its neighbours down for a reboot" },
      { kind: "utilBelow", bot: "one-app-per-server", pct: 30, mechanism: "a server per app idles most of the day" },
    ],
  },
  {
    id: "2-vms", scenario: "exam-morning", unlocks: VMS, refs: ["vm-consolidate", "vm-type2", "one-app-per-server"], extra: [],
    students: STUDENT_BOTS.filter((b) => !NEEDS_CONTAINERS.includes(b)),
    rules: [
      { kind: "beats", winner: "vm-consolidate", loser: "one-app-per-server", mechanism: "VMs pack several apps per server; the rush is rented" },
      { kind: "beats", winner: "vm-consolidate", loser: "vm-type2", mechanism: "type-2's host OS and heavier tax cost servers and rent at the peak" },
    ],
  },
  {
    id: "3-containers", scenario: "exam-morning", refs: ["containers-reactive", "vm-preprovision", "bare-metal"],
    extra: ["containers-reactive:frozen"], students: STUDENT_BOTS,
    rules: [
      { kind: "beats", winner: "containers-reactive", loser: "vm-preprovision", mechanism: "containers scale into the rush as it is; no guest OS per instance" },
      { kind: "beats", winner: "vm-preprovision", loser: "bare-metal", mechanism: "VMs share servers that bare metal holds one per instance" },
      { kind: "beats", winner: "containers-reactive", loser: "containers-reactive:frozen", factorPct: 110, mechanism: "playing the rush is worth it" },
    ],
  },
  {
    id: "4-isolation", scenario: "double-12", refs: ["hybrid-isolate-payment", "containers-autoscale", "vm-preprovision"],
    extra: ["vm-preprovision:frozen"], students: STUDENT_BOTS,
    rules: [
      { kind: "beats", winner: "hybrid-isolate-payment", loser: "containers-autoscale", mechanism: "payments on a kernel of their own: no surcharge, no breach" },
      { kind: "beats", winner: "hybrid-isolate-payment", loser: "vm-preprovision", mechanism: "containers scale into the midnight spike; VMs held for the band's top idle" },
    ],
  },
  {
    id: "5-free-play", scenario: "free-play", refs: ["hybrid-isolate-payment", "containers-reactive", "vm-preprovision", "bare-metal"],
    extra: [], students: [], rules: [],
  },
] satisfies BalanceRound[]).map(withBaselines);

function withBaselines(r: BalanceRound): BalanceRound {
  return {
    ...r,
    rules: [...r.rules, ...r.refs.flatMap((b) => BASELINES.map((l): Rule => ({ kind: "beats", winner: b, loser: l, mechanism: "doing something sensible" })))],
  };
}

/** Every spec a round plays: references, their variants, baselines and (when asked) the student-like bots. */
export function roundSpecs(round: BalanceRound, students: boolean): string[] {
  return [...round.refs, ...round.extra, ...BASELINES, ...(students ? round.students : [])];
}

/**
 * The student-like table of a round: each mistake at least 10 % below the round's winner, and
 * below every reference strategy of the round.
 */
export function studentRules(round: BalanceRound): Rule[] {
  return round.students.flatMap((s): Rule[] => [
    { kind: "gap", winner: round.refs[0], loser: s, pct: 10, mechanism: `${s} is at least 10 % below the winner` },
    ...round.refs.slice(1).map((ref): Rule => ({ kind: "beats", winner: ref, loser: s, mechanism: `the reference ${ref} beats ${s}` })),
  ]);
}

export interface PlayOptions {
  /** The scenario's scripted incidents (default on). */
  incidents?: boolean;
  /** Play the student-like bots too. */
  students?: boolean;
}

/**
 * One round played on one seed at one traffic level: each spec's result. Teams never touch one
 * another in the engine, so specs beyond a match's eight teams are played in further matches of
 * the same seed (the same demand, the same world).
 */
export function playRound(round: BalanceRound, seed: number, trafficPct: number, opts: PlayOptions = {}): Record<string, TeamResult> {
  const extra = {
    trafficPct, ...(round.unlocks ? { unlocks: round.unlocks } : {}), ...(opts.incidents === false ? { scriptedIncidents: false } : {}),
  };
  const specs = roundSpecs(round, opts.students ?? false);
  const out: Record<string, TeamResult> = {};
  for (let from = 0; from < specs.length; from += MAX_TEAMS) {
    const chunk = specs.slice(from, from + MAX_TEAMS);
    const state = playToEnd(startBotMatch(round.scenario, chunk, seed, extra));
    results(state).forEach((r, i) => { out[chunk[i]] = r; });
  }
  return out;
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
  const marginPct = (100 * (w - l)) / Math.max(1, Math.abs(w));
  if (rule.kind === "gap") return { holds: w > l && marginPct >= rule.pct, marginPct };
  const factor = rule.factorPct ?? 100;
  return { holds: w * 100 > l * factor && w > l, marginPct };
}

export function describeRule(rule: Rule): string {
  if (rule.kind === "utilBelow") return `${rule.bot} utilization < ${rule.pct} %`;
  if (rule.kind === "gap") return `${rule.loser} ≥ ${rule.pct} % below ${rule.winner}`;
  return rule.factorPct ? `${rule.winner} ≥ ${rule.factorPct / 100} × ${rule.loser}` : `${rule.winner} > ${rule.loser}`;
}

export interface RuleSummary {
  table: RuleTable;
  round: string;
  rule: string;
  mechanism: string;
  trafficPct: number;
  incidents: boolean;
  seeds: number;
  holds: number;
  meanMarginPct: number;
  /** The rule's bar: holds on ≥ 90 % of seeds and a mean margin ≥ 5 % (utilization rules: holds only). */
  pass: boolean;
  failedSeeds: number[];
}

export const MIN_HOLD_PCT = 90;
export const MIN_MARGIN_PCT = 5;

export function summarize(
  round: BalanceRound, rule: Rule, trafficPct: number, outcomes: { seed: number; o: RuleOutcome }[], table: RuleTable = "arc", incidents = true,
): RuleSummary {
  const holds = outcomes.filter((x) => x.o.holds).length;
  const mean = outcomes.reduce((s, x) => s + x.o.marginPct, 0) / Math.max(1, outcomes.length);
  const enough = holds * 100 >= MIN_HOLD_PCT * outcomes.length;
  return {
    table, round: round.id, rule: describeRule(rule), mechanism: rule.mechanism, trafficPct, incidents, seeds: outcomes.length, holds,
    meanMarginPct: Math.round(mean * 10) / 10,
    pass: enough && (rule.kind === "utilBelow" || mean >= MIN_MARGIN_PCT),
    failedSeeds: outcomes.filter((x) => !x.o.holds).map((x) => x.seed),
  };
}

/** The rules a run checks: the arc's (without those resting on incidents when they are off), and the students' table. */
export function rulesOf(round: BalanceRound, incidents: boolean, students: boolean): { table: RuleTable; rule: Rule }[] {
  const arc = round.rules.filter((r) => incidents || !r.incidentsOnly).map((rule) => ({ table: "arc" as const, rule }));
  return students ? [...arc, ...studentRules(round).map((rule) => ({ table: "students" as const, rule }))] : arc;
}

/** Plays every round on every seed at every traffic level and checks every rule. */
export function runBalance(
  seeds: readonly number[], traffic: readonly number[], only?: (r: BalanceRound) => boolean, opts: PlayOptions = {},
): RuleSummary[] {
  const incidents = opts.incidents ?? true;
  const out: RuleSummary[] = [];
  for (const round of BALANCE_ROUNDS) {
    if (only && !only(round)) continue;
    for (const pct of traffic) {
      const played = seeds.map((seed) => ({ seed, r: playRound(round, seed, pct, opts) }));
      for (const { table, rule } of rulesOf(round, incidents, opts.students ?? false)) {
        out.push(summarize(round, rule, pct, played.map(({ seed, r }) => ({ seed, o: judge(rule, r) })), table, incidents));
      }
    }
  }
  return out;
}
