import { JoinError } from "./errors";

/** What the reconnect policy needs from the world (the connection supplies it; tests fake it). */
export interface RecoverPorts {
  /** The session's status from the server ("open", "ended", "interrupted", "unknown", …). */
  status(): Promise<string>;
  /** Takes the seat back; throws a JoinError when it cannot. */
  resumeSeat(): Promise<void>;
  /** Asks the server to rebuild an interrupted session (only the teacher can). */
  resumeSession(): Promise<void>;
  /** Whether this browser holds the session's host secret. */
  isHost: boolean;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** True once the user left on purpose: stop trying. */
  stopped(): boolean;
  /** Called before each attempt (the page says "reconnecting…", or "the server restarted"). */
  attempt(n: number, interrupted: boolean): void;
}

export type RecoverOutcome = "reconnected" | "session_ended" | "lost" | "left";

/** Waits between attempts: quick at first, then every 3 s. */
export function backoffMs(attempt: number): number {
  return Math.min(3000, 400 * attempt);
}

/**
 * Gets the seat back: for as long as the server keeps it (`windowMs`, its reconnection window)
 * after a dropped connection, and for as long as it takes when the server itself restarted (the
 * session is then "interrupted": the teacher's page rebuilds the room, students wait for it and
 * rejoin).
 */
export async function recoverSeat(ports: RecoverPorts, windowMs: number): Promise<RecoverOutcome> {
  let deadline = ports.now() + windowMs;
  for (let attempt = 1; !ports.stopped(); attempt++) {
    const status = await ports.status();
    if (status === "ended") return "session_ended";
    const interrupted = status === "interrupted";
    // The restored room keeps every seat: the window runs from when the session is back.
    if (interrupted) deadline = ports.now() + windowMs;
    ports.attempt(attempt, interrupted);
    if (interrupted && ports.isHost) await ports.resumeSession().catch(() => {});
    if (!interrupted || ports.isHost) {
      if (ports.now() > deadline && !interrupted && !ports.isHost) return "lost";
      try {
        await ports.resumeSeat();
        return "reconnected";
      } catch (e) {
        if (e instanceof JoinError && e.code === "session_ended") return "session_ended";
        if (status === "unknown" && ports.now() > deadline) return "lost";
      }
    }
    await ports.sleep(backoffMs(attempt));
  }
  return "left";
}
