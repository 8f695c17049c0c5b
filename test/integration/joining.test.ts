import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_ENDED_CLOSE_CODE } from "../../shared/protocol/codes";
import { boot, Cast, expectOk, hostSession, joinFails, sessionStatus, waitFor, waitUntil } from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();

beforeAll(async () => {
  app = await boot();
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

describe("joining", () => {
  it("a code that names no room is the SDK's not-found error", async () => {
    expect(await joinFails(app.url, "QQQQQQ", { nickname: "Ann" })).toMatch(/^other:4212:/);
  });

  it("a locked room refuses newcomers until the host unlocks it", async () => {
    const { code, host } = await hostSession(app.url, cast);
    await cast.join(app.url, code, { nickname: "Early" });
    expectOk(await host.host({ type: "lock" }));
    await waitFor(() => host.state.locked);
    expect(await joinFails(app.url, code, { nickname: "Late" })).toBe("room_locked");
    expect((await sessionStatus(app.url, code)).status).toBe("locked");
    expectOk(await host.host({ type: "unlock" }));
    const late = await cast.join(app.url, code, { nickname: "Late" });
    expect(late.welcome.nickname).toBe("Late");
  });

  it("a full room refuses the student over the limit the host set", async () => {
    const { code, host } = await hostSession(app.url, cast);
    expectOk(await host.host({ type: "configure", maxStudents: 2 }));
    await cast.join(app.url, code, { nickname: "One" });
    await cast.join(app.url, code, { nickname: "Two" });
    expect(await joinFails(app.url, code, { nickname: "Three" })).toBe("room_full");
    expect((await sessionStatus(app.url, code)).status).toBe("full");
    await waitFor(() => host.state.seats.size === 3);
  });

  it("a nickname already taken is refused whatever its case, width or spacing", async () => {
    const { code } = await hostSession(app.url, cast);
    const ann = await cast.join(app.url, code, { nickname: "Ann" });
    for (const nickname of ["ann", "ANN", "  Ann  ", "Ａｎｎ"]) {
      expect(await joinFails(app.url, code, { nickname })).toBe("nickname_taken");
    }
    expect(ann.connected).toBe(true);
    const anna = await cast.join(app.url, code, { nickname: "Anna" });
    expect(anna.welcome.seat).not.toBe(ann.welcome.seat);
  });

  it("an invalid nickname is refused: empty, control characters only, over 20 visible characters, missing", async () => {
    const { code } = await hostSession(app.url, cast);
    for (const options of [{ nickname: "" }, { nickname: "   " }, { nickname: "\u0001\u0007\u200b" }, { nickname: "a".repeat(21) }, {}]) {
      expect(await joinFails(app.url, code, options)).toBe("nickname_invalid");
    }
    // The limits are inclusive and count what a reader sees, not code units.
    expect((await cast.join(app.url, code, { nickname: "b".repeat(20) })).welcome.nickname).toBe("b".repeat(20));
    expect((await cast.join(app.url, code, { nickname: "张伟" })).welcome.nickname).toBe("张伟");
    expect((await cast.join(app.url, code, { nickname: " Zoe\u0007  Li " })).welcome.nickname).toBe("Zoe Li");
  });

  it("join options the server does not know are refused", async () => {
    const { code } = await hostSession(app.url, cast);
    expect(await joinFails(app.url, code, { nickname: "Ann", admin: true })).toBe("bad_options");
    expect(await joinFails(app.url, code, { nickname: 42 })).toBe("bad_options");
  });

  it("a wrong host secret or an unknown seat token is refused", async () => {
    const { code, hostSecret } = await hostSession(app.url, cast);
    expect(await joinFails(app.url, code, { hostSecret: `${hostSecret.slice(0, -2)}zz` })).toBe("bad_secret");
    expect(await joinFails(app.url, code, { seatToken: "t".repeat(32) })).toBe("bad_secret");
  });

  it("after the host ends the session, everyone is sent away and nobody can join", async () => {
    const { code, host } = await hostSession(app.url, cast);
    const student = await cast.join(app.url, code, { nickname: "Ann" });
    expectOk(await host.host({ type: "endSession" }));
    expect(await joinFails(app.url, code, { nickname: "Bob" })).toBe("session_ended");
    await waitFor(() => student.kicked.length > 0);
    expect(student.kicked[0]).toEqual({ reason: "session_ended" });
    await waitFor(() => student.leftWith !== undefined && host.leftWith !== undefined);
    expect(student.leftWith).toBe(SESSION_ENDED_CLOSE_CODE);
    await waitUntil(async () => (await sessionStatus(app.url, code)).status === "ended");
    // The room is gone: a late student gets "not found", and the status page says why.
    const late = await joinFails(app.url, code, { nickname: "Late" });
    expect(["session_ended", "other:4212"].some((c) => late.startsWith(c))).toBe(true);
    expect((await sessionStatus(app.url, code)).status).toBe("ended");
  });
});
