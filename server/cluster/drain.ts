import { matchMaker } from "@colyseus/core";
import { S2C, type MovingMessage } from "../../shared/protocol/messages";
import { ClassRoom } from "../rooms/ClassRoom";
import { rebuildSession, type SessionDeps } from "../http/sessions";
import type { ClusterServices } from "./services";

/** Phases in which a round is under way: the room waits for its end (or the deadline) before moving. */
const ROUND_UNDER_WAY = new Set(["briefing", "playing", "paused"]);
const POLL_MS = 250;

export interface DrainOptions {
  cluster: ClusterServices;
  deps: SessionDeps;
  /** How long running rounds may go on before their rooms are moved anyway. */
  timeoutMs: number;
}

/**
 * A graceful drain for rolling restarts. The process takes no new rooms (it is on the cluster's
 * draining list, which room placement skips), tells the players of running rounds that their class
 * will move when the round ends, and moves each room as soon as it has no round under way, or at the
 * deadline: the session stops and saves where it stands (the players are told the server is
 * restarting), and is rebuilt at once on another process by the same path a teacher's resume takes.
 * The clients reconnect by themselves. Alone (no other process to move to), rooms wait for the
 * deadline and then simply stop, to be resumed when the server is back.
 */
export async function drain(opts: DrainOptions): Promise<void> {
  const { cluster, deps } = opts;
  const deadline = Date.now() + opts.timeoutMs;
  await cluster.draining.add(matchMaker.processId);
  const canMove = cluster.mode === "redis";
  const told = new Set<ClassRoom>();
  const moving = new Map<ClassRoom, Promise<void>>();
  for (;;) {
    const now = Date.now();
    for (const room of ClassRoom.live) {
      if (moving.has(room)) continue;
      const underWay = ROUND_UNDER_WAY.has(room.session.phase);
      if (underWay && now < deadline) {
        if (!told.has(room)) {
          told.add(room);
          const message: MovingMessage = { reason: "server_draining", withinSeconds: Math.ceil((deadline - now) / 1000) };
          room.broadcast(S2C.moving, message);
        }
        continue;
      }
      if (!canMove && now < deadline) continue;
      moving.set(room, move(room, canMove, deps));
    }
    if ([...ClassRoom.live].every((room) => moving.has(room))) break;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  await Promise.all(moving.values());
}

/** Stops a room where it stands and, when another process can take it, rebuilds it there. */
async function move(room: ClassRoom, canMove: boolean, deps: SessionDeps): Promise<void> {
  const code = room.roomId;
  try {
    await room.stopForRestart();
    await room.gone();
    // Colyseus drops the room's listing after onDispose; rebuilding before that, the other
    // process's new listing could be the one deleted.
    for (let i = 0; i < 40 && (matchMaker.getLocalRoomById(code) || (await matchMaker.getRoomById(code))); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!canMove || !deps.store) return;
    const session = await deps.store.session(code);
    if (!session || session.endedAt) return;
    await rebuildSession(deps, code, session.hostSecretHash, session.practice);
  } catch (e) {
    // The session stays interrupted in the store: the teacher's page resumes it on any process.
    console.error(`drain: room ${code} could not be moved`, (e as Error).message);
  }
}
