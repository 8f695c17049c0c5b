import type { Phase } from "../../shared/protocol/phases";

/** What a phase allows, and where the teacher's phase actions lead from it. */
export interface PhaseRules {
  /** The round's clock runs. */
  clock: boolean;
  /** Students' team commands are accepted. */
  commands: boolean;
  /** The teacher may change the setup for the next round (configure). */
  setup: boolean;
  /** A round is under way: a student may pick a team once, then only the teacher moves them. */
  midRound: boolean;
  /** The teacher may trigger incidents. */
  incidents: boolean;
  /** New students may join (seat tokens and the teacher too). */
  joinable: boolean;
  /** Phase actions allowed from here. `endRound` calls a briefing off, or ends a round played. */
  start?: Phase;
  pause?: Phase;
  /** Stop the clock but let players build (a freeze for discussion, or extra time). */
  freeze?: Phase;
  resume?: Phase;
  endRound?: "discard" | "finish";
}

/**
 * The session's phases as one table: every check of "may this happen now" reads it, and the one
 * place that changes phase (Session.enter) starts and stops the clock from it.
 *
 *   lobby → briefing → playing ⇄ paused ⇄ frozen ⇄ playing → over → briefing … ; any → ended
 *
 * `frozen` accepts commands with the clock stopped: they are checked and shown at once and join
 * the log at the minute the clock next moves, like any command sent during a minute (see
 * docs/PROTOCOL.md, "Frozen clock").
 */
export const PHASE_RULES: Record<Phase, PhaseRules> = {
  lobby: { clock: false, commands: false, setup: true, midRound: false, incidents: false, joinable: true, start: "briefing" },
  briefing: { clock: false, commands: false, setup: false, midRound: false, incidents: false, joinable: true, start: "playing", endRound: "discard" },
  playing: { clock: true, commands: true, setup: false, midRound: true, incidents: true, joinable: true, pause: "paused", freeze: "frozen", endRound: "finish" },
  paused: { clock: false, commands: false, setup: false, midRound: true, incidents: true, joinable: true, resume: "playing", freeze: "frozen", endRound: "finish" },
  frozen: { clock: false, commands: true, setup: false, midRound: true, incidents: true, joinable: true, resume: "playing", pause: "paused", freeze: "frozen", endRound: "finish" },
  over: { clock: false, commands: false, setup: true, midRound: false, incidents: false, joinable: true, start: "briefing" },
  ended: { clock: false, commands: false, setup: false, midRound: false, incidents: false, joinable: false },
};
