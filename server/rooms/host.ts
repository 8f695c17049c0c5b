import type { Client } from "@colyseus/core";
import type { HostCommand, WireError } from "../../shared/protocol/messages";
import type { HostAction } from "../../shared/engine/commands";
import type { ClassRoom } from "./ClassRoom";
import { S2C } from "../../shared/protocol/messages";

const wrongPhase = (room: ClassRoom): WireError => ({ code: "wrong_phase", params: { phase: room.phase } });

/**
 * The teacher's commands. Returns the error to send back, or null when done (incidents answer
 * later, once the tick has applied them).
 */
export function runHostCommand(room: ClassRoom, client: Client, id: number, action: HostCommand): WireError | null {
  const phase = room.phase;
  switch (action.type) {
    case "configure":
      if (phase !== "lobby" && phase !== "over") return wrongPhase(room);
      room.applyConfig(action);
      return null;
    case "lock":
    case "unlock":
      room.state.locked = action.type === "lock";
      room.persist();
      return null;
    case "start":
      if (phase === "lobby" || phase === "over") room.openBriefing();
      else if (phase === "briefing") {
        room.setPhase("playing");
        room.startClock();
      } else return wrongPhase(room);
      return null;
    case "pause":
      if (phase !== "playing") return wrongPhase(room);
      room.stopClock();
      room.setPhase("paused");
      room.round?.annotate({ tick: room.state.tick, type: "pause" });
      return null;
    case "resume":
      if (phase !== "paused") return wrongPhase(room);
      room.setPhase("playing");
      room.round?.annotate({ tick: room.state.tick, type: "resume" });
      room.startClock();
      return null;
    case "endRound":
      if (phase !== "briefing" && phase !== "playing" && phase !== "paused") return wrongPhase(room);
      room.endRound("host");
      return null;
    case "endSession":
      room.endSession();
      return null;
    case "incident": {
      if ((phase !== "playing" && phase !== "paused") || !room.round) return wrongPhase(room);
      if (action.team !== null && action.team >= room.state.teams.length) return { code: "unknown_team", params: { team: action.team } };
      const { type: _type, ...rest } = action;
      return room.round.enqueue({
        input: { kind: "incident", seat: 0, action: { type: "incident", ...rest } as HostAction },
        client: client.sessionId,
        requestId: id,
        reply: (outcome) => room.sendApplied(client, { id, ...outcome }),
      });
    }
    case "kick": {
      const seat = room.roster.get(action.seat);
      if (!seat || seat.role !== "student") return { code: "unknown_seat", params: { seat: action.seat } };
      room.desk.kick(seat);
      return null;
    }
    case "unkick":
      return room.desk.unkick(action.seat);
    case "clearAway":
      room.desk.clearAway();
      return null;
    case "setCap":
      // Any phase: a class that grows mid-round (or a flood the teacher cleared) must not wait for the round's end.
      room.state.config.maxStudents = action.maxStudents;
      room.persist();
      return null;
    case "approve":
    case "deny": {
      const seat = room.roster.get(action.seat);
      if (!seat || seat.role !== "student") return { code: "unknown_seat", params: { seat: action.seat } };
      return action.type === "approve" ? room.desk.approve(seat, action.team) : room.desk.deny(seat);
    }
    case "move": {
      const seat = room.roster.get(action.seat);
      if (!seat || seat.role !== "student") return { code: "unknown_seat", params: { seat: action.seat } };
      if (action.team >= room.state.teams.length) return { code: "unknown_team", params: { team: action.team } };
      room.moveSeat(seat, action.team);
      return null;
    }
    case "autoBalance": {
      const playable = room.state.teams.map((_, i) => i).filter((i) => !room.bots[i]);
      const before = new Map(room.roster.students().map((s) => [s.seat, s.team]));
      const midRound = phase === "playing" || phase === "paused";
      for (const s of midRound ? room.roster.placeAskers(playable) : room.roster.autoBalance(playable)) {
        const was = before.get(s.seat)!;
        const asked = s.asks;
        const now = s.team;
        s.team = was;
        room.moveSeat(s, now);
        room.desk.placed(s, asked);
      }
      return null;
    }
    case "message": {
      if (action.team !== null && action.team >= room.state.teams.length) return { code: "unknown_team", params: { team: action.team } };
      const notice = { text: action.text, team: action.team, tick: room.state.tick };
      for (const seat of room.roster.all()) {
        if (action.team !== null && seat.role !== "host" && seat.team !== action.team) continue;
        for (const c of room.clientsOf(seat.seat)) c.send(S2C.notice, notice);
      }
      const teams = action.team === null ? room.state.teams.map((_, i) => i) : [action.team];
      for (const t of teams) room.feed(t, room.state.tick, 0, "notice", JSON.stringify({ text: action.text }));
      return null;
    }
    case "setBot":
      if (action.team >= room.state.teams.length) return { code: "unknown_team", params: { team: action.team } };
      room.setBot(action.team, action.bot as never);
      if (action.bot) for (const s of room.roster.members(action.team)) if (s.role === "student") room.moveSeat(s, -1);
      return null;
  }
}
