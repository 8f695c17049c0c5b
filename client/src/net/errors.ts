import { JOIN_ERROR_CODE } from "../../../shared/protocol/codes";

/**
 * colyseus.js's ErrorCode.MATCHMAKE_INVALID_ROOM_ID, as a number: importing the enum would pull
 * colyseus.js into the join page's first script (the API client throws JoinErrors). net.test.ts
 * checks it still matches.
 */
export const MATCHMAKE_INVALID_ROOM_ID = 4212;

/** A refused join (or REST call), with the protocol's error code and its params. */
export class JoinError extends Error {
  constructor(readonly code: string, readonly params: Record<string, unknown> = {}) {
    super(code);
  }
}

/**
 * Any failure to get into a room, as one JoinError: the server's refusal (its code travels as JSON
 * in the message), a room the matchmaker does not know, or no connection at all.
 */
export function joinErrorOf(e: unknown): JoinError {
  if (e instanceof JoinError) return e;
  const err = (e ?? {}) as { code?: number; message?: string };
  // Refused joins (4400) and refused reservations (429 too_many_joins, 503 server_restarting)
  // carry our {code, params} as their message.
  if ((err.code === JOIN_ERROR_CODE || err.code === 429 || err.code === 503) && err.message?.startsWith("{")) {
    try {
      const parsed = JSON.parse(err.message) as { code: string; params?: Record<string, unknown> };
      return new JoinError(parsed.code, parsed.params ?? {});
    } catch { /* not ours: a connection failure below */ }
  }
  if (err.code === MATCHMAKE_INVALID_ROOM_ID) return new JoinError("room_not_found");
  return new JoinError("connection_failed", { message: String(err.message ?? e) });
}
