import { z } from "zod";
import { LAYER_KINDS, TRAFFIC_PCT_LIMITS, BUDGET_LIMITS } from "../engine/data";
import { HostActionSchema } from "../engine/commands";
import { SCENARIO_IDS } from "../scenarios/types";
import { BOT_NAMES } from "../bots/names";
import type { EngineError } from "../engine/errors";
import type { RoundSeries } from "../debrief/series";
import type { ProtocolErrorCode } from "./codes";
import { LIMITS } from "./limits";
import { HOST_SEAT } from "./seats";

/** Message names, client → server. */
export const C2S = {
  command: "cmd",
  host: "host",
  chooseTeam: "team",
  /** A student asks the teacher for more time (the teacher sees it on their seat: `asksTime`). */
  askTime: "time",
} as const;

/** Message names, server → client. */
export const S2C = {
  welcome: "welcome",
  /** Immediate answer to a request: accepted (queued for the next tick) or refused, with why. */
  result: "result",
  /** For a queued command: what happened when the tick applied it. */
  applied: "applied",
  error: "error",
  notice: "notice",
  history: "history",
  debrief: "debrief",
  kicked: "kicked",
  /** The teacher approved or turned down a mid-round request to join a team. */
  request: "request",
  /** The server is stopping; the socket closes next with SERVER_RESTART_CLOSE_CODE. */
  restarting: "restarting",
  /**
   * The server is being drained (a rolling restart): the class moves to another server when the
   * round ends, or within `withinSeconds`; then `restarting` follows and the client rejoins by itself.
   */
  moving: "moving",
  /** After the server stopped and the round was rebuilt: this seat's queued commands that were never played. */
  lost: "lost",
  /** The teacher's list of kicked students (sent to the teacher only, on join and on change). */
  bans: "bans",
  /** Who has been idle this round, per student and per team (to the teacher only, every few seconds). */
  activity: "activity",
} as const;

const requestId = z.number().int().min(0).max(2_147_483_647);
/** A team's number in a room (0-based). */
const teamNumber = z.number().int().min(0).max(LIMITS.maxTeams - 1);
/** A student's seat (students hold seats 1, 2, …; the teacher holds HOST_SEAT). */
const studentSeat = z.number().int().min(HOST_SEAT + 1).max(LIMITS.maxSeat);
const classCap = z.number().int().min(LIMITS.minStudents).max(LIMITS.maxStudents);
const enumOf = <T extends readonly string[]>(values: T) => z.enum(values as unknown as [string, ...string[]]);

/** A team command: the engine's command (validated by the engine's own schema) plus a request id. */
export const CommandMessageSchema = z.strictObject({ id: requestId, command: z.unknown() });

export const ChooseTeamSchema = z.strictObject({ id: requestId, team: teamNumber });

/** A student asks for more time: nothing but the request id (who asks is the connection's seat). */
export const AskTimeSchema = z.strictObject({ id: requestId });

const teamName = z.string().trim().min(1).max(LIMITS.teamNameMax);

export const HostCommandSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("configure"),
    scenario: enumOf(SCENARIO_IDS).optional(),
    budget: z.number().int().min(BUDGET_LIMITS.min).max(BUDGET_LIMITS.max).optional(),
    tickRate: z.number().min(LIMITS.minTickRate).max(LIMITS.maxTickRate).optional(),
    unlocks: z.array(enumOf(LAYER_KINDS)).max(LAYER_KINDS.length).optional(),
    trafficPct: z.number().int().min(TRAFFIC_PCT_LIMITS.min).max(TRAFFIC_PCT_LIMITS.max).optional(),
    scriptedIncidents: z.boolean().optional(),
    maxStudents: classCap.optional(),
    teams: z.array(teamName).min(LIMITS.minTeams).max(LIMITS.maxTeams).optional(),
    /** A 3-2-1 countdown before the clock starts (on by default). */
    countdown: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal("lock") }),
  z.strictObject({ type: z.literal("unlock") }),
  z.strictObject({ type: z.literal("start") }),
  z.strictObject({ type: z.literal("pause") }),
  /**
   * Stops the clock but lets players keep building: everyone, or only the teams and students named
   * (extra time). `seconds`: the clock restarts by itself after that long. Sent while frozen, it
   * replaces the hold.
   */
  z.strictObject({
    type: z.literal("freeze"),
    teams: z.array(z.number().int().min(0).max(LIMITS.maxTeams - 1)).max(LIMITS.maxTeams).optional(),
    seats: z.array(z.number().int().min(1).max(LIMITS.maxSeat)).max(LIMITS.holdSeatsMax).optional(),
    seconds: z.number().int().min(LIMITS.holdSecondsMin).max(LIMITS.holdSecondsMax).optional(),
  }),
  z.strictObject({ type: z.literal("resume") }),
  /** Turns down a student's request for more time (extra time for them, with `freeze`, grants it). */
  z.strictObject({ type: z.literal("declineTime"), seat: studentSeat }),
  /** The whole class's pace, in any phase: the round being played follows it from its next minute. */
  z.strictObject({ type: z.literal("speed"), tickRate: z.number().min(LIMITS.minTickRate).max(LIMITS.maxTickRate) }),
  z.strictObject({ type: z.literal("endRound") }),
  z.strictObject({ type: z.literal("endSession") }),
  // The engine's own incident action: one schema for what the teacher sends and what the engine takes.
  HostActionSchema.options[0],
  z.strictObject({ type: z.literal("kick"), seat: studentSeat }),
  z.strictObject({ type: z.literal("move"), seat: studentSeat, team: teamNumber }),
  z.strictObject({ type: z.literal("autoBalance") }),
  /** A mid-round request to join a team: placed (in the team asked for, or `team`) or turned down. */
  z.strictObject({ type: z.literal("approve"), seat: studentSeat, team: teamNumber.optional() }),
  z.strictObject({ type: z.literal("deny"), seat: studentSeat }),
  /** Lets a kicked student back: the seat, its team and its token are as they were. */
  z.strictObject({ type: z.literal("unkick"), seat: studentSeat }),
  /** Removes every student seat whose connections are all gone (not a kick: they may join again). */
  z.strictObject({ type: z.literal("clearAway") }),
  /** The class cap, in any phase (configure's maxStudents is for the lobby and between rounds). */
  z.strictObject({ type: z.literal("setCap"), maxStudents: classCap }),
  z.strictObject({
    type: z.literal("message"),
    text: z.string().trim().min(1).max(LIMITS.messageMax),
    team: teamNumber.nullable(),
  }),
  z.strictObject({
    type: z.literal("setBot"),
    team: teamNumber,
    bot: enumOf(BOT_NAMES).nullable(),
  }),
]);

export type HostCommand = z.infer<typeof HostCommandSchema>;

export const HostMessageSchema = z.strictObject({ id: requestId, action: HostCommandSchema });

/** Join options: a student's nickname, the host's secret, or a seat token to take a seat back. */
export const JoinOptionsSchema = z.strictObject({
  nickname: z.string().max(200).optional(),
  hostSecret: z.string().min(16).max(100).optional(),
  seatToken: z.string().min(16).max(100).optional(),
  /** A random id this browser keeps (localStorage): one browser holds one student seat per session. */
  device: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
  lang: z.enum(["en", "zh-CN"]).optional(),
});
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

/** An error as sent: a stable code (protocol or engine) and the params its message is filled with. */
export type WireError = { code: ProtocolErrorCode | EngineError["code"]; params: EngineError["params"] };

export interface WelcomeMessage {
  /** This connection's seat number (HOST_SEAT 0 for the teacher). */
  seat: number;
  /** The teacher (host actions) or a student. */
  role: "host" | "student";
  /** Keep it: joining again with it takes this seat back after the 2-minute reconnection window. */
  seatToken: string;
  /** The nickname as the server normalised it. */
  nickname: string;
  /** The seat's team, NO_TEAM (-1) when it has none. */
  team: number;
}

/**
 * `queued` is true when the command waits for the next tick (an `applied` message follows);
 * `pending` when a mid-round team choice waits for the teacher (a `request` message follows).
 */
export type ResultMessage = { id: number; ok: true; tick: number; queued?: boolean; pending?: boolean } | { id: number; ok: false; error: WireError };

/** For a request answered `queued`: what happened when its tick applied it (`tick`: the tick it was applied at). */
export type AppliedMessage = { id: number; ok: true; tick: number } | { id: number; ok: false; error: WireError };

export interface ErrorMessage {
  /** Why: payload_too_large, rate_limited, unknown_message or bad_message, with params. */
  error: WireError;
  /** The message type that was refused, when known. */
  type?: string;
  /** The refused request's id, when it could be read: that request is settled by this error. */
  id?: number;
}

export interface NoticeMessage {
  /** The teacher's message (1–LIMITS.messageMax characters). */
  text: string;
  /** The team it was sent to, null for everyone. */
  team: number | null;
  /** The round's tick when it was sent. */
  tick: number;
}

/** The round so far: sent on joining or coming back mid-round, and to a student moved to another team. */
export interface HistoryMessage {
  /** The round's number (RoundRow.number). */
  round: number;
  /** The state's tick when it was sent: the series cover the minutes played before it. */
  tick: number;
  /** The minute each point of the series was played in: point k of every series is minute minutes[k]. */
  minutes: number[];
  /** A student gets only their own team's series (the other teams' are empty). */
  series: RoundSeries;
}

export interface KickedMessage {
  /** Removed by the teacher (close 4401 follows), or the session ended (close 4402 follows). */
  reason: "kicked" | "session_ended";
}

export interface RequestMessage {
  /** The team asked for (approved: the team the student is now in). */
  team: number;
  /** The teacher's answer (approved also when auto-balance placed the student). */
  status: "approved" | "denied";
}

export interface MovingMessage {
  /** Stable code the client translates ("this class moves to another server after the round"). */
  reason: "server_draining";
  /** At the latest, the class moves this many seconds from now (earlier if the round ends first). */
  withinSeconds: number;
}

export interface RestartingMessage {
  /** Stable code the client translates ("the server is restarting — you will be put back"). */
  reason: "server_restarting";
}

/** A command the server acknowledged as queued but never played, because it stopped first. */
export interface LostCommand {
  /** The request id it was sent with (meaningful to the page that sent it, if still open). */
  id: number;
  /** The tick it was queued for. */
  tick: number;
  /** The team command as sent. */
  command: unknown;
}

/** After a rebuilt round, once per seat: the commands acknowledged as queued that were never played. */
export interface LostMessage {
  /** Why: a crash (found on restart) or a shutdown. */
  cause: "crash" | "shutdown";
  /** The tick the round was rebuilt at. */
  tick: number;
  /** In the order they were sent. */
  commands: LostCommand[];
}

export interface BanEntry {
  /** The kicked seat, its nickname and team when kicked (unkick {seat} puts it back as it was). */
  seat: number;
  /** The kicked student's nickname. */
  nickname: string;
  /** The team they were in (NO_TEAM: none). */
  team: number;
  /** ISO time of the kick. */
  at: string;
}

export interface BansMessage {
  /** Every kicked student of the session, by seat. */
  bans: BanEntry[];
}

/**
 * Who is idle: seconds of playable time (the clock running, or frozen while they may build) since
 * each student's last accepted command, or since the round started or they got their team.
 */
export interface ActivityMessage {
  /** The round it is about. */
  round: number;
  /** Seconds of playable time this round so far. */
  playedS: number;
  /** Each student in a human team: seconds idle, and commands accepted this round. */
  seats: { seat: number; team: number; idleS: number; commands: number }[];
  /** Per team: the least idle of its students, and their commands added up. */
  teams: { team: number; idleS: number; commands: number }[];
}
