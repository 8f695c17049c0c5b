import type { RoundReport } from "../../shared/debrief/report";
import { S2C, type ActivityMessage, type LostMessage, type WelcomeMessage } from "../../shared/protocol/messages";
import type { Phase } from "../../shared/protocol/phases";
import { historyFor } from "../../shared/view/history";
import type { Seat } from "./Roster";
import type { Round } from "./Round";
import type { SeatDesk } from "./seats";

/** What a browser is told about its seat on joining (the seat token only the first time). */
export function welcomeFor(seat: Seat, token = ""): WelcomeMessage {
  return { seat: seat.seat, role: seat.role, seatToken: token, nickname: seat.nickname, team: seat.team };
}

export interface CatchUpSource {
  readonly phase: Phase;
  readonly round: Round | null;
  readonly roundNumber: number;
  readonly reports: readonly RoundReport[];
  readonly desk: SeatDesk;
  readonly time: { activityReport(): ActivityMessage | null };
}

/**
 * What a browser missed (joining late, or back after a reload): the round's chart so far, the
 * debriefs, the teacher's list of kicked students and who is idle, and after a rebuild the seat's commands that
 * were acknowledged but never played (told once).
 */
export function catchUpFor(s: CatchUpSource, seat: Seat): { type: string; body: unknown }[] {
  const out: { type: string; body: unknown }[] = [];
  const round = s.round;
  if (round && s.phase !== "lobby") {
    out.push({ type: S2C.history, body: historyFor(s.roundNumber, round.state.tick, round.series, seat.role === "host" ? null : seat.team) });
  }
  if (s.reports.length > 0) out.push({ type: S2C.debrief, body: { reports: s.reports } });
  if (seat.role === "host") out.push({ type: S2C.bans, body: { bans: s.desk.banList() } });
  const activity = seat.role === "host" ? s.time.activityReport() : null;
  if (activity) out.push({ type: S2C.activity, body: activity });
  const lost = round?.lost.get(seat.seat);
  if (round && lost) {
    round.lost.delete(seat.seat);
    const body: LostMessage = {
      cause: round.stoppedBy ?? "crash", tick: round.state.tick,
      commands: lost.map((l) => ({ id: l.request, tick: l.tick, command: l.command })),
    };
    out.push({ type: S2C.lost, body });
  }
  return out;
}
