import { SCENARIOS } from "../../shared/scenarios";
import type { LayerKind } from "../../shared/engine/data";
import type { MatchSettings } from "../../shared/engine/types";
import type { HostCommand } from "../../shared/protocol/messages";
import { SESSION_DEFAULTS } from "../../shared/protocol/tuning";
import type { ScenarioId } from "../../shared/scenarios/types";
import type { ConfigRow } from "../../shared/view/rows";
import type { SessionSnapshot } from "./ports";

/** The setup for the next round, as the teacher left it. */
export type Config = { -readonly [K in keyof ConfigRow]: ConfigRow[K] } & { unlocks: LayerKind[] };
export type Configure = Extract<HostCommand, { type: "configure" }>;

export function defaultConfig(): Config {
  const scn = SCENARIOS[SESSION_DEFAULTS.scenario];
  return {
    scenario: scn.id, budget: scn.budget, tickRate: SESSION_DEFAULTS.tickRate, unlocks: [...scn.unlocks], trafficPct: 100,
    scriptedIncidents: true, maxStudents: SESSION_DEFAULTS.maxStudents, countdown: true,
  };
}

/** Applies what a configure action sets (teams aside); a new scenario brings its own budget and unlocks. */
export function applyConfig(cfg: Config, c: Configure): void {
  if (c.scenario !== undefined && c.scenario !== cfg.scenario) {
    const scn = SCENARIOS[c.scenario as ScenarioId];
    cfg.scenario = scn.id;
    cfg.budget = scn.budget;
    cfg.unlocks = [...scn.unlocks];
  }
  if (c.budget !== undefined) cfg.budget = c.budget;
  if (c.tickRate !== undefined) cfg.tickRate = c.tickRate;
  if (c.unlocks !== undefined) cfg.unlocks = [...new Set(c.unlocks as LayerKind[])];
  if (c.trafficPct !== undefined) cfg.trafficPct = c.trafficPct;
  if (c.scriptedIncidents !== undefined) cfg.scriptedIncidents = c.scriptedIncidents;
  if (c.maxStudents !== undefined) cfg.maxStudents = c.maxStudents;
  if (c.countdown !== undefined) cfg.countdown = c.countdown;
}

/** A round's match settings from the setup and the team names. */
export function matchSettings(cfg: Config, teams: readonly string[]): MatchSettings {
  return {
    scenario: cfg.scenario, teams: [...teams], budget: cfg.budget, unlocks: [...cfg.unlocks], trafficPct: cfg.trafficPct,
    scriptedIncidents: cfg.scriptedIncidents,
  };
}

/** The configure action that restores a kept setup (teams included). */
export function configureFrom(snap: SessionSnapshot): Configure {
  const c = snap.config;
  return {
    type: "configure", scenario: c.scenario as ScenarioId, budget: c.budget, tickRate: c.tickRate, unlocks: c.unlocks as LayerKind[],
    trafficPct: c.trafficPct, scriptedIncidents: c.scriptedIncidents, maxStudents: c.maxStudents, teams: snap.teams,
    ...(c.countdown !== undefined ? { countdown: c.countdown } : {}),
  };
}
