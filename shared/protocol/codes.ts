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
  // Messages.
  "unknown_message",
  "bad_message",
  "payload_too_large",
  "rate_limited",
  "queue_full",
  "not_host",
  "no_team",
  "not_playing",
  "wrong_phase",
  "team_is_bot",
  "unknown_seat",
  "unknown_team",
  "round_over",
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
