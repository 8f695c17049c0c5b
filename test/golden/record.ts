/**
 * Records the golden match logs: one bot match per scenario, with a teacher's incidents on top,
 * played by the current engine. test/unit/golden.test.ts replays them and fails when the engine
 * no longer reproduces them. Re-record only on purpose, after bumping ENGINE_VERSION:
 *   npm run golden:record
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SCENARIO_IDS } from "../../shared/scenarios/types";
import { recordGolden } from "./match";

const dir = fileURLToPath(new URL(".", import.meta.url));
for (const scenario of SCENARIO_IDS) {
  const log = recordGolden(scenario);
  const file = `${dir}${scenario}.json`;
  writeFileSync(file, `${JSON.stringify(log)}\n`);
  console.log(`${scenario}: ${log.entries.length} entries, final ${log.final?.hash} at tick ${log.final?.tick} (engine ${log.header.engineVersion}) → ${file}`);
}
