import { matchMaker } from "@colyseus/core";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { z } from "zod";
import type { ClassRoomOptions } from "../rooms/ClassRoom";
import type { CodeRegistry } from "../cluster/coordination";
import { hashSecret, newRoomCode, newSecret, secretMatches } from "../session/secrets";
import { normalizeNickname } from "../session/nickname";
import type { Store } from "../store/Store";
import type { HttpLimits } from "../config";
import { reportOf, resultsCsv } from "./csv";
import { fail } from "./errors";
import { sessionLimiters, type LimitCounters } from "./limits";
import { liveStatus, type SessionStatus } from "./live";

export const ROOM_NAME = "class";
/** The teacher's proof of ownership on history, download, share and delete requests. */
export const SECRET_HEADER = "x-host-secret";
/** How long a process may take to rebuild a session's room before another may try. */
const REBUILD_LOCK_MS = 20_000;

/**
 * `POST /api/sessions`: strict, so `{"practice": "yes"}`, `[]` or a misspelt key is refused
 * instead of quietly making a normal class session.
 */
export const CreateSessionSchema = z.strictObject({
  practice: z.boolean().optional(),
  nickname: z.string().max(200).optional(),
});

/** A request with a body must say it is JSON (express.json leaves other bodies unread, as `{}`). */
function bodyIsJson(req: Request): boolean {
  const hasBody = req.get("transfer-encoding") !== undefined || Number(req.get("content-length") ?? 0) > 0;
  return !hasBody || req.is("application/json") === "application/json";
}

/** What the session routes work with: the store (optional in some tests) and the cluster's shared facts. */
export interface SessionDeps {
  store?: Store;
  codes: CodeRegistry;
  /** Where the per-address limits keep their counts (Redis when processes share them). */
  counters?: LimitCounters;
}

/**
 * Creates a class room with a fresh code and host secret; only the server does this. The code is
 * claimed across processes first, and Colyseus puts the room on the least busy process.
 */
export async function createSession(deps: SessionDeps, practice: boolean, hostNickname?: string): Promise<{ code: string; hostSecret: string }> {
  const { store, codes } = deps;
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = newRoomCode();
    if (!(await codes.claim(code))) continue;
    const hostSecret = newSecret();
    const hostSecretHash = hashSecret(hostSecret);
    // A stored session (an old one, or one made where the codes were not shared) keeps its code.
    if (store && !(await store.createSession(code, hostSecretHash, practice, new Date().toISOString()))) continue;
    const options: ClassRoomOptions = { code, hostSecretHash, practice, hostNickname };
    try {
      const room = await matchMaker.createRoom(ROOM_NAME, options);
      if (room.roomId !== code) throw new Error("room code not applied");
      return { code, hostSecret };
    } catch (e) {
      await codes.release(code);
      await store?.deleteSession(code);
      throw e;
    }
  }
  throw new Error("no free room code");
}

export async function sessionStatus(deps: SessionDeps, code: string): Promise<SessionStatus> {
  const live = await liveStatus(code);
  if (live) return live;
  const stored = await deps.store?.session(code);
  // A session the store knows, with no room, was open when its server stopped: the teacher can resume it.
  if (stored) return { code, status: stored.endedAt ? "ended" : "interrupted", practice: stored.practice };
  return { code, status: (await deps.codes.hasEnded(code)) ? "ended" : "unknown" };
}

/** The session if the request carries its host secret. */
async function authorized(store: Store, req: Request, code: string) {
  const session = await store.session(code);
  const secret = req.get(SECRET_HEADER);
  if (!session || !secretMatches(secret, session.hostSecretHash)) return null;
  return session;
}

/**
 * Rebuilds a stored session's room from the store (its round paused at the last stored tick), on
 * whichever process Colyseus picks. False when a live room already holds the session.
 */
export async function rebuildSession(deps: SessionDeps, code: string, hostSecretHash: string, practice: boolean): Promise<boolean> {
  if (!(await deps.codes.lockRebuild(code, REBUILD_LOCK_MS))) return false;
  try {
    if (await liveStatus(code)) return false;
    await deps.codes.claim(code);
    await matchMaker.createRoom(ROOM_NAME, { code, hostSecretHash, practice, recover: true } satisfies ClassRoomOptions);
    return true;
  } finally {
    await deps.codes.unlockRebuild(code);
  }
}

/** Express 4 does not catch a rejected async handler: this hands the error to the JSON error handler. */
function route(handler: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, next: NextFunction) => {
    handler(req, res).catch(next);
  };
}

export function sessionRoutes(deps: SessionDeps, limits: HttpLimits): Router {
  const r = express.Router();
  const { store } = deps;

  // Creating rooms is rationed per address: a class needs one, a script wants thousands. Practice
  // rooms have their own, larger allowance: a whole class behind one address may practise at once.
  const limiters = sessionLimiters(limits, deps.counters);
  r.post("/api/sessions", (req, res, next) => {
    if (!bodyIsJson(req)) return fail(res, 415, "unsupported_media_type");
    const parsed = CreateSessionSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(res, 400, "bad_request", { path: issue ? issue.path.join(".") : "", issue: issue?.code ?? "invalid" });
    }
    res.locals.body = parsed.data;
    (parsed.data.practice ? limiters.practice : limiters.sessions)(req, res, next);
  }, route(async (_req, res) => {
    const body = res.locals.body as z.infer<typeof CreateSessionSchema>;
    const nickname = body.nickname === undefined ? undefined : normalizeNickname(body.nickname);
    if (nickname === null) return fail(res, 400, "nickname_invalid");
    try {
      res.status(201).json(await createSession(deps, body.practice === true, nickname));
    } catch (e) {
      console.error("create session failed", e);
      fail(res, 500, "internal_error");
    }
  }));

  r.get("/api/sessions/:code", route(async (req, res) => {
    res.json(await sessionStatus(deps, String(req.params.code).toUpperCase().slice(0, 12)));
  }));

  if (!store) return r;

  /** The teacher's view of a session: its rounds (date, scenario, teams, winner) and share links. */
  r.get("/api/sessions/:code/history", route(async (req, res) => {
    const code = String(req.params.code).toUpperCase();
    const session = await authorized(store, req, code);
    if (!session) return fail(res, 403, "bad_secret");
    const rounds = await store.rounds(code);
    const shares = await Promise.all(rounds.map((round) => store.shares(round.id)));
    res.json({
      code, createdAt: session.createdAt, endedAt: session.endedAt, practice: session.practice, live: (await liveStatus(code)) !== null,
      rounds: rounds.map((round, i) => ({ ...round, shares: shares[i] })),
    });
  }));

  /**
   * Rebuilds a session's room after its server stopped or was lost (its round paused at the last
   * stored tick). Any process answers; the room goes wherever Colyseus places new rooms.
   */
  r.post("/api/sessions/:code/resume", route(async (req, res) => {
    const code = String(req.params.code).toUpperCase();
    const session = await authorized(store, req, code);
    if (!session) return fail(res, 403, "bad_secret");
    if (session.endedAt) return fail(res, 409, "session_ended");
    try {
      res.json({ code, resumed: await rebuildSession(deps, code, session.hostSecretHash, session.practice) });
    } catch (e) {
      console.error("resume failed", e);
      fail(res, 500, "resume_failed");
    }
  }));

  r.delete("/api/sessions/:code", route(async (req, res) => {
    const code = String(req.params.code).toUpperCase();
    const session = await authorized(store, req, code);
    if (!session) return fail(res, 403, "bad_secret");
    const live = await liveStatus(code);
    if (live && live.phase !== "ended") return fail(res, 409, "session_live");
    await store.deleteSession(code);
    res.status(204).end();
  }));

  /** A round is readable with its session's host secret, or with a share id the teacher made. */
  const roundAccess = async (req: Request, res: Response): Promise<string | null> => {
    const id = String(req.params.id);
    const round = await store.round(id);
    const share = typeof req.query.share === "string" ? req.query.share : undefined;
    if (round && share && (await store.sharedRound(share)) === id) return id;
    if (round && (await authorized(store, req, round.session))) return id;
    fail(res, round ? 403 : 404, round ? "bad_secret" : "round_not_found");
    return null;
  };

  r.get("/api/rounds/:id/log", route(async (req, res) => {
    const id = await roundAccess(req, res);
    if (!id) return;
    const log = (await store.exportLog(id))!;
    if (req.query.download !== undefined) {
      res.setHeader("content-disposition", `attachment; filename="spikeday-${log.header.room}-round${log.header.round}.json"`);
    }
    res.json(log);
  }));

  r.get("/api/rounds/:id/results.csv", route(async (req, res) => {
    const id = await roundAccess(req, res);
    if (!id) return;
    const log = (await store.exportLog(id))!;
    if (!log.final) return fail(res, 409, "round_running");
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename="spikeday-${log.header.room}-round${log.header.round}.csv"`);
    res.send(resultsCsv(log, reportOf(log, await store.report(id))));
  }));

  r.post("/api/rounds/:id/shares", route(async (req, res) => {
    const round = await store.round(String(req.params.id));
    if (!round || !(await authorized(store, req, round.session))) return fail(res, 403, "bad_secret");
    res.status(201).json({ id: await store.createShare(round.id, new Date().toISOString()) });
  }));

  r.delete("/api/rounds/:id/shares/:share", route(async (req, res) => {
    const round = await store.round(String(req.params.id));
    if (!round || !(await authorized(store, req, round.session))) return fail(res, 403, "bad_secret");
    if (!(await store.revokeShare(round.id, String(req.params.share)))) return fail(res, 404, "share_not_found");
    res.status(204).end();
  }));

  r.get("/api/shares/:share", route(async (req, res) => {
    const round = await store.sharedRound(String(req.params.share));
    if (!round) return fail(res, 404, "share_not_found");
    res.json({ round });
  }));

  return r;
}
