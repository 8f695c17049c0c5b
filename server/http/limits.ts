import { rateLimit, type RateLimitRequestHandler, type Store } from "express-rate-limit";
import type { Request, Response } from "express";
import type { HttpLimits } from "../config";
import { fail, type HttpErrorCode } from "./errors";

const MINUTE_MS = 60_000;

/** Seconds until the caller's window resets (what Retry-After says). */
export function retryAfterS(req: Request): number {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  return reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
}

/**
 * A per-address limit over one-minute windows (express-rate-limit keys by `req.ip`, so it follows
 * TRUST_PROXY, and groups IPv6 addresses by /56 so one home cannot rotate through its prefix).
 * `refuse` answers a refused request; by default in the API's JSON error shape. `store` keeps the
 * counts (this process's memory by default; Redis when several processes share the limit).
 */
export function perMinute(
  limit: number, code: HttpErrorCode,
  refuse: (req: Request, res: Response, params: { perMinute: number; retryAfterS: number }) => void =
  (req, res, params) => fail(res, 429, code, params),
  store?: Store,
): RateLimitRequestHandler {
  return rateLimit({
    windowMs: MINUTE_MS,
    ...(store ? { store } : {}),
    limit,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler: (req, res) => refuse(req, res, { perMinute: limit, retryAfterS: retryAfterS(req) }),
  });
}

export interface SessionLimiters {
  sessions: RateLimitRequestHandler;
  practice: RateLimitRequestHandler;
}

/** Where each named limit keeps its counts (a store can serve one limiter only); undefined: memory. */
export type LimitCounters = (name: string) => Store | undefined;

/** Class sessions and practice rooms are counted apart: a class practising must not lock out its teacher. */
export function sessionLimiters(limits: HttpLimits, counters: LimitCounters = () => undefined): SessionLimiters {
  return {
    sessions: perMinute(limits.sessionsPerMinute, "too_many_sessions", undefined, counters("sessions")),
    practice: perMinute(limits.practicePerMinute, "too_many_sessions", undefined, counters("practice")),
  };
}
