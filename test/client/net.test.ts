/**
 * The network layer's policy, without a network: replies find their requests, a dropped
 * connection settles everything, the seat is recovered while the server keeps it (and waited for
 * across a server restart), and every refusal reads as one error code.
 */
import { describe, expect, it } from "vitest";
import { JOIN_ERROR_CODE } from "../../shared/protocol/codes";
import { ErrorCode } from "colyseus.js";
import { JoinError, joinErrorOf, MATCHMAKE_INVALID_ROOM_ID } from "../../client/src/net/errors";
import { backoffMs, downBackoffMs, recoverSeat, type RecoverPorts } from "../../client/src/net/reconnect";
import { PendingRequests } from "../../client/src/net/requests";

describe("request/reply matching", () => {
  it("settles each request with its own reply, whatever order they come in", async () => {
    const p = new PendingRequests();
    const a = p.start();
    const b = p.start();
    expect(a.id).not.toBe(b.id);
    expect(p.settle({ id: b.id, ok: true, tick: 4 })).toBe(true);
    expect(p.settle({ id: a.id, ok: false, error: { code: "no_team", params: {} } })).toBe(true);
    expect(await a.reply).toEqual({ id: a.id, ok: false, error: { code: "no_team", params: {} } });
    expect(await b.reply).toEqual({ id: b.id, ok: true, tick: 4 });
    expect(p.settle({ id: a.id, ok: true, tick: 5 })).toBe(false);
  });

  it("settles a request the server refused with an error naming it", async () => {
    const p = new PendingRequests();
    const a = p.start();
    expect(p.refuse(undefined, { code: "bad_message", params: {} })).toBe(false);
    expect(p.refuse(a.id, { code: "rate_limited", params: {} })).toBe(true);
    expect((await a.reply).ok).toBe(false);
  });

  it("fails every open request when the connection drops, so no button waits forever", async () => {
    const p = new PendingRequests();
    const replies = [p.start().reply, p.start().reply];
    p.failAll();
    for (const r of await Promise.all(replies)) expect(r).toMatchObject({ ok: false, error: { code: "connection_failed" } });
    expect(p.size).toBe(0);
  });
});

/** A world for the reconnect policy: a clock that moves only when the policy sleeps. */
function world(opts: { statuses: string[]; resumeFails: number; isHost?: boolean; resumeError?: string }) {
  let now = 0;
  let calls = 0;
  const log: string[] = [];
  const ports: RecoverPorts = {
    status: async () => opts.statuses[Math.min(calls, opts.statuses.length - 1)],
    resumeSeat: async () => {
      calls++;
      log.push(`seat@${now}`);
      if (calls <= opts.resumeFails) throw new JoinError(opts.resumeError ?? "connection_failed");
    },
    resumeSession: async () => { log.push(`session@${now}`); },
    isHost: opts.isHost ?? false,
    now: () => now,
    sleep: async (ms) => { now += ms; },
    stopped: () => false,
    attempt: (n, interrupted) => log.push(`attempt ${n}${interrupted ? " interrupted" : ""}`),
  };
  return { ports, log, elapsed: () => now };
}

describe("reconnect policy", () => {
  it("gets the seat back after a few failed tries, backing off up to 3 s", async () => {
    const w = world({ statuses: ["open"], resumeFails: 3 });
    expect(await recoverSeat(w.ports, 120_000)).toBe("reconnected");
    expect(w.log.filter((x) => x.startsWith("seat"))).toEqual(["seat@0", "seat@400", "seat@1200", "seat@2400"]);
    expect([1, 5, 7, 20].map(backoffMs)).toEqual([400, 2000, 2800, 3000]);
  });

  it("gives up once the server's reconnection window has passed", async () => {
    const w = world({ statuses: ["open"], resumeFails: Infinity });
    expect(await recoverSeat(w.ports, 10_000)).toBe("lost");
    expect(w.elapsed()).toBeGreaterThan(10_000);
    expect(w.elapsed()).toBeLessThan(10_000 + 3000 + 1);
  });

  it("stops at once when the session has ended", async () => {
    const w = world({ statuses: ["ended"], resumeFails: 0 });
    expect(await recoverSeat(w.ports, 120_000)).toBe("session_ended");
    expect(w.log).toEqual([]);
    const refused = world({ statuses: ["open"], resumeFails: 1, resumeError: "session_ended" });
    expect(await recoverSeat(refused.ports, 120_000)).toBe("session_ended");
  });

  it("has students wait out a server restart for as long as it takes, without trying their seat", async () => {
    const statuses = [...new Array(80).fill("interrupted"), "open"];
    let asked = 0;
    const w = world({ statuses, resumeFails: 0 });
    w.ports.status = async () => statuses[Math.min(asked++, statuses.length - 1)];
    expect(await recoverSeat(w.ports, 10_000)).toBe("reconnected");
    expect(w.elapsed()).toBeGreaterThan(10_000);
    expect(w.log.filter((x) => x.startsWith("seat"))).toHaveLength(1);
    expect(w.log[0]).toBe("attempt 1 interrupted");
  });

  it("waits out a server that does not answer (restarting) past the reconnection window, slower, and never gives up on it", async () => {
    const statuses = [...new Array(200).fill("unreachable"), "interrupted", "interrupted", "open"];
    let asked = 0;
    const w = world({ statuses, resumeFails: 0 });
    w.ports.status = async () => statuses[Math.min(asked++, statuses.length - 1)];
    expect(await recoverSeat(w.ports, 10_000)).toBe("reconnected");
    // 200 tries without an answer took far longer than the window; no seat attempt was wasted on them.
    expect(w.elapsed()).toBeGreaterThan(10 * 60_000);
    expect(w.log.filter((x) => x.startsWith("seat"))).toHaveLength(1);
    expect(w.log.filter((x) => x.startsWith("attempt")).every((x) => x.endsWith("interrupted") || x === "attempt 203")).toBe(true);
    expect([1, 4, 10, 30].map(downBackoffMs)).toEqual([500, 2000, 5000, 5000]);
  });

  it("after the server said it was restarting, keeps trying the seat past the window while it comes back", async () => {
    const w = world({ statuses: ["unknown"], resumeFails: 40 });
    w.ports.restarting = () => true;
    expect(await recoverSeat(w.ports, 10_000)).toBe("reconnected");
    expect(w.elapsed()).toBeGreaterThan(10_000);
    expect(w.log[0]).toBe("attempt 1 interrupted");
  });

  it("stops at once, saying so, when the seat was kicked while away", async () => {
    const w = world({ statuses: ["open"], resumeFails: 1, resumeError: "kicked" });
    expect(await recoverSeat(w.ports, 120_000)).toBe("kicked");
  });

  it("has the teacher rebuild an interrupted session, then take the host seat", async () => {
    const w = world({ statuses: ["interrupted"], resumeFails: 0, isHost: true });
    expect(await recoverSeat(w.ports, 120_000)).toBe("reconnected");
    expect(w.log).toEqual(["attempt 1 interrupted", "session@0", "seat@0"]);
  });
});

describe("join errors", () => {
  it("knows colyseus.js's code for a room that does not exist", () => {
    expect(MATCHMAKE_INVALID_ROOM_ID).toBe(ErrorCode.MATCHMAKE_INVALID_ROOM_ID);
  });

  it("reads the server's refusal, an unknown room and a dead connection as one kind of error", () => {
    expect(joinErrorOf({ code: JOIN_ERROR_CODE, message: JSON.stringify({ code: "nickname_taken", params: { nickname: "Ann" } }) }))
      .toMatchObject({ code: "nickname_taken", params: { nickname: "Ann" } });
    expect(joinErrorOf({ code: 4212, message: "room not found" }).code).toBe("room_not_found");
    expect(joinErrorOf({ code: 429, message: JSON.stringify({ code: "too_many_joins", params: { retryAfterS: 30 } }) }))
      .toMatchObject({ code: "too_many_joins", params: { retryAfterS: 30 } });
    expect(joinErrorOf(new Error("socket hang up")).code).toBe("connection_failed");
    expect(joinErrorOf({ code: JOIN_ERROR_CODE, message: "not json" }).code).toBe("connection_failed");
    const mine = new JoinError("bad_secret");
    expect(joinErrorOf(mine)).toBe(mine);
  });
});
