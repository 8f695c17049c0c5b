import { parseCommand, parseHostAction, type Command, type HostAction } from "./commands";
import { err, type EngineError } from "./errors";
import { planCommand } from "./actions";
import { hashValue } from "./hash";
import { isError, locate } from "./lookup";
import { isOver } from "./tick";
import type { MatchState, Team } from "./types";

export type CommandResult = { ok: true; command: Command } | { ok: false; error: EngineError };

function teamOf(state: MatchState, teamId: unknown): Team | EngineError {
  if (typeof teamId !== "number" || !Number.isInteger(teamId) || teamId < 0 || teamId >= state.teams.length) {
    return err("bad_command", { path: "team", issue: "invalid_value" });
  }
  return state.teams[teamId];
}

/** What would happen: the error a player would get, or null when the command would be accepted. */
export function checkCommand(state: MatchState, teamId: number, input: unknown): EngineError | null {
  const parsed = parseCommand(input);
  if (!parsed.ok) return parsed.error;
  const team = teamOf(state, teamId);
  if (isError(team)) return team;
  const plan = planCommand(state, team, parsed.value);
  return isError(plan) ? plan : null;
}

/**
 * Applies an untrusted command for a team. On any error the state is untouched and the typed
 * error comes back; nothing throws for bad input.
 */
export function applyCommand(state: MatchState, teamId: number, input: unknown): CommandResult {
  const parsed = parseCommand(input);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const team = teamOf(state, teamId);
  if (isError(team)) return { ok: false, error: team };
  const plan = planCommand(state, team, parsed.value);
  if (isError(plan)) return { ok: false, error: plan };
  plan();
  return { ok: true, command: parsed.value };
}

/** The teacher's actions on the match itself (incidents); they take effect on the next tick. */
export function applyHostAction(
  state: MatchState, input: unknown,
): { ok: true; action: HostAction } | { ok: false; error: EngineError } {
  const parsed = parseHostAction(input);
  if (!parsed.ok) return parsed;
  const a = parsed.value;
  if (isOver(state)) return { ok: false, error: err("match_over", { tick: state.tick }) };
  if (a.team !== null && a.team >= state.teams.length) {
    return { ok: false, error: err("bad_command", { path: "team", issue: "invalid_value" }) };
  }
  if (a.app !== undefined && !state.world.apps.includes(a.app)) {
    return { ok: false, error: err("app_not_in_scenario", { app: a.app }) };
  }
  if (a.server !== undefined) {
    const ref = locate(state, a.server);
    if (!ref || ref.kind !== "server") return { ok: false, error: err("unknown_object", { id: a.server }) };
    if (a.team !== ref.team.id) return { ok: false, error: err("foreign_object", { id: a.server }) };
  }
  state.pendingIncidents.push({ kind: a.kind, team: a.team, app: a.app, server: a.server });
  return { ok: true, action: a };
}

/** Canonical hash of the whole match state: same seed + same commands give the same hash. */
export function stateHash(state: MatchState): string {
  return hashValue(state);
}
