import { matchMaker } from "@colyseus/core";
import type { ClassRoom } from "../rooms/ClassRoom";
import type { SessionStatus } from "../session/Session";

export type { SessionStatus };

/** How long a status request waits for another process's room before checking that process is alive. */
const REMOTE_STATUS_TIMEOUT_MS = 1500;

/**
 * The status of the live room holding `code`, on this process or any other; null when no live
 * room holds it. A room listed by a process that no longer answers is not live: Colyseus's health
 * check removes that process's listings, and the session then reads as interrupted everywhere.
 */
export async function liveStatus(code: string): Promise<SessionStatus | null> {
  const local = matchMaker.getLocalRoomById(code) as ClassRoom | undefined;
  if (local) return local.apiStatus();
  const listing = await matchMaker.getRoomById(code);
  if (!listing) return null;
  if (listing.processId === matchMaker.processId) return null;
  try {
    return (await matchMaker.remoteRoomCall(code, "apiStatus", [], REMOTE_STATUS_TIMEOUT_MS)) as SessionStatus;
  } catch {
    const alive = await matchMaker.healthCheckProcessId(listing.processId);
    return alive ? { code, status: "unavailable" } : null;
  }
}
