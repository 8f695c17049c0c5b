import type { MatchState } from "../engine/types";
import type { RosterEntry } from "../log/format";
import { datacenterRow } from "./datacenter";
import { teamScoreRow } from "./leaderboard";
import { demandRow, roundRow } from "./round";
import { NO_FREEZE, type RoomRow, type SeatRow, type TeamRow } from "./rows";
import { NO_TEAM } from "../protocol/seats";

export interface ReplayMeta {
  room: string;
  round: number;
  roster: readonly RosterEntry[];
  bots: readonly (string | null)[];
  /** The replay reached the end of the round. */
  over: boolean;
}

/**
 * A room as it looked at this point of a replayed match: the same rows the live room synced, so
 * the replay viewer reuses the projector and the team view and a replay looks as the match did.
 */
export function roomFromMatch(state: MatchState, meta: ReplayMeta): RoomRow {
  const w = state.world;
  const teams: TeamRow[] = state.teams.map((t, i) => ({
    index: i, name: t.name, bot: meta.bots[i] ?? "",
    members: meta.roster.filter((s) => s.team === i && s.role === "student").length,
    ...teamScoreRow(t),
  }));
  const seats = new Map<string, SeatRow>(meta.roster.map((s) => [String(s.seat), { ...s, connected: true, asks: NO_TEAM, asksTime: false }]));
  return {
    code: meta.room, phase: meta.over ? "over" : "playing", practice: false, locked: false, tick: state.tick,
    countdown: 0, freeze: NO_FREEZE,
    config: {
      scenario: state.scenario, budget: w.budget, tickRate: 1, unlocks: [...w.unlocks], trafficPct: w.trafficPct,
      scriptedIncidents: w.scriptedIncidents, maxStudents: 0, countdown: false,
    },
    round: roundRow(state, meta.round, 1),
    demand: demandRow(state),
    seats, teams, banners: [],
    datacenters: state.teams.map((_, i) => datacenterRow(state, i)),
    feeds: [],
  };
}
