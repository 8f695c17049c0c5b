import { JoinError } from "./errors";

/** What the reconnect policy needs from the world (the connection supplies it; tests fake it). */
export interface RecoverPorts {
  /**
   * The session's status from the server ("open", "ended", "interrupted", "unknown", …), or
   * "unreachable" when the server did not answer at all (it is down, or restarting).
   */
  status(): Promise<string>;
  /** Takes the seat back; throws a JoinError when it cannot. */
  resumeSeat(): Promise<void>;
  /** Asks the server to rebuild an interrupted session (only the teacher can). */
  resumeSession(): Promise<void>;
  /** Whether this browser holds the session's host secret. */
  isHost: boolean;
  /** The server said it is restarting (its own close code): wait for it, however long it takes. */
  restarting?(): boolean;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** True once the user left on purpose: stop trying. */
  stopped(): boolean;
  /** Called before each attempt (the page says "reconnecting…", or "the server is restarting"). */
  attempt(n: number, interrupted: boolean): void;
}

export type RecoverOutcome = "reconnected" | "session_ended" | "kicked" | "lost" | "left";

/** Waits between attempts: quick at first, then every 3 s. */
export function backoffMs(attempt: number): number {
  return Math.min(3000, 400 * attempt);
}

/** While the server is down or restarting: a little slower, so a whole class does not hammer it as it comes back. */
export function downBackoffMs(attempt: number): number {
  return Math.min(5000, 500 * attempt);
}

/**
 * Gets the seat back: for as long as the server keeps it (`windowMs`, its reconnection window)
 * after a dropped connection, and for as long as the session can be resumed when the server itself
 * stopped: while it does not answer, or said it was restarting, or reports the session
 * "interrupted" (the teacher's page rebuilds the room, students wait for it and rejoin).
 */
export async function recoverSeat(ports: RecoverPorts, windowMs: number): Promise<RecoverOutcome> {
  let deadline = ports.now() + windowMs;
  for (let attempt = 1; !ports.stopped(); attempt++) {
    const status = await ports.status();
    if (status === "ended") return "session_ended";
    const down = status === "unreachable";
    const interrupted = status === "interrupted" || down || (ports.restarting?.() ?? false);
    // The restored room keeps every seat: the window runs from when the session is back.
    if (interrupted) deadline = ports.now() + windowMs;
    ports.attempt(attempt, interrupted);
    if (status === "interrupted" && ports.isHost) await ports.resumeSession().catch(() => {});
    if (!down && (status !== "interrupted" || ports.isHost)) {
      if (ports.now() > deadline && !ports.isHost) return "lost";
      try {
        await ports.resumeSeat();
        return "reconnected";
      } catch (e) {
        if (e instanceof JoinError && e.code === "session_ended") return "session_ended";
        if (e instanceof JoinError && e.code === "kicked") return "kicked";
        if (status === "unknown" && ports.now() > deadline) return "lost";
      }
    }
    await ports.sleep(interrupted ? downBackoffMs(attempt) : backoffMs(attempt));
  }
  return "left";
}
