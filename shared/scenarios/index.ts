import { double12 } from "./double-12";
import { examMorning } from "./exam-morning";
import { freePlay } from "./free-play";
import { oldEra } from "./old-era";
import type { Scenario, ScenarioId } from "./types";

export const SCENARIOS: Record<ScenarioId, Scenario> = {
  "old-era": oldEra,
  "exam-morning": examMorning,
  "double-12": double12,
  "free-play": freePlay,
};

export { SCENARIO_IDS } from "./types";
export type { Scenario, ScenarioId } from "./types";
