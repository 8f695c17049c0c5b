/**
 * The lesson arc checked over many seeds (docs/DESIGN.md, "The lesson arc").
 *   npm run --silent balance -- --seeds 1-30 [--traffic 50,100,200] [--round ID] [--no-incidents] [--students|--no-students] [--json]
 * Prints, per rule and traffic level, how many seeds hold and the mean margin, with the mechanism
 * that carries the rule; exits 1 when a rule misses its bar (≥ 90 % of seeds, mean margin ≥ 5 % of
 * the winner's score), 2 on bad arguments. With --no-incidents the scenarios' scripted incidents
 * are off and only the rules that do not rest on one are checked (the mechanism table). The
 * student-like table (each naive strategy ≥ 10 % below the round's winner and below every
 * reference) is played by default with the incidents on, on request without.
 */
import { parseArgs } from "node:util";
import { BALANCE_ROUNDS, runBalance, type RuleSummary } from "../../shared/sim/balance";

const USAGE = `usage: npm run --silent balance -- --seeds A-B [--traffic 50,100,200] [--round ID] [--no-incidents] [--students|--no-students] [--json]
  rounds: ${BALANCE_ROUNDS.map((r) => r.id).join(", ")}`;

function fail(message: string): never {
  process.stderr.write(`balance: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function range(text: string): number[] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) fail(`--seeds must look like 1-30, not "${text}"`);
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (b < a || b - a > 10_000) fail("--seeds: the range must run upwards, at most 10,000 seeds");
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      seeds: { type: "string" }, traffic: { type: "string" }, round: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" },
      "no-incidents": { type: "boolean" }, students: { type: "boolean" }, "no-students": { type: "boolean" },
    },
    strict: true, allowPositionals: false,
  }));
} catch (e) {
  fail((e as Error).message);
}
if (values.help) { process.stdout.write(`${USAGE}\n`); process.exit(0); }
if (!values.seeds) fail("--seeds is required");
if (values.students && values["no-students"]) fail("--students and --no-students together");
const seeds = range(values.seeds);
const traffic = (values.traffic ?? "50,100,200").split(",").map((t) => {
  const n = Number(t);
  if (!Number.isInteger(n) || n < 25 || n > 400) fail(`--traffic takes percentages from 25 to 400, not "${t}"`);
  return n;
});
const roundId = values.round;
if (roundId !== undefined && !BALANCE_ROUNDS.some((r) => r.id === roundId)) fail(`unknown round "${roundId}"`);
const incidents = !values["no-incidents"];
const students = values.students ?? (incidents && !values["no-students"]);

const rows: RuleSummary[] = runBalance(seeds, traffic, roundId ? (r) => r.id === roundId : undefined, { incidents, students });
if (values.json) {
  process.stdout.write(`${JSON.stringify({ seeds: [seeds[0], seeds[seeds.length - 1]], traffic, incidents, rules: rows })}\n`);
} else {
  const w = Math.max(...rows.map((r) => r.rule.length));
  for (const table of ["arc", "students"] as const) {
    const part = rows.filter((r) => r.table === table);
    if (part.length === 0) continue;
    const title = table === "arc" ? (incidents ? "lesson arc, scripted incidents on" : "mechanism rules, scripted incidents off") : `student-like strategies, incidents ${incidents ? "on" : "off"}`;
    process.stdout.write(`\n${title}\n${"round".padEnd(14)} ${"rule".padEnd(w)} traffic  holds    margin\n`);
    for (const r of part) {
      const verdict = r.pass ? "ok" : `FAIL${r.failedSeeds.length ? ` (seeds ${r.failedSeeds.slice(0, 8).join(",")}${r.failedSeeds.length > 8 ? ",…" : ""})` : ""}`;
      process.stdout.write(`${r.round.padEnd(14)} ${r.rule.padEnd(w)} ${`${r.trafficPct} %`.padStart(7)}  ${`${r.holds}/${r.seeds}`.padStart(5)}  ${`${r.meanMarginPct.toFixed(1)} %`.padStart(8)}  ${verdict}  — ${r.mechanism}\n`);
    }
  }
}
process.exit(rows.every((r) => r.pass) ? 0 : 1);
