import { matchMaker } from "@colyseus/core";
import express, { type Request, type Response, type Router } from "express";
import { JOIN_ERROR_CODE } from "../../shared/protocol/codes";
import type { ProtocolErrorCode } from "../../shared/protocol/codes";
import { perMinute, type LimitCounters } from "./limits";

/** Colyseus's own matchmaking route (colyseus.js posts to /matchmake/<method>/<room>). */
export const MATCHMAKE_PREFIX = "/matchmake/";

/**
 * A matchmaking refusal colyseus.js can read: it shows `error` as the message of the ServerError it
 * throws, so the error is our `{code, params}` as a JSON string, as for a refused join (4400).
 */
function refuse(res: Response, status: number, code: ProtocolErrorCode, params: Record<string, string | number> = {}): void {
  res.status(status).json({ code: JOIN_ERROR_CODE, error: JSON.stringify({ code, params }) });
}

function cors(req: Request, res: Response): void {
  res.set(matchMaker.controller.DEFAULT_CORS_HEADERS);
  res.set(matchMaker.controller.getCorsHeaders(req as never));
}

/**
 * Colyseus answers /matchmake itself, ahead of Express, and reads any body to its end: no size
 * limit, no rate limit, and it takes the client's address from X-Forwarded-For whoever sent it.
 * Here the same call goes through Express instead: the JSON body limit, a per-address limit that
 * follows TRUST_PROXY, and the address Express trusts handed on to the room.
 */
export function matchmakeRoutes(joinsPerMinute: number, counters: LimitCounters = () => undefined): Router {
  const r = express.Router();
  const limiter = perMinute(joinsPerMinute, "too_many_joins", (_req, res, params) => {
    res.set("retry-after", String(params.retryAfterS));
    refuse(res, 429, "too_many_joins", params);
  }, counters("joins"));

  r.options(`${MATCHMAKE_PREFIX}*`, (req, res) => {
    cors(req, res);
    res.status(204).end();
  });

  r.post(`${MATCHMAKE_PREFIX}:method/:room`, limiter, async (req, res) => {
    cors(req, res);
    if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) return refuse(res, 503, "server_restarting");
    const options: unknown = req.body;
    if (typeof options !== "object" || options === null || Array.isArray(options)) return refuse(res, 400, "bad_options", { path: "" });
    try {
      const response = await matchMaker.controller.invokeMethod(req.params.method, req.params.room, options as never, {
        token: bearer(req.get("authorization")),
        headers: req.headers as never,
        ip: req.ip ?? req.socket.remoteAddress ?? "",
        req: req as never,
      });
      res.json(response);
    } catch (e) {
      // The SDK's shape for a refused reservation (room not found, 4212; our own 4400 refusals).
      const err = e as { code?: number; message?: string };
      res.json({ code: err.code, error: err.message });
    }
  });
  return r;
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith("Bearer ") ? header.slice(7) : undefined;
}
