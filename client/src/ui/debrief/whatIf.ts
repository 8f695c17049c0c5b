import type { RoundReport } from "../../../../shared/debrief/report";
import type { MatchState } from "../../../../shared/engine/types";
import {
  defaultWhatIf, whatIfBots, whatIfCard, whatIfSource, type WhatIfOutcome, type WhatIfSpec,
} from "../../../../shared/debrief/whatifSpec";
import { demandLine } from "../../../../shared/debrief/class";
import { clock, money, t } from "../../i18n";
import { exposeForTests, TEST_HOOKS } from "../../testHooks";
import { lineChart, type LineChart } from "../charts";
import { h, option } from "../dom";
import { cardEl } from "./cards";
import { speak } from "../announce";
import { strategyName, textOf } from "./format";

/** Computed what-ifs, so that a screen redrawn (or a language switched) does not compute them again. */
const cache = new Map<string, { outcome: WhatIfOutcome; ms: number }>();

function keyOf(report: RoundReport, spec: WhatIfSpec): string {
  return `${report.replay.seed}|${report.round}|${report.ticks}|${spec.team}|${spec.from}|${spec.bot}`;
}

/**
 * Computes a what-if in this browser, from the round's inputs (or from `start`, the match at the
 * handover minute, when the replay viewer already has it). Returns it with the milliseconds it took.
 * The simulation (engine and bots) is loaded the first time: most screens never need it.
 */
export async function computeWhatIf(report: RoundReport, spec: WhatIfSpec, start?: () => MatchState): Promise<{ outcome: WhatIfOutcome; ms: number }> {
  const key = keyOf(report, spec);
  const { runWhatIf, stateAt } = await import("../../../../shared/debrief/whatif");
  const known = cache.get(key);
  if (known) return known;
  const t0 = performance.now();
  const src = whatIfSource(report);
  const outcome = runWhatIf(src, spec, start ? start() : stateAt(src, spec.from), report.series.teams[spec.team]);
  // The time it took the first time: a second look at the same what-if is free, and says so truthfully.
  const ms = performance.now() - t0;
  cache.set(key, { outcome, ms });
  if (TEST_HOOKS) exposeForTests({ lastWhatIfMs: ms, whatIfRuns: cache.size });
  return { outcome, ms };
}

/** Minutes a strategy may take over at: every half hour, and the moments that matter this round. */
function handoverMinutes(report: RoundReport): number[] {
  const set = new Set<number>();
  for (let m = 0; m < report.ticks; m += 30) set.add(m);
  for (const m of [report.windowFrom, report.spikeStart]) if (m >= 0 && m < report.ticks) set.add(m);
  return [...set].sort((a, b) => a - b);
}

export interface WhatIfPanel {
  el: HTMLElement;
  destroy(): void;
}

/**
 * "What if" for one team: the default counterfactual computed on opening (the card), a strategy
 * and a minute to try others, and the team's curves against the what-if's on one chart.
 * `start(from)` gives the match at a minute when the caller has it at hand (the replay viewer).
 */
export function whatIfPanel(report: RoundReport, team: number, opts: { start?: (from: number) => MatchState; autorun?: boolean; heading?: boolean } = {}): WhatIfPanel {
  const bots = whatIfBots(report.unlocks, report.paymentIsolation);
  const first = defaultWhatIf(report, team);
  const charts: LineChart[] = [];
  const result = h("div", { class: "stack", testid: `whatif-result-${team}` });
  const info = h("small", { class: "muted", testid: `whatif-ms-${team}` });
  const botSel = h("select", { testid: `whatif-bot-${team}` }, bots.map((b) => option(b, strategyName(b), b === first?.bot)));
  const fromSel = h("select", { testid: `whatif-from-${team}` },
    handoverMinutes(report).map((m) => option(String(m), clock(report.startMinute + m), m === first?.from)));
  let asked = false;
  const run = (byHand = true) => {
    asked = byHand;
    const spec = { team, from: Number(fromSel.value), bot: botSel.value };
    result.replaceChildren(h("p", { class: "muted", text: t("debrief.computing") }));
    // Let the page paint "Computing…" before the engine takes the main thread.
    window.setTimeout(() => void show(spec), 0);
  };
  let shown = 0;
  const show = async (spec: WhatIfSpec) => {
    const mine = ++shown;
    const start = opts.start;
    const { outcome, ms } = await computeWhatIf(report, spec, start ? () => start(spec.from) : undefined);
    // A later choice won meanwhile, or the panel is gone.
    if (mine !== shown || !result.isConnected) return;
    info.textContent = t("debrief.whatIfMs", { ms: Math.round(ms) });
    charts.forEach((c) => c.destroy());
    charts.length = 0;
    const card = whatIfCard(report, outcome);
    result.replaceChildren(cardEl(card, report, team), overlay(report, team, outcome, charts));
    // Said as the card's sentence, never as the charts' legends; only when asked for (not on opening).
    if (asked) speak("news", t("speech.whatIf", { card: textOf(card, report).body }));
  };
  const label = (text: string, control: HTMLElement) => h("label", {}, text, control);
  const button = h("button", { class: "primary", testid: `whatif-run-${team}`, text: t("debrief.whatIfRun"), onclick: () => run() });
  const el = h("section", { class: "whatif stack", testid: `whatif-${team}` },
    opts.heading === false ? null : h("h4", { text: t("debrief.whatIf") }),
    bots.length > 0 ? h("div", { class: "row" }, label(t("debrief.whatIfStrategy"), botSel), label(t("debrief.whatIfFrom"), fromSel), button, info) : null,
    result);
  if (first && opts.autorun !== false) run(false);
  return { el, destroy: () => charts.forEach((c) => c.destroy()) };
}

/** The team's own curves (solid) against the what-if's (dashed), from the handover on marked by the split. */
function overlay(report: RoundReport, team: number, w: WhatIfOutcome, charts: LineChart[]): HTMLElement {
  const own = report.series.teams[team];
  const xs = own.served.map((_, i) => i);
  const demand = demandLine(report);
  // Drawn in this order: the team's own lines, the what-if's dashed ones over them (an idle team's
  // "dropped" is the demand, and hid the what-if's "served" beneath it), the demand's dots on top.
  const served = lineChart([
    { label: `${t("debrief.actual")} · ${t("debrief.served")}`, color: "#0072b2", width: 2 },
    { label: `${t("debrief.actual")} · ${t("host.dropped")}`, color: "#d55e00", width: 2 },
    { label: `${t("debrief.counterfactual")} · ${t("debrief.served")}`, color: "#0072b2", width: 2, dash: [6, 4] },
    { label: `${t("debrief.counterfactual")} · ${t("host.dropped")}`, color: "#d55e00", width: 2, dash: [6, 4] },
    { label: t("debrief.demand"), color: "#111418", width: 1, dash: [2, 3] },
  ], () => report.startMinute, 180);
  served.set(xs, [own.served, own.dropped, w.series.served, w.series.dropped, demand]);
  const cash = lineChart([
    { label: `${t("debrief.actual")} · ${t("debrief.cash")}`, color: "#009e73", width: 2 },
    { label: `${t("debrief.counterfactual")} · ${t("debrief.cash")}`, color: "#009e73", width: 2, dash: [6, 4] },
  ], () => report.startMinute, 150, (v) => money(v));
  cash.set(xs, [own.cash, w.series.cash]);
  charts.push(served, cash);
  return h("figure", { class: "whatif-charts", testid: `whatif-chart-${team}`, role: "img", "aria-label": t("a11y.whatIfChartAlt") }, served.el, cash.el);
}
