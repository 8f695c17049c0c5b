/**
 * The question bank's checker:
 *   npm run --silent concepts -- check [FILE]     (FILE: a bank in JSON; default the shipped one)
 * prints one line per problem and exits 1, or a one-line summary and exits 0. 2: bad arguments or
 * an unreadable file.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkBank } from "../../shared/concepts/check";

const USAGE = "usage: npm run --silent concepts -- check [FILE]   (a question bank in JSON; default: shared/concepts/bank.json)";
const SHIPPED = fileURLToPath(new URL("../../shared/concepts/bank.json", import.meta.url));

function usage(message = USAGE): never {
  process.stderr.write(`concepts: ${message}\n`);
  process.exit(2);
}

const [command, file, ...rest] = process.argv.slice(2);
if (command !== "check" || rest.length > 0 || file?.startsWith("-")) usage();
// npm runs scripts from the package root; a relative path means the caller's directory.
const path = file ? resolve(process.env.INIT_CWD ?? process.cwd(), file) : SHIPPED;
const name = file ?? "shared/concepts/bank.json";

let text: string;
try {
  text = readFileSync(path, "utf8");
} catch (e) {
  usage(`cannot read ${name}: ${(e as Error).message}`);
}

let problems: string[];
let bank: unknown = null;
try {
  bank = JSON.parse(text);
  problems = checkBank(bank);
} catch (e) {
  problems = [`${name}: not JSON (${(e as Error).message})`];
}
if (problems.length > 0) {
  process.stdout.write(`${problems.join("\n")}\n`);
  process.exit(1);
}
const questions = (bank as { questions: { concept: string }[] }).questions;
process.stdout.write(`${name}: ${questions.length} questions on ${new Set(questions.map((q) => q.concept)).size} concepts, in English and Chinese: no problems\n`);
