/**
 * Headless match: one team per bot, played to the end.
 *   npm run --silent sim -- --scenario exam-morning --bots containers-reactive,vm-preprovision --seed 7 [--json]
 * A bot spec is NAME or NAME:frozen (the same strategy, sending nothing from the spike's first minute).
 * --debrief adds each team's debrief to the JSON: the money waterfall (Σ dollars = score) and its
 * cards, the what-if card included (the round replayed from its log, as the browser does).
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { BOT_NAMES, isBotSpec } from "../../shared/bots";
import { LAYER_KINDS, type LayerKind } from "../../shared/engine/data";
import { results, stateHash } from "../../shared/engine";
import { SCENARIO_IDS, type ScenarioId } from "../../shared/scenarios";
import { startBotMatch } from "../../shared/sim/run";
import { playLogged } from "../../shared/sim/log";
import { writeFileSync } from "node:fs";
import { formatTable } from "./table";
import { Replayer } from "../../shared/log/replay";
import { teamDebriefJson } from "../../shared/debrief/json";
import { defaultWhatIf, runWhatIf, whatIfSource } from "../../shared/debrief/whatif";

const USAGE = `usage: npm run --silent sim -- --scenario <id> --bots <spec,spec,...> [--seed N] [--traffic PCT] [--unlocks LAYER,LAYER] [--no-incidents] [--json [--debrief]] [--log FILE]
  scenarios: ${SCENARIO_IDS.join(", ")}
  bots:      ${BOT_NAMES.join(", ")} (NAME:frozen stops acting when the spike starts)
  layers:    ${LAYER_KINDS.join(", ")} (default: the scenario's)
  --no-incidents plays the round without the scenario's scripted incidents`;

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n${USAGE}\n`);
  process.exit(2);
}

interface Args {
  scenario: ScenarioId; bots: string[]; seed: number; traffic?: number; unlocks?: LayerKind[]; incidents: boolean; json: boolean; debrief: boolean; log?: string;
}

function parse(): Args {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scenario: { type: "string" }, bots: { type: "string" }, seed: { type: "string" },
        traffic: { type: "string" }, json: { type: "boolean" }, debrief: { type: "boolean" }, help: { type: "boolean" }, log: { type: "string" },
        unlocks: { type: "string" }, "no-incidents": { type: "boolean" },
      },
      strict: true, allowPositionals: false,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) { process.stdout.write(`${USAGE}\n`); process.exit(0); }
  const scenario = values.scenario;
  if (!scenario) fail("--scenario is required");
  if (!(SCENARIO_IDS as readonly string[]).includes(scenario)) fail(`unknown scenario "${scenario}"`);
  if (!values.bots) fail("--bots is required");
  const bots = values.bots.split(",").map((b) => b.trim());
  const bad = bots.find((b) => !isBotSpec(b));
  if (bad !== undefined) fail(`unknown bot "${bad}"`);
  if (bots.length < 1 || bots.length > 8) fail("between 1 and 8 bots (one team each)");
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) fail(`--seed must be an integer from 0 to 4294967295`);
  let traffic: number | undefined;
  if (values.traffic !== undefined) {
    traffic = Number(values.traffic);
    if (!Number.isInteger(traffic) || traffic < 25 || traffic > 400) fail("--traffic must be an integer percentage from 25 to 400");
  }
  if (values.log !== undefined && values.log.trim() === "") fail("--log needs a file name");
  let unlocks: LayerKind[] | undefined;
  if (values.unlocks !== undefined) {
    const list = values.unlocks.split(",").map((l) => l.trim());
    const wrong = list.find((l) => !(LAYER_KINDS as readonly string[]).includes(l));
    if (wrong !== undefined || list.length === 0) fail(`unknown layer "${wrong ?? ""}" in --unlocks`);
    unlocks = [...new Set(list)] as LayerKind[];
  }
  if (values.debrief && !values.json) fail("--debrief needs --json");
  return {
    scenario: scenario as ScenarioId, bots, seed, traffic, unlocks, incidents: !values["no-incidents"], json: values.json ?? false, debrief: values.debrief ?? false, log: values.log,
  };
}

const args = parse();
const match = startBotMatch(args.scenario, args.bots, args.seed, {
  ...(args.traffic ? { trafficPct: args.traffic } : {}),
  ...(args.unlocks ? { unlocks: args.unlocks } : {}),
  ...(args.incidents ? {} : { scriptedIncidents: false }),
});
let tickMs = 0;
const log = playLogged(match, args.bots, new Date().toISOString(), (run) => {
  const t0 = performance.now();
  run();
  tickMs += performance.now() - t0;
});
if (args.log) {
  try {
    writeFileSync(args.log, JSON.stringify(log));
  } catch (e) {
    fail(`cannot write ${args.log}: ${(e as Error).message}`);
  }
}
const state = match.state;
const dollars = (cents: number) => Math.round(cents) / 100;
const pct = (bp: number) => bp / 100;
const report = {
  scenario: args.scenario,
  seed: args.seed,
  ticks: state.tick,
  stateHash: stateHash(state),
  msPerTick: Number((tickMs / Math.max(1, state.tick)).toFixed(4)),
  teams: results(state).map((r, i) => ({
    bot: args.bots[i],
    score: dollars(r.score),
    availability: pct(r.availability),
    droppedPeak: r.droppedPeak,
    utilization: pct(r.utilization),
    occupancy: pct(r.occupancy),
    osTaxCpu: r.osTaxCpu,
    licenceSpend: dollars(r.licenceSpend),
    cash: dollars(r.cash),
    servers: state.teams[i].servers.length,
  })),
};
/** The debrief as the browser builds it: the log replayed, the report, each team's default what-if. */
function debriefs(): ReturnType<typeof teamDebriefJson>[] {
  const replayer = new Replayer(log);
  replayer.runToEnd();
  const round = replayer.report();
  const src = whatIfSource(round);
  return round.results.map((_, i) => {
    const spec = defaultWhatIf(round, i);
    if (!spec) return teamDebriefJson(round, i, null);
    replayer.seek(spec.from);
    return teamDebriefJson(round, i, runWhatIf(src, spec, replayer.state, round.series.teams[i]));
  });
}

if (args.debrief) {
  const all = debriefs();
  report.teams = report.teams.map((team, i) => ({ ...team, debrief: all[i] }));
}
if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
else process.stdout.write(formatTable(report));
