import type { BotName } from "../../shared/bots/names";
import type { HostAction } from "../../shared/engine/commands";
import { S2C, type AppliedMessage, type HostCommand, type WireError } from "../../shared/protocol/messages";
import { HOST_SEAT } from "../../shared/protocol/seats";
import { noticeLine } from "../../shared/view/feed";
import type { SessionControl } from "./control";
import type { Seat } from "./Roster";

/** Who sent the action, to answer an incident once the tick has applied it. */
export interface Requester {
  client: string;
  id: number;
  applied: (m: AppliedMessage) => void;
}

const wrongPhase = (s: SessionControl): WireError => ({ code: "wrong_phase", params: { phase: s.phase } });
const unknownTeam = (team: number): WireError => ({ code: "unknown_team", params: { team } });
const unknownSeat = (seat: number): WireError => ({ code: "unknown_seat", params: { seat } });

/** A student's seat named by a host action, or null. */
function studentSeat(s: SessionControl, seat: number): Seat | null {
  const found = s.roster.get(seat);
  return found && found.role === "student" ? found : null;
}

/**
 * The teacher's actions. Returns the error to send back, or null when done (an incident is
 * answered again, with `applied`, once the tick has applied it).
 */
export function runHostAction(s: SessionControl, action: HostCommand, from: Requester): WireError | null {
  const rules = s.rules;
  switch (action.type) {
    case "configure":
      if (!rules.setup) return wrongPhase(s);
      s.configure(action);
      return null;
    case "lock":
    case "unlock":
      s.setLocked(action.type === "lock");
      return null;
    case "start":
      if (!rules.start) return wrongPhase(s);
      if (rules.start === "briefing") s.openBriefing();
      else s.time.startClockSoon();
      return null;
    case "pause":
      if (!rules.pause) return wrongPhase(s);
      // From a freeze the clock was already stopped (and logged so).
      if (s.phase === "playing") s.annotate({ type: "pause" });
      s.enter(rules.pause);
      return null;
    case "freeze": {
      if (!rules.freeze || !s.round) return wrongPhase(s);
      const team = action.teams?.find((t) => t >= s.teams.length);
      if (team !== undefined) return unknownTeam(team);
      const seat = action.seats?.find((n) => !studentSeat(s, n));
      if (seat !== undefined) return unknownSeat(seat);
      s.time.freezeClock(action);
      return null;
    }
    case "declineTime":
      if (!studentSeat(s, action.seat)) return unknownSeat(action.seat);
      return s.time.declineTime(action.seat);
    case "speed":
      if (s.phase === "ended") return wrongPhase(s);
      s.time.setSpeed(action.tickRate);
      return null;
    case "resume":
      if (!rules.resume) return wrongPhase(s);
      s.annotate({ type: "resume" });
      s.enter(rules.resume);
      return null;
    case "endRound":
      if (!rules.endRound) return wrongPhase(s);
      s.endRound("host");
      return null;
    case "endSession":
      s.endSession();
      return null;
    case "incident": {
      if (!rules.incidents || !s.round) return wrongPhase(s);
      if (action.team !== null && action.team >= s.teams.length) return unknownTeam(action.team);
      const { type: _type, ...rest } = action;
      const round = s.round;
      return round.enqueue({
        // The same schema as the engine's incident action (see HostCommandSchema): only the enum types differ.
        input: { kind: "incident", seat: HOST_SEAT, action: { type: "incident", ...(rest as Omit<HostAction, "type">) } },
        client: from.client,
        requestId: from.id,
        reply: (outcome) => round.afterCommit(() => from.applied({ id: from.id, ...outcome })),
      });
    }
    case "kick": {
      const seat = studentSeat(s, action.seat);
      if (!seat) return unknownSeat(action.seat);
      s.desk.kick(seat);
      return null;
    }
    case "unkick":
      return s.desk.unkick(action.seat);
    case "clearAway":
      s.desk.clearAway();
      return null;
    case "setCap":
      // Any phase: a class that grows mid-round (or a flood the teacher cleared) must not wait for the round's end.
      s.setCap(action.maxStudents);
      return null;
    case "approve":
    case "deny": {
      const seat = studentSeat(s, action.seat);
      if (!seat) return unknownSeat(action.seat);
      return action.type === "approve" ? s.desk.approve(seat, action.team) : s.desk.deny(seat);
    }
    case "move": {
      const seat = studentSeat(s, action.seat);
      if (!seat) return unknownSeat(action.seat);
      if (action.team >= s.teams.length) return unknownTeam(action.team);
      s.moveSeat(seat, action.team);
      return null;
    }
    case "autoBalance": {
      const playable = s.teams.map((_, i) => i).filter((i) => !s.teams[i].bot);
      const before = new Map(s.roster.students().map((seat) => [seat.seat, seat.team]));
      // Mid-round only those who asked are placed (nobody already in a team moves). The roster
      // decides who goes where; moving each seat from where it was logs and syncs it.
      for (const seat of rules.midRound ? s.roster.placeAskers(playable) : s.roster.autoBalance(playable)) {
        const asked = seat.asks;
        const now = seat.team;
        seat.team = before.get(seat.seat)!;
        s.moveSeat(seat, now);
        s.desk.placed(seat, asked);
      }
      return null;
    }
    case "message": {
      if (action.team !== null && action.team >= s.teams.length) return unknownTeam(action.team);
      const notice = { text: action.text, team: action.team, tick: s.tick };
      for (const seat of s.roster.all()) {
        if (action.team !== null && seat.role !== "host" && seat.team !== action.team) continue;
        s.messenger.toSeat(seat.seat, S2C.notice, notice);
      }
      const teams = action.team === null ? s.teams.map((_, i) => i) : [action.team];
      for (const t of teams) s.feed(t, noticeLine(s.tick, HOST_SEAT, s.nicknameOf(HOST_SEAT), action.text));
      return null;
    }
    case "setBot":
      if (action.team >= s.teams.length) return unknownTeam(action.team);
      s.setBot(action.team, action.bot as BotName | null);
      return null;
  }
}
