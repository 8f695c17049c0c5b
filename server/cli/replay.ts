/**
 * Match logs from the command line.
 *   npm run --silent replay -- verify FILE [--partial]   re-simulate and check every claim the log
 *        makes; exit 0 when all hold, 1 naming each that does not, 2 unreadable. --partial accepts a
 *        round exported while it was still being played (no final hash yet).
 *   npm run --silent replay -- export ROUND_ID           print a stored round's log (JSON) from the store
 *        (DATABASE_URL's PostgreSQL, else the data folder)
 */
import { readFileSync } from "node:fs";
import { parseLog } from "../../shared/log/parse";
import { HASH_EVERY_TICKS } from "../../shared/log/format";
import { verifyLog, type LogProblem } from "../../shared/log/verify";
import { ENGINE_VERSION } from "../../shared/engine/data";
import { openStore } from "../store/open";

const USAGE = "usage: npm run --silent replay -- verify FILE [--partial] | export ROUND_ID";
const args = process.argv.slice(2);
const partial = args.includes("--partial");
const [verb, arg, ...extra] = args.filter((a) => a !== "--partial");

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function fail(message: string, code: number): never {
  process.stderr.write(`replay: ${message}\n`);
  process.exit(code);
}

if (!verb || !arg || extra.length > 0 || (verb !== "verify" && verb !== "export") || (partial && verb !== "verify")) fail(USAGE, 2);

if (verb === "export") {
  const store = await openStore();
  const log = await store.exportLog(arg);
  await store.close();
  if (!log) fail(`no round "${arg}" in ${store.where}`, 1);
  out(JSON.stringify(log));
  process.exit(0);
}

let text: string;
try {
  text = readFileSync(arg, "utf8");
} catch (e) {
  fail(`cannot read ${arg}: ${(e as Error).message}`, 2);
}
const parsed = parseLog(text);
if (!parsed.ok) fail(`${arg} is not a match log we can read: ${parsed.error.code} ${JSON.stringify(parsed.error.params)}`, 2);
const { replayer, ok, finalHash, problems } = verifyLog(parsed.log, { partial });
const h = parsed.log.header;
const money = (cents: number) => (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
out(`${h.scenario}  seed ${h.seed}  round ${h.round}  ${replayer.state.tick} ticks  final hash ${finalHash}`);
for (const w of replayer.warnings) if (w.code !== "log_engine_version") out(`warning: ${w.code} ${JSON.stringify(w.params)}`);
// Another engine's log would replay into a different match: its scores mean nothing here.
if (h.engineVersion === ENGINE_VERSION) for (const r of replayer.results().sort((a, b) => b.score - a.score)) {
  out(`  ${r.name.padEnd(28)} ${money(r.score).padStart(12)}  availability ${(r.availability / 100).toFixed(2)} %`);
}

/** One sentence per problem: each way a log can fail to prove itself is named on its own. */
function describe(p: LogProblem): string {
  switch (p.code) {
    case "engine_version":
      return `FAILED: recorded with engine ${p.log}; this build is engine ${p.engine}. A match log replays only under the engine version that recorded it (the rules changed since): run that version of Spike Day to replay it`;
    case "final_missing":
      return "FAILED: the log has no final hash, so nothing proves how the round ended or its results (an unfinished round's export: use --partial)";
    case "final_tick_beyond_scenario":
      return `FAILED: the final hash is at tick ${p.tick}, beyond the scenario's ${p.ticks} ticks, where no replay can check it`;
    case "final_tick_not_end":
      return `FAILED: the log says the round ran out of time at tick ${p.tick}, but the scenario lasts ${p.ticks} ticks`;
    case "entries_after_final":
      return `FAILED: inputs are logged at tick ${p.tick}, after the final hash at tick ${p.final}`;
    case "checkpoints_missing":
      return `FAILED: ${p.ticks.length} state checkpoint(s) missing (one is logged every ${HASH_EVERY_TICKS} ticks): ticks ${p.ticks.slice(0, 8).join(", ")}${p.ticks.length > 8 ? ", …" : ""}`;
    case "no_checkpoints":
      return `FAILED: the log carries no state checkpoint up to tick ${p.tick} and no final hash: nothing in it can be checked`;
    case "diverged": {
      const d = p.divergence;
      return `DIVERGED at tick ${d.tick} (${d.what}${d.expected ? `: log ${d.expected}, replay ${d.actual}` : ""}); last agreement at tick ${d.since}`;
    }
    case "results_mismatch":
      return `FAILED: the results in the log are not the replay's: ${h.settings.teams[p.team] ?? `team ${p.team}`} ${p.field}: log ${p.logged}, replay ${p.replayed}`;
  }
}

if (ok) {
  const f = parsed.log.final;
  out(f ? `ok: every hash and result matched (final ${f.hash} at tick ${f.tick})` : `ok (partial): every checkpoint matched up to tick ${replayer.state.tick}; the round has no final hash yet`);
  process.exit(0);
}
for (const p of problems) out(describe(p));
process.exit(1);
