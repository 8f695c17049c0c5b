/**
 * The server's HTTP API: sessions (create, status, resume, history, delete), round logs and
 * results, share links. The only place the client calls fetch; host secrets are added here from
 * what this browser remembers, so screens never handle credentials.
 */
import type { WireError } from "../../../shared/protocol/messages";
import { JoinError } from "./errors";
import { memory } from "./storage";

/** Header that carries a session's host secret. */
const SECRET_HEADER = "x-host-secret";

export interface SessionStatus {
  /**
   * "open", "locked", "full", "ended", "interrupted" (stored, no room: the server restarted),
   * "unknown", or "unreachable" (the server did not answer: down or restarting).
   */
  status: string;
  phase?: string;
  practice?: boolean;
}

export interface RoundInfo {
  id: string; number: number; scenario: string; startedAt: string; endedAt: string | null; status: "running" | "finished";
  teams: string[]; winner: string | null; lastTick: number; shares: { id: string; createdAt: string }[];
}

export interface SessionHistory {
  code: string; createdAt: string; endedAt: string | null; practice: boolean; live: boolean; rounds: RoundInfo[];
}

/** A round's log as text (parsed by the caller), or why it could not be had. */
export type LogResult = { ok: true; text: string } | { ok: false; reason: "no_access" | "not_found" | "connection_failed" };

/** Where students reach the server (GET /api/links; see server/http/links.ts). */
export interface JoinLinks {
  base: string;
  from: "public_url" | "request" | "lan" | "loopback";
  others: string[];
  roomsLocal: boolean;
}

export interface Api {
  readonly base: string;
  /** The join link's base the server works out for this page (never throws: falls back to this page's own address). */
  links(): Promise<JoinLinks>;
  createSession(practice: boolean, nickname?: string): Promise<{ code: string; hostSecret: string }>;
  sessionStatus(code: string): Promise<SessionStatus>;
  resumeSession(code: string): Promise<void>;
  sessionHistory(code: string): Promise<SessionHistory | null>;
  deleteSession(code: string): Promise<boolean>;
  roundLog(round: string, access: { share?: string; session?: string }): Promise<LogResult>;
  /** A round of one of this browser's sessions as a file: its match log or its results table; null when refused. */
  roundFile(code: string, round: string, kind: "log" | "csv"): Promise<Blob | null>;
  createShare(code: string, round: string): Promise<boolean>;
  revokeShare(code: string, round: string, share: string): Promise<boolean>;
  shareUrl(round: string, share: string): string;
}

export function createApi(base: string): Api {
  const withSecret = (code: string | undefined, init: RequestInit = {}): RequestInit => {
    const secret = code ? memory.hostSecret(code) : null;
    return secret ? { ...init, headers: { ...(init.headers ?? {}), [SECRET_HEADER]: secret } } : init;
  };
  const ok = async (path: string, code: string, init: RequestInit = {}) => {
    try {
      return (await fetch(`${base}${path}`, withSecret(code, init))).ok;
    } catch {
      return false;
    }
  };
  const errorOf = async (res: Response) => new JoinError(((await res.json().catch(() => ({}))) as { error?: WireError }).error?.code ?? "connection_failed");

  return {
    base,
    async links() {
      try {
        const res = await fetch(`${base}/api/links`);
        if (res.ok) return (await res.json()) as JoinLinks;
      } catch { /* below */ }
      return { base, from: "loopback", others: [], roomsLocal: false };
    },
    async createSession(practice, nickname) {
      let res: Response;
      try {
        res = await fetch(`${base}/api/sessions`, {
          method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ practice, nickname }),
        });
      } catch {
        throw new JoinError("connection_failed");
      }
      const body = (await res.json().catch(() => ({}))) as { code?: string; hostSecret?: string; error?: WireError };
      if (!res.ok || !body.code || !body.hostSecret) throw new JoinError(body.error?.code ?? "connection_failed");
      memory.setHostSecret(body.code, body.hostSecret);
      return { code: body.code, hostSecret: body.hostSecret };
    },
    async sessionStatus(code) {
      try {
        const res = await fetch(`${base}/api/sessions/${encodeURIComponent(code)}`);
        // A proxy's 502/503 while the server restarts is no answer about the session either.
        if (!res.ok) return { status: "unreachable" };
        return (await res.json()) as SessionStatus;
      } catch {
        return { status: "unreachable" };
      }
    },
    async resumeSession(code) {
      if (!memory.hostSecret(code)) throw new JoinError("bad_secret");
      let res: Response;
      try {
        res = await fetch(`${base}/api/sessions/${code}/resume`, withSecret(code, { method: "POST" }));
      } catch {
        throw new JoinError("connection_failed");
      }
      if (!res.ok) throw await errorOf(res);
    },
    async sessionHistory(code) {
      try {
        const res = await fetch(`${base}/api/sessions/${code}/history`, withSecret(code));
        return res.ok ? ((await res.json()) as SessionHistory) : null;
      } catch {
        return null;
      }
    },
    deleteSession: (code) => ok(`/api/sessions/${code}`, code, { method: "DELETE" }),
    async roundLog(round, access) {
      const query = access.share ? `?share=${encodeURIComponent(access.share)}` : "";
      try {
        const res = await fetch(`${base}/api/rounds/${encodeURIComponent(round)}/log${query}`, withSecret(access.session));
        if (res.status === 403) return { ok: false, reason: "no_access" };
        if (res.status === 404) return { ok: false, reason: "not_found" };
        return { ok: true, text: await res.text() };
      } catch {
        return { ok: false, reason: "connection_failed" };
      }
    },
    async roundFile(code, round, kind) {
      const path = kind === "log" ? `/api/rounds/${round}/log?download` : `/api/rounds/${round}/results.csv`;
      try {
        const res = await fetch(`${base}${path}`, withSecret(code));
        return res.ok ? await res.blob() : null;
      } catch {
        return null;
      }
    },
    createShare: (code, round) => ok(`/api/rounds/${round}/shares`, code, { method: "POST" }),
    revokeShare: (code, round, share) => ok(`/api/rounds/${round}/shares/${share}`, code, { method: "DELETE" }),
    shareUrl: (round, share) => `${base}/replay/${round}?share=${share}`,
  };
}
