/**
 * Protocol-level error codes (the engine's own codes are in shared/engine/errors.ts). Like the
 * engine's, they are stable strings the client translates; params fill in the message.
 */
export const PROTOCOL_ERRORS = [
  // Joining (returned from join attempts).
  "room_not_found",
  "room_locked",
  "room_full",
  "session_ended",
  "nickname_taken",
  "nickname_invalid",
  "bad_secret",
  "bad_options",
  "too_many_sessions",
  "too_many_joins",
  "server_restarting",
  // The teacher removed this student for the session (seat token, nickname and browser).
  "kicked",
  // Too many new seats from one network address (a script), or too many tabs on one seat.
  "too_many_seats",
  "too_many_tabs",
  // Messages.
  "unknown_message",
  "bad_message",
  "payload_too_large",
  "rate_limited",
  "queue_full",
  "not_host",
  "no_team",
  "not_playing",
  // The clock is frozen and only some teams or students have extra time: not this one.
  "frozen_for_others",
  "wrong_phase",
  "team_is_bot",
  "unknown_seat",
  "unknown_team",
  "round_over",
  // The teacher's seat tools.
  "not_asking",
  // A student asked for more time again too soon (params: seconds until they may), or while they have it.
  "too_soon",
  "has_extra_time",
  "not_kicked",
  // Client side: the server could not be reached, or the connection dropped mid-request.
  "connection_failed",
] as const;

export type ProtocolErrorCode = (typeof PROTOCOL_ERRORS)[number];

/**
 * Close/error codes used when a join is refused (Colyseus delivers them as ServerError code + message;
 * the message carries the string code above).
 */
export const JOIN_ERROR_CODE = 4400;
/** Close code sent to a kicked student, so the client can say so instead of reconnecting. */
export const KICKED_CLOSE_CODE = 4401;
/** Close code when the teacher ends the session. */
export const SESSION_ENDED_CLOSE_CODE = 4402;
/**
 * Close code when the server stops (a restart, a deploy): the session is kept, and clients keep
 * trying to get back in for as long as it can be resumed. Not 4000, which reads as a voluntary leave.
 */
export const SERVER_RESTART_CLOSE_CODE = 4403;
