import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENGINE_VERSION } from "../../shared/engine/data";
import { parseLog } from "../../shared/log/parse";
import { verifyLog } from "../../shared/log/verify";
import { SCENARIO_IDS } from "../../shared/scenarios/types";

/*
 * Golden match logs (test/golden/<scenario>.json): one bot match per scenario with a teacher's
 * incidents, recorded by the engine of ENGINE_VERSION. Replaying each must reach every hash it
 * recorded. A failure means the engine now plays the same inputs differently.
 */
const RERECORD = "engine behaviour changed: if that is intended, bump ENGINE_VERSION in shared/engine/data.ts and re-record on purpose with `npm run golden:record`";

describe("golden match logs", () => {
  it.each(SCENARIO_IDS)("%s replays to its recorded hashes under the current ENGINE_VERSION", (scenario) => {
    const text = readFileSync(new URL(`../golden/${scenario}.json`, import.meta.url), "utf8");
    const parsed = parseLog(text);
    if (!parsed.ok) throw new Error(`test/golden/${scenario}.json is not a readable match log (${JSON.stringify(parsed.error)})`);
    const log = parsed.log;
    expect(log.header.engineVersion, `recorded under engine ${log.header.engineVersion}, the engine is ${ENGINE_VERSION}: re-record with \`npm run golden:record\``).toBe(ENGINE_VERSION);
    const { replayer, problems, finalHash } = verifyLog(log);
    expect(replayer.warnings, `the ${scenario} scenario changed since the log was recorded: ${RERECORD}`).toEqual([]);
    const d = replayer.divergence;
    expect(d, d ? `${scenario} diverged at tick ${d.tick} (${d.what}; last agreed at tick ${d.since}): ${RERECORD}` : "").toBeNull();
    expect(problems, RERECORD).toEqual([]);
    expect(finalHash, RERECORD).toBe(log.final!.hash);
    // The log is a real match: inputs of many kinds, the teacher's incidents, checkpoints all along.
    expect(log.entries.filter((e) => e.type === "command").length).toBeGreaterThan(50);
    expect(log.entries.some((e) => e.type === "incident")).toBe(true);
  });
});
