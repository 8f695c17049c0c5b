import type { BotName } from "../../shared/bots/names";
import type { FeedRow } from "../../shared/view/rows";
import type { Phase } from "../../shared/protocol/phases";
import type { PhaseRules } from "./phases";
import type { Messenger } from "./ports";
import type { Roster, Seat } from "./Roster";
import type { Round } from "./Round";
import type { SeatDesk } from "./seats";
import type { Configure } from "./setup";
import type { TimeDesk } from "./timeDesk";

/** What requests and the teacher's actions work on: the Session, as they see it. */
export interface SessionControl {
  readonly phase: Phase;
  readonly practice: boolean;
  readonly rules: PhaseRules;
  readonly roster: Roster;
  readonly round: Round | null;
  readonly teams: readonly { name: string; bot: BotName | null }[];
  readonly tick: number;
  configure(c: Configure): void;
  setLocked(locked: boolean): void;
  enter(phase: Phase): void;
  openBriefing(): void;
  endRound(endedBy: "time" | "host"): void;
  endSession(): void;
  /** The seat desk: kicks, bans, mid-round requests to join a team. */
  readonly desk: SeatDesk;
  /** The countdown, freezes and extra time, the speed, who is idle. */
  readonly time: TimeDesk;
  /** Sets the class cap (in any phase). */
  setCap(max: number): void;
  moveSeat(seat: Seat, team: number): void;
  setBot(team: number, bot: BotName | null): void;
  annotate(entry: { type: "pause" | "resume" }): void;
  feed(team: number, line: FeedRow): void;
  nicknameOf(seat: number): string;
  readonly messenger: Messenger;
}

