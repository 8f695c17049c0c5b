/**
 * Match logs from the command line.
 *   npm run --silent replay -- verify FILE     re-simulate; exit 0 when every hash matches, 1 when not, 2 unreadable
 *   npm run --silent replay -- export ROUND_ID print a stored round's log (JSON) from the data folder
 */
import { readFileSync } from "node:fs";
import { parseLog } from "../../shared/log/parse";
import { verifyLog } from "../../shared/log/replay";
import { openStore } from "../store/Store";

const USAGE = "usage: npm run --silent replay -- verify FILE | export ROUND_ID";
const [verb, arg, ...extra] = process.argv.slice(2);

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function fail(message: string, code: number): never {
  process.stderr.write(`replay: ${message}\n`);
  process.exit(code);
}

if (!verb || !arg || extra.length > 0 || (verb !== "verify" && verb !== "export")) fail(USAGE, 2);

if (verb === "export") {
  const store = openStore();
  const log = store.exportLog(arg);
  store.close();
  if (!log) fail(`no round "${arg}" in ${store.path}`, 1);
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
const { replayer, ok, finalHash } = verifyLog(parsed.log);
const h = parsed.log.header;
out(`${h.scenario}  seed ${h.seed}  round ${h.round}  ${replayer.state.tick} ticks  final hash ${finalHash}`);
for (const w of replayer.warnings) out(`warning: ${w.code} ${JSON.stringify(w.params)}`);
for (const r of replayer.results().sort((a, b) => b.score - a.score)) {
  out(`  ${r.name.padEnd(28)} ${(r.score / 100).toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).padStart(12)}  availability ${(r.availability / 100).toFixed(2)} %`);
}
if (ok) {
  out(`ok: every hash matched${parsed.log.final ? ` (final ${parsed.log.final.hash})` : " (no final hash: the round was interrupted)"}`);
  process.exit(0);
}
const d = replayer.divergence!;
out(`DIVERGED at tick ${d.tick} (${d.what}${d.expected ? `: log ${d.expected}, replay ${d.actual}` : ""}); last agreement at tick ${d.since}`);
process.exit(1);
