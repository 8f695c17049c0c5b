/**
 * The debrief in Node: one JSON line per case, on an 8-team, 360-minute exam morning played by bots.
 * - report: the round's report and every team's cards and money waterfall from the facts tracked
 *   while it was played (what the server does when a round ends). Goal: < 200 ms for 8 teams.
 * - tracking: what keeping the facts costs over the whole round, beside the engine's own ticks.
 * - what-if: each team handed to its default strategy at the forecast window, from the inputs alone
 *   (replaying every team to the handover, then the team alone). Goal: < 1 s (the browser's figure
 *   is in whatif.bench.ts).
 *   npm run bench:debrief
 */
import { performance } from "node:perf_hooks";
import { teamCards } from "../../shared/debrief/cards";
import { moneyLines } from "../../shared/debrief/money";
import { buildReport } from "../../shared/debrief/report";
import { emptySeries, recordTick } from "../../shared/debrief/series";
import { RoundTracker } from "../../shared/debrief/track";
import { defaultWhatIf, whatIf, whatIfSource } from "../../shared/debrief/whatif";
import { advance, applyCommand, createMatch, results } from "../../shared/engine";
import { Replayer } from "../../shared/log/replay";
import { playLogged } from "../../shared/sim/log";
import { startBotMatch } from "../../shared/sim/run";
import { percentile } from "./stats";

const EIGHT = ["containers-reactive", "vm-preprovision", "bare-metal", "hybrid-isolate-payment", "vm-consolidate", "containers-autoscale", "one-app-per-server", "idle"];

function stats(times: number[]): { p50: number; max: number } {
  return { p50: Number(percentile(times, 50).toFixed(2)), max: Number(Math.max(...times).toFixed(2)) };
}

const log = playLogged(startBotMatch("exam-morning", EIGHT, 11), EIGHT, "bench");
const replayer = new Replayer(log);
replayer.runToEnd();
const h = log.header;
const facts = replayer.tracker.facts();

const reportTimes: number[] = [];
let cards = 0;
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  const report = buildReport({
    round: 1, state: replayer.state, results: results(replayer.state), series: replayer.series, facts: replayer.tracker.facts(),
    entries: log.entries, roster: h.roster, bots: h.bots,
  });
  cards = 0;
  for (let team = 0; team < EIGHT.length; team++) {
    cards += teamCards(report, team).length;
    moneyLines(report.results[team], report.budget, facts[team]);
  }
  reportTimes.push(performance.now() - t0);
}
console.log(JSON.stringify({ name: "debrief-report-8-teams", ticks: replayer.state.tick, cards, ms: stats(reportTimes), goalMs: 200 }));

// The facts are tracked tick by tick while the round is played: their cost is the time spent in
// noteTick (the packing peak included) beside the engine's own ticks, over the same round.
const engineTimes: number[] = [];
const trackTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const state = createMatch(h.settings, h.seed);
  const series = emptySeries(EIGHT.length);
  const tracker = new RoundTracker(EIGHT.length);
  const entries = log.entries.filter((e) => e.type === "command");
  let cursor = 0;
  let engine = 0;
  let track = 0;
  while (state.tick < state.world.ticks) {
    while (cursor < entries.length && entries[cursor].tick === state.tick) {
      const e = entries[cursor++];
      if (e.type === "command") applyCommand(state, e.team, e.command);
    }
    let t0 = performance.now();
    advance(state);
    recordTick(series, state);
    engine += performance.now() - t0;
    t0 = performance.now();
    tracker.noteTick(state);
    track += performance.now() - t0;
  }
  engineTimes.push(engine);
  trackTimes.push(track);
}
console.log(JSON.stringify({
  name: "debrief-tracking-8-teams-360-ticks", engineMsPerRoundP50: Number(percentile(engineTimes, 50).toFixed(1)),
  trackingMsPerRoundP50: Number(percentile(trackTimes, 50).toFixed(1)), trackingMsPerTickP50: Number((percentile(trackTimes, 50) / 360).toFixed(3)),
}));

const report = replayer.report();
const src = whatIfSource(report);
const whatIfTimes: number[] = [];
for (let team = 0; team < EIGHT.length; team++) {
  const spec = defaultWhatIf(report, team);
  if (!spec) continue;
  const t0 = performance.now();
  whatIf(src, spec, report.series.teams[team]);
  whatIfTimes.push(performance.now() - t0);
}
const fromStart: number[] = [];
for (let team = 0; team < EIGHT.length; team++) {
  const t0 = performance.now();
  whatIf(src, { team, from: 0, bot: "containers-reactive" }, report.series.teams[team]);
  fromStart.push(performance.now() - t0);
}
console.log(JSON.stringify({
  name: "whatif-node-8-teams-360-ticks", handoverAtWindow: stats(whatIfTimes), handoverAtStart: stats(fromStart), goalMs: 1000,
}));
