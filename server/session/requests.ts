import { LIMITS } from "../../shared/protocol/limits";
import { AskTimeSchema, C2S, ChooseTeamSchema, CommandMessageSchema, HostMessageSchema, type AppliedMessage, type WireError } from "../../shared/protocol/messages";
import type { SessionControl } from "./control";
import { runHostAction } from "./hostActions";
import { badMessage, errorReply, resultReply, type Reply } from "./replies";
import type { QueuedInput } from "./Round";

/*
 * The four requests a browser sends, each parsed with its strict schema and checked for rights
 * and phase before the Session acts. Input that cannot be read is answered with `error`; a request
 * read but refused with `result {ok: false}`.
 */

/** A team command: answered at once with the engine's verdict on a preview, applied on the next tick. */
export function teamCommand(s: SessionControl, seatId: number, client: string, message: unknown, applied: (m: AppliedMessage) => void): Reply {
  const parsed = CommandMessageSchema.safeParse(message);
  if (!parsed.success) return errorReply(message, badMessage(parsed.error), C2S.command);
  const { id, command } = parsed.data;
  const seat = s.roster.get(seatId);
  const refuse = (error: WireError) => resultReply({ id, ok: false, error });
  if (!seat || (seat.role === "host" && !s.practice)) return refuse({ code: "not_host", params: {} });
  if (seat.team < 0) return refuse({ code: "no_team", params: {} });
  if (!s.rules.commands || !s.round) return refuse({ code: "not_playing", params: { phase: s.phase } });
  if (!s.time.mayAct(seat)) return refuse({ code: "frozen_for_others", params: {} });
  if (s.teams[seat.team]?.bot) return refuse({ code: "team_is_bot", params: { team: seat.team } });
  const round = s.round;
  const item: QueuedInput = {
    input: { kind: "command", seat: seat.seat, team: seat.team, command },
    client, requestId: id,
    reply: (outcome) => round.afterCommit(() => applied({ id, ...outcome })),
  };
  // A freeze can last minutes of building with no minute to play the queue: a longer one is allowed.
  const error = round.enqueue(item, s.phase === "frozen" ? LIMITS.queuePerClientFrozen : LIMITS.queuePerClient);
  if (error) return refuse(error);
  s.time.acted(seat, item);
  return resultReply({ id, ok: true, tick: s.round.state.tick, queued: true });
}

/** A student picks a team: any time outside a round; during one, a teamless student asks the teacher. */
export function chooseTeam(s: SessionControl, seatId: number, message: unknown): Reply {
  const parsed = ChooseTeamSchema.safeParse(message);
  if (!parsed.success) return errorReply(message, badMessage(parsed.error), C2S.chooseTeam);
  const { id, team } = parsed.data;
  const seat = s.roster.get(seatId);
  const refuse = (error: WireError) => resultReply({ id, ok: false, error });
  if (!seat || (seat.role === "host" && !s.practice)) return refuse({ code: "not_host", params: {} });
  if (team >= s.teams.length) return refuse({ code: "unknown_team", params: { team } });
  if (s.teams[team].bot) return refuse({ code: "team_is_bot", params: { team } });
  // Mid-round, team membership is the teacher's: a seat never hops teams, and a seat without one
  // asks (a second seat could otherwise walk into a rival's datacenter and sell it off).
  if (s.rules.midRound && seat.team >= 0 && seat.team !== team) return refuse({ code: "wrong_phase", params: { phase: s.phase } });
  if (s.rules.midRound && seat.team < 0 && seat.role === "student") {
    s.desk.ask(seat, team);
    return resultReply({ id, ok: true, tick: s.tick, pending: true });
  }
  s.moveSeat(seat, team);
  return resultReply({ id, ok: true, tick: s.tick });
}

/** A student asks the teacher for more time: a student with a team, mid-round, at most once a minute. */
export function askTime(s: SessionControl, seatId: number, message: unknown): Reply {
  const parsed = AskTimeSchema.safeParse(message);
  if (!parsed.success) return errorReply(message, badMessage(parsed.error), C2S.askTime);
  const { id } = parsed.data;
  const seat = s.roster.get(seatId);
  if (!seat || seat.role !== "student") return resultReply({ id, ok: false, error: { code: "not_host", params: {} } });
  const error = s.time.askTime(seat);
  return error ? resultReply({ id, ok: false, error }) : resultReply({ id, ok: true, tick: s.tick });
}

/** The teacher's actions: only the host seat may send them. */
export function hostRequest(s: SessionControl, seatId: number, client: string, message: unknown, applied: (m: AppliedMessage) => void): Reply {
  const parsed = HostMessageSchema.safeParse(message);
  if (!parsed.success) return errorReply(message, badMessage(parsed.error), C2S.host);
  const { id, action } = parsed.data;
  if (s.roster.get(seatId)?.role !== "host") return resultReply({ id, ok: false, error: { code: "not_host", params: {} } });
  const error = runHostAction(s, action, { client, id, applied });
  if (error) return resultReply({ id, ok: false, error });
  return resultReply({ id, ok: true, tick: s.tick, ...(action.type === "incident" ? { queued: true } : {}) });
}
