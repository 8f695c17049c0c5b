/**
 * Issue 12, findings 5 and 8: every HTTP error is JSON `{error: {code, params}}` with its status and
 * nothing of the server's insides; request bodies are validated strictly; practice rooms have their
 * own allowance; TRUST_PROXY decides whose address a request is counted against.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "../../server/store/open";
import type { Store } from "../../server/store/Store";
import { boot } from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
let trusting: Awaited<ReturnType<typeof boot>>;
let dir: string;
/** The session whose stored record cannot be read (the disk failed under it). */
const DAMAGED = "BRKN42";

/** A real store, except that reading one session throws as a failing disk would. */
function damaged(store: Store): Store {
  return new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (key === "session") {
        return (code: string) => {
          if (code === DAMAGED) throw new Error("SQLITE_IOERR: disk I/O error at /srv/secret/path.db");
          return target.session(code);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  dir = mkdtempSync(joinPath(tmpdir(), "spikeday-http-"));
  // Both apps share the process's rooms (Colyseus's matchmaker is one per process), so one store.
  const services = { store: damaged(openSqlite(dir)) };
  app = await boot(services);
  trusting = await boot(services, { trustProxy: "loopback", limits: { sessionsPerMinute: 3 } });
});

afterAll(async () => {
  await app?.close();
  await trusting?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(url: string, body: string, headers: Record<string, string> = { "content-type": "application/json" }): Promise<Response> {
  return fetch(`${url}/api/sessions`, { method: "POST", headers, body });
}

/** The response is our JSON error and shows nothing of the server's code. */
async function expectApiError(res: Response, status: number, code: string): Promise<Record<string, unknown>> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const text = await res.text();
  expect(text).not.toMatch(/<html|<pre|\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d|SQLITE|secret\/path/i);
  const body = JSON.parse(text) as { error: { code: string; params: Record<string, unknown> } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.params).toBe("object");
  return body.error.params;
}

async function roomCount(url: string): Promise<number> {
  return ((await (await fetch(`${url}/health`)).json()) as { rooms: number }).rooms;
}

describe("HTTP errors (finding 5)", () => {
  it("a broken JSON body is a 400 bad_json, not Express's HTML page with a stack trace", async () => {
    await expectApiError(await post(app.url, '{"practice": tru'), 400, "bad_json");
  });

  it("a body over the size limit is a 413 body_too_large naming the limit", async () => {
    const params = await expectApiError(await post(app.url, JSON.stringify({ nickname: "x".repeat(10_000) })), 413, "body_too_large");
    expect(params.max).toBe(4096);
  });

  it("a body of the wrong shape is refused and makes no session", async () => {
    const before = await roomCount(app.url);
    expect(await expectApiError(await post(app.url, '{"practice":"yes"}'), 400, "bad_request")).toEqual({ path: "practice", issue: "invalid_type" });
    expect(await expectApiError(await post(app.url, "[]"), 400, "bad_request")).toEqual({ path: "", issue: "invalid_type" });
    expect(await expectApiError(await post(app.url, '{"practise":true}'), 400, "bad_request")).toMatchObject({ issue: "unrecognized_keys" });
    expect(await expectApiError(await post(app.url, "null"), 400, "bad_json")).toEqual({});
    await expectApiError(await post(app.url, "practice=true", { "content-type": "application/x-www-form-urlencoded" }), 415, "unsupported_media_type");
    await expectApiError(await post(app.url, '{"practice":true}', { "content-type": "text/plain" }), 415, "unsupported_media_type");
    expect(await roomCount(app.url)).toBe(before);
    // The shapes the client sends still work: an empty body, `{}`, a practice room with a nickname.
    expect((await fetch(`${app.url}/api/sessions`, { method: "POST" })).status).toBe(201);
    expect((await post(app.url, "{}")).status).toBe(201);
    expect((await post(app.url, '{"practice":true,"nickname":"Mia"}')).status).toBe(201);
    expect(await roomCount(app.url)).toBe(before + 3);
  });

  it("unknown paths and methods are a JSON 404", async () => {
    for (const [method, path] of [["GET", "/api/nope"], ["DELETE", "/api/sessions"], ["GET", "/matchmake/joinById/ABCDEF"], ["PUT", "/health"], ["GET", "/wp-login.php"]]) {
      expect(await expectApiError(await fetch(`${app.url}${path}`, { method }), 404, "not_found")).toEqual({ method, path });
    }
  });

  it("a malformed path is a 400, not an exception page", async () => {
    await expectApiError(await fetch(`${app.url}/api/sessions/%E0%A4%A`), 400, "bad_request");
  });

  it("an error thrown inside a handler is a 500 internal_error; the details stay in the server's log", async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      await expectApiError(await fetch(`${app.url}/api/sessions/${DAMAGED}/history`, { headers: { "x-host-secret": "x".repeat(32) } }), 500, "internal_error");
    } finally {
      console.error = original;
    }
    expect(JSON.stringify(logged.map(String))).toMatch(/disk I\/O error/);
  });
});

describe("per-address limits (finding 8)", () => {
  it("a school behind one address can open more practice rooms than class sessions, and each limit leaves the other alone", async () => {
    const url = app.url;
    // Earlier tests made 2 class sessions and 1 practice room from this address.
    for (let i = 0; i < 30; i++) expect((await post(url, '{"practice":true}')).status).toBe(201);
    let made = 0;
    for (;;) {
      const res = await post(url, "{}");
      if (res.status !== 201) {
        const params = await expectApiError(res, 429, "too_many_sessions");
        expect(params.perMinute).toBe(20);
        expect(params.retryAfterS).toBeGreaterThan(0);
        break;
      }
      made++;
      expect(made).toBeLessThanOrEqual(20);
    }
    expect(made + 2).toBe(20);
    // Class sessions are used up; practice rooms still open.
    expect((await post(url, '{"practice":true}')).status).toBe(201);
  });

  it("without TRUST_PROXY a forged X-Forwarded-For does not buy a fresh allowance", async () => {
    // `app` trusts no proxy: these all count against the socket's address, already used up above.
    const res = await post(app.url, "{}", { "content-type": "application/json", "x-forwarded-for": "198.51.100.7" });
    await expectApiError(res, 429, "too_many_sessions");
  });

  it("with TRUST_PROXY the forwarded address is the one counted", async () => {
    const from = (ip: string) => post(trusting.url, "{}", { "content-type": "application/json", "x-forwarded-for": ip });
    for (let i = 0; i < 3; i++) expect((await from("203.0.113.1")).status).toBe(201);
    await expectApiError(await from("203.0.113.1"), 429, "too_many_sessions");
    // Another school behind the same proxy is not refused for the first one's clicks.
    expect((await from("203.0.113.2")).status).toBe(201);
  });
});
