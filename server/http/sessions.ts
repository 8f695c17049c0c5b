import { matchMaker } from "@colyseus/core";
import express, { type Request, type Response, type Router } from "express";
import { z } from "zod";
import type { ClassRoom, ClassRoomOptions } from "../rooms/ClassRoom";
import { claimCode, hasEnded, releaseCode } from "../session/registry";
import { hashSecret, newRoomCode, newSecret, secretMatches } from "../session/secrets";
import { normalizeNickname } from "../session/nickname";
import type { Store } from "../store/Store";
import type { HttpLimits } from "../config";
import { resultsCsv } from "./csv";
import { fail } from "./errors";
import { sessionLimiters } from "./limits";

export const ROOM_NAME = "class";
/** The teacher's proof of ownership on history, download, share and delete requests. */
export const SECRET_HEADER = "x-host-secret";

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

function liveRoom(code: string): ClassRoom | undefined {
  return matchMaker.getLocalRoomById(code) as ClassRoom | undefined;
}

/** Creates a class room with a fresh code and host secret; only the server does this. */
export async function createSession(store: Store | undefined, practice: boolean, hostNickname?: string): Promise<{ code: string; hostSecret: string }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = newRoomCode();
    if (store?.session(code) || !claimCode(code)) continue;
    const hostSecret = newSecret();
    const hostSecretHash = hashSecret(hostSecret);
    const options: ClassRoomOptions = { code, hostSecretHash, practice, hostNickname };
    try {
      store?.createSession(code, hostSecretHash, practice, new Date().toISOString());
      const room = await matchMaker.createRoom(ROOM_NAME, options);
      if (room.roomId !== code) throw new Error("room code not applied");
      return { code, hostSecret };
    } catch (e) {
      releaseCode(code);
      store?.deleteSession(code);
      throw e;
    }
  }
  throw new Error("no free room code");
}

export function sessionStatus(store: Store | undefined, code: string): { code: string; status: string; phase?: string; practice?: boolean } {
  const room = liveRoom(code);
  if (room) {
    const st = room.state;
    const status = st.phase === "ended" ? "ended" : st.locked ? "locked" : room.roster.studentCount() >= st.config.maxStudents ? "full" : "open";
    return { code, status, phase: st.phase, practice: st.practice };
  }
  const stored = store?.session(code);
  // A session the store knows, with no room, was open when the server stopped: the teacher can resume it.
  if (stored) return { code, status: stored.endedAt ? "ended" : "interrupted", practice: stored.practice };
  return { code, status: hasEnded(code) ? "ended" : "unknown" };
}

/** The session if the request carries its host secret. */
function authorized(store: Store, req: Request, code: string) {
  const session = store.session(code);
  const secret = req.get(SECRET_HEADER);
  if (!session || !secretMatches(secret, session.hostSecretHash)) return null;
  return session;
}

export function sessionRoutes(store: Store | undefined, limits: HttpLimits): Router {
  const r = express.Router();

  // Creating rooms is rationed per address: a class needs one, a script wants thousands. Practice
  // rooms have their own, larger allowance: a whole class behind one address may practise at once.
  const limiters = sessionLimiters(limits);
  r.post("/api/sessions", (req, res, next) => {
    if (!bodyIsJson(req)) return fail(res, 415, "unsupported_media_type");
    const parsed = CreateSessionSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(res, 400, "bad_request", { path: issue ? issue.path.join(".") : "", issue: issue?.code ?? "invalid" });
    }
    res.locals.body = parsed.data;
    (parsed.data.practice ? limiters.practice : limiters.sessions)(req, res, next);
  }, async (_req, res) => {
    const body = res.locals.body as z.infer<typeof CreateSessionSchema>;
    const nickname = body.nickname === undefined ? undefined : normalizeNickname(body.nickname);
    if (nickname === null) return fail(res, 400, "nickname_invalid");
    try {
      res.status(201).json(await createSession(store, body.practice === true, nickname));
    } catch (e) {
      console.error("create session failed", e);
      fail(res, 500, "internal_error");
    }
  });

  r.get("/api/sessions/:code", (req, res) => {
    res.json(sessionStatus(store, String(req.params.code).toUpperCase().slice(0, 12)));
  });

  if (!store) return r;

  /** The teacher's view of a session: its rounds (date, scenario, teams, winner) and share links. */
  r.get("/api/sessions/:code/history", (req, res) => {
    const code = String(req.params.code).toUpperCase();
    const session = authorized(store, req, code);
    if (!session) return fail(res, 403, "bad_secret");
    res.json({
      code, createdAt: session.createdAt, endedAt: session.endedAt, practice: session.practice, live: liveRoom(code) !== undefined,
      rounds: store.rounds(code).map((round) => ({ ...round, shares: store.shares(round.id) })),
    });
  });

  /** Rebuilds a session's room after a restart (its round paused at the last stored tick). */
  r.post("/api/sessions/:code/resume", async (req, res) => {
    const code = String(req.params.code).toUpperCase();
    const session = authorized(store, req, code);
    if (!session) return fail(res, 403, "bad_secret");
    if (session.endedAt) return fail(res, 409, "session_ended");
    if (liveRoom(code)) return void res.json({ code, resumed: false });
    try {
      claimCode(code);
      await matchMaker.createRoom(ROOM_NAME, { code, hostSecretHash: session.hostSecretHash, practice: session.practice, recover: true } satisfies ClassRoomOptions);
      res.json({ code, resumed: true });
    } catch (e) {
      console.error("resume failed", e);
      releaseCode(code);
      fail(res, 500, "resume_failed");
    }
  });

  r.delete("/api/sessions/:code", (req, res) => {
    const code = String(req.params.code).toUpperCase();
    const session = authorized(store, req, code);
    if (!session) return fail(res, 403, "bad_secret");
    const room = liveRoom(code);
    if (room && room.phase !== "ended") return fail(res, 409, "session_live");
    store.deleteSession(code);
    res.status(204).end();
  });

  /** A round is readable with its session's host secret, or with a share id the teacher made. */
  const roundAccess = (req: Request, res: Response): string | null => {
    const id = String(req.params.id);
    const round = store.round(id);
    const share = typeof req.query.share === "string" ? req.query.share : undefined;
    if (round && share && store.sharedRound(share) === id) return id;
    if (round && authorized(store, req, round.session)) return id;
    fail(res, round ? 403 : 404, round ? "bad_secret" : "round_not_found");
    return null;
  };

  r.get("/api/rounds/:id/log", (req, res) => {
    const id = roundAccess(req, res);
    if (!id) return;
    const log = store.exportLog(id)!;
    if (req.query.download !== undefined) {
      res.setHeader("content-disposition", `attachment; filename="spikeday-${log.header.room}-round${log.header.round}.json"`);
    }
    res.json(log);
  });

  r.get("/api/rounds/:id/results.csv", (req, res) => {
    const id = roundAccess(req, res);
    if (!id) return;
    const log = store.exportLog(id)!;
    if (!log.final) return fail(res, 409, "round_running");
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename="spikeday-${log.header.room}-round${log.header.round}.csv"`);
    res.send(resultsCsv(log));
  });

  r.post("/api/rounds/:id/shares", (req, res) => {
    const round = store.round(String(req.params.id));
    if (!round || !authorized(store, req, round.session)) return fail(res, 403, "bad_secret");
    res.status(201).json({ id: store.createShare(round.id, new Date().toISOString()) });
  });

  r.delete("/api/rounds/:id/shares/:share", (req, res) => {
    const round = store.round(String(req.params.id));
    if (!round || !authorized(store, req, round.session)) return fail(res, 403, "bad_secret");
    if (!store.revokeShare(round.id, String(req.params.share))) return fail(res, 404, "share_not_found");
    res.status(204).end();
  });

  r.get("/api/shares/:share", (req, res) => {
    const round = store.sharedRound(String(req.params.share));
    if (!round) return fail(res, 404, "share_not_found");
    res.json({ round });
  });

  return r;
}
