/**
 * The packing bound, checkable on standard instances:
 *   npm run --silent pack -- FILE      (FILE in the OR-Library bin-packing format; - reads stdin)
 * prints one JSON line per problem: {name, capacity, items, lowerBound, ffd, bestKnown}, where
 * lowerBound is Martello–Toth L2 (on the capacity reduced to the most any subset of the items can
 * fill) and ffd the bins first-fit decreasing uses. Exit 0 when every
 * problem was read; 2 for a usage error, an unreadable file or a malformed one (nothing printed).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { firstFitDecreasing, lowerBound } from "../../shared/debrief/binpack";
import { parseBinPacking } from "../../shared/debrief/orlib";

const USAGE = "usage: npm run --silent pack -- FILE   (OR-Library bin-packing format; - for standard input)";

function fail(message: string): never {
  process.stderr.write(`pack: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length !== 1 || (args[0].startsWith("-") && args[0] !== "-")) fail(USAGE);
const file = args[0];

let text: string;
try {
  // npm runs scripts from the package root; a relative path means the caller's directory.
  text = file === "-" ? readFileSync(0, "utf8") : readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), file), "utf8");
} catch (e) {
  fail(`cannot read ${file}: ${(e as Error).message}`);
}

const parsed = parseBinPacking(text);
if (!parsed.ok) fail(`${file === "-" ? "stdin" : file}, line ${parsed.line}: ${parsed.message}`);

const out: string[] = [];
for (const p of parsed.problems) {
  out.push(JSON.stringify({
    name: p.name,
    capacity: p.capacity,
    items: p.sizes.length,
    lowerBound: lowerBound(p.sizes, p.scaledCapacity),
    ffd: firstFitDecreasing(p.sizes, p.scaledCapacity).bins,
    bestKnown: p.bestKnown,
  }));
}
process.stdout.write(out.length > 0 ? `${out.join("\n")}\n` : "");
