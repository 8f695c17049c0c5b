import proxyaddr from "proxy-addr";
import { parsePublicUrl } from "./http/links";

/**
 * Per-address request limits. A whole school often reaches the server from one NAT address, so
 * they are sized for a class joining at once; the room's own defences (reservations that do not
 * hold seats, the teacher's tools) do the rest.
 */
export interface HttpLimits {
  /** Class sessions created per address per minute. */
  sessionsPerMinute: number;
  /** Practice rooms created per address per minute: a class may all practise at once. */
  practicePerMinute: number;
  /** Seat reservations and reconnections (`POST /matchmake/…`) per address per minute. */
  joinsPerMinute: number;
}

export const DEFAULT_LIMITS: HttpLimits = { sessionsPerMinute: 20, practicePerMinute: 120, joinsPerMinute: 120 };

/** Express's `trust proxy` value: false (default), true, a hop count, or a list of addresses/subnets. */
export type TrustProxy = boolean | number | string;

export interface ServerConfig {
  port: number;
  trustProxy: TrustProxy;
  limits: HttpLimits;
  /**
   * DRAIN_TIMEOUT_S: on SIGTERM, how long running rounds may go on before their classes are moved
   * (or, alone, stopped). Default 120 s with REDIS_URL (a rolling restart), 0 without.
   */
  drainTimeoutS: number;
  /** PUBLIC_URL: the address join links and QR codes use (behind a proxy, a domain); unset: worked out per request. */
  publicUrl: string | undefined;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}

function wholeSeconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number of seconds, got "${raw}"`);
  return n;
}

/**
 * TRUST_PROXY: unset or "false" trusts no proxy (the socket's address is the client's); "true"
 * trusts every X-Forwarded-For hop (only behind a proxy that overwrites the header); a number trusts
 * that many hops; anything else is a comma-separated list of proxy addresses or subnets
 * ("loopback", "10.0.0.0/8, fd00::/8"), checked here so a typo stops the server instead of
 * silently trusting nothing.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? "").trim();
  if (value === "" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value.split(",").map((s) => s.trim()).filter(Boolean);
  try {
    proxyaddr.compile(list);
  } catch (e) {
    throw new Error(`TRUST_PROXY: ${(e as Error).message}`);
  }
  return list.join(",");
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: Number(env.PORT ?? 2567),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    limits: {
      sessionsPerMinute: positiveInt(env, "SESSIONS_PER_MINUTE", DEFAULT_LIMITS.sessionsPerMinute),
      practicePerMinute: positiveInt(env, "PRACTICE_PER_MINUTE", DEFAULT_LIMITS.practicePerMinute),
      joinsPerMinute: positiveInt(env, "JOINS_PER_MINUTE", DEFAULT_LIMITS.joinsPerMinute),
    },
    drainTimeoutS: wholeSeconds(env, "DRAIN_TIMEOUT_S", env.REDIS_URL ? 120 : 0),
  };
}
