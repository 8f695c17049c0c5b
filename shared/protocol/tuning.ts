import type { BotName } from "../bots/names";
import { PRACTICE_DEFAULT_SPEED } from "../scenarios/presets";
import type { ScenarioId } from "../scenarios/types";

/** How a new class session is set up before the teacher changes anything. */
export const SESSION_DEFAULTS = {
  scenario: "exam-morning" as ScenarioId,
  tickRate: 1,
  maxStudents: 60,
  /** The first `teams` of these names; more are used when the teacher adds teams. */
  teams: 4,
  teamNames: ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"] as readonly string[],
};

/** A practice room: the player is its host and plays team `team` against bots on the others. */
export const PRACTICE_SETUP = {
  nickname: "Player",
  team: 0,
  bots: ["containers-reactive", "vm-preprovision", "bare-metal"] as readonly BotName[],
  tickRate: PRACTICE_DEFAULT_SPEED,
};

/** The team a practice room's `i`-th rival plays: every team but the player's, in order. */
export function practiceRivalTeam(i: number): number {
  return i < PRACTICE_SETUP.team ? i : i + 1;
}

/** The room's own pacing (wall-clock milliseconds). */
export const ROOM_TIMING = {
  /** A room nobody has been in for this long is closed (its logs are already kept). */
  idleCloseMs: 30 * 60 * 1000,
  /** Seats and setup are saved at most this often. */
  persistDelayMs: 200,
  /** After "the session has ended" is sent, sockets close this much later (so the message arrives). */
  endGraceMs: 500,
  /** Connections beyond the class size a room accepts: teachers' devices, reloads in flight. */
  extraConnections: 20,
  /** How often the teacher is told who has been idle (during a round). */
  activityEveryMs: 5000,
  /** While the clock is frozen, players' changes are shown at most this often (each is a whole datacenter's rows). */
  previewEveryMs: 150,
};
