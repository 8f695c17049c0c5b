/**
 * What a what-if is and which one a card shows by default (see whatif.ts, which runs them). Apart
 * from the simulation so that a page can show the choices and the card without loading the bots.
 */
import type { BotName } from "../bots/names";
import type { LayerKind } from "../engine/data";
import type { TeamResult } from "../engine/results";
import type { MatchSettings } from "../engine/types";
import type { Card } from "./card";
import type { ReplayInputs, RoundReport } from "./report";

export interface WhatIfSource extends ReplayInputs {
  settings: MatchSettings;
  /** The tick the round ended at. */
  ticks: number;
}

export interface WhatIfSpec {
  team: number;
  /** The minute the strategy takes over (the team's own inputs before it stay). */
  from: number;
  bot: string;
}

export interface WhatIfSeries {
  served: number[];
  dropped: number[];
  cash: number[];
}

export interface WhatIfOutcome {
  spec: WhatIfSpec;
  result: TeamResult;
  /** Every minute of the round: the team's own before the handover, the strategy's from it. */
  series: WhatIfSeries;
  /** Teacher's incidents aimed at a server the team no longer had in the what-if: not applied. */
  skipped: number;
}

export function whatIfSource(report: RoundReport): WhatIfSource {
  return { settings: report.settings, seed: report.replay.seed, inputs: report.replay.inputs, ticks: report.ticks };
}

/** Strategies a what-if may hand a team to: the reference strategies the lesson plan compares. */
export const WHAT_IF_BOTS: readonly BotName[] = [
  "containers-reactive", "vm-preprovision", "hybrid-isolate-payment", "vm-consolidate", "containers-autoscale", "one-app-per-server", "bare-metal",
];

/** The strategies that can really play with what this round unlocked (a bot would fall back otherwise). */
export function whatIfBots(unlocks: readonly LayerKind[], paymentIsolation: boolean): BotName[] {
  const has = (l: LayerKind) => unlocks.includes(l);
  return WHAT_IF_BOTS.filter((b) => {
    if (b.startsWith("containers")) return has("container-host");
    if (b === "hybrid-isolate-payment") return has("container-host") && has("type1") && paymentIsolation;
    if (b.startsWith("vm-")) return has("type1");
    return has("bare-linux");
  });
}

/**
 * The what-if a debrief card shows unless someone picks another: the strategy the lesson arc holds
 * up for this round's unlocks (docs/DESIGN.md). It takes over when its own plan would start:
 * reactive containers need no lead time, so they take over when the forecast window opens and the
 * team's morning stays its own; the others provision ahead (servers take 30 minutes, type-1 hosts
 * and VMs more), so they run the team from the start. A team a bot played all round is handed to
 * another strategy.
 */
export function defaultWhatIf(report: RoundReport, team: number): WhatIfSpec | null {
  const isolation = report.paymentIsolation;
  const order: BotName[] = ["hybrid-isolate-payment", "containers-reactive", "vm-consolidate", "one-app-per-server"];
  const allowed = whatIfBots(report.unlocks, isolation);
  const own = report.control[team]?.kind === "bot" ? report.control[team].bot : "";
  const bot = order.find((b) => allowed.includes(b) && b !== own) ?? allowed.find((b) => b !== own);
  if (!bot) return null;
  return { team, from: bot === "containers-reactive" ? Math.max(0, report.windowFrom) : 0, bot };
}

/** The what-if as a debrief card, against the team's own round. */
export function whatIfCard(report: RoundReport, outcome: WhatIfOutcome): Card {
  const actual = report.results[outcome.spec.team];
  const w = outcome.result;
  const servedDelta = (w.dropped === actual.dropped ? 0 : actual.dropped - w.dropped);
  const scoreDelta = w.score - actual.score;
  return {
    id: "what-if",
    says: [outcome.spec.from === 0 ? "intro-start" : "intro", servedDelta > 0 ? "served-more" : servedDelta < 0 ? "served-fewer" : "served-same", scoreDelta > 0 ? "score-better" : scoreDelta < 0 ? "score-worse" : "score-same"],
    params: {
      bot: { bot: outcome.spec.bot }, at: { tick: outcome.spec.from }, served: Math.abs(servedDelta),
      availability: { bp: w.availability }, actualAvailability: { bp: actual.availability },
      score: { cents: w.score }, actualScore: { cents: actual.score }, delta: { cents: Math.abs(scoreDelta) },
    },
    // Another strategy's whole round, not one mistake: its difference is on the card already.
    cost: null,
  };
}
