import type { ActivityMessage } from "../../shared/protocol/messages";
import type { Seat } from "./Roster";

interface Mark {
  /** Playable time (ms) at the seat's last command, or when it got its team. */
  at: number;
  commands: number;
}

/**
 * Who has been idle this round. Time counts only while the clock runs or a freeze lets players
 * build: a student is not idle for the minutes the teacher held the class in a pause. A student
 * who has not acted yet is idle since the round started, or since they got their team.
 */
export class Activity {
  private played = 0;
  /** Wall time counting resumed at (null: not counting). */
  private since: number | null = null;
  private readonly marks = new Map<number, Mark>();
  private round = 0;

  /** A new round: everyone starts fresh. */
  reset(round: number): void {
    this.round = round;
    this.played = 0;
    this.since = null;
    this.marks.clear();
  }

  /** Counting on (the clock runs, or players may build) or off. */
  counting(on: boolean, now: number): void {
    if (on && this.since === null) this.since = now;
    if (!on && this.since !== null) {
      this.played += now - this.since;
      this.since = null;
    }
  }

  playedMs(now: number): number {
    return this.played + (this.since === null ? 0 : now - this.since);
  }

  /** An accepted command. */
  acted(seat: number, now: number): void {
    const mark = this.marks.get(seat);
    this.marks.set(seat, { at: this.playedMs(now), commands: (mark?.commands ?? 0) + 1 });
  }

  /** A student got a team mid-round: idle from now, not from the round's start. */
  placed(seat: number, now: number): void {
    const mark = this.marks.get(seat);
    this.marks.set(seat, { at: this.playedMs(now), commands: mark?.commands ?? 0 });
  }

  report(students: readonly Seat[], teamCount: number, isBot: (team: number) => boolean, now: number): ActivityMessage {
    const played = this.playedMs(now);
    const seconds = (ms: number) => Math.floor(ms / 1000);
    const seats = students.filter((s) => s.team >= 0 && !isBot(s.team)).map((s) => {
      const mark = this.marks.get(s.seat);
      return { seat: s.seat, team: s.team, idleS: seconds(played - (mark?.at ?? 0)), commands: mark?.commands ?? 0 };
    });
    const teams: ActivityMessage["teams"] = [];
    for (let team = 0; team < teamCount; team++) {
      const members = seats.filter((s) => s.team === team);
      if (members.length === 0) continue;
      teams.push({ team, idleS: Math.min(...members.map((s) => s.idleS)), commands: members.reduce((n, s) => n + s.commands, 0) });
    }
    return { round: this.round, playedS: seconds(played), seats, teams };
  }
}
