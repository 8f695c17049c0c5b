/**
 * Issue 12, finding 4: one script took all 60 seats in 2 s; the seats stayed after its sockets went,
 * so real students got room_full, and mid-round the teacher could not raise the cap (wrong_phase).
 * One seat token opened 219 sockets. Now new seats are rationed per address, seats whose sockets are
 * gone are cleared in one action, the cap can be raised in any phase, and a seat has few connections.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/protocol/limits";
import { SESSION_DEFAULTS } from "../../shared/protocol/tuning";
import { boot, Cast, errorCode, expectOk, hostSession, join, joinFails, startRound, takeTeam, waitFor, type Player } from "./harness";

/** The script's machine and the classroom's network, as the school's proxy reports them. */
const SCRIPT = "198.51.100.23";
const SCHOOL = "192.0.2.10";
let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let code = "";
let host: Player;
let ann: Player;
const script: Player[] = [];

beforeAll(async () => {
  app = await boot(undefined, { trustProxy: "loopback" });
  ({ code, host } = await hostSession(app.url, cast));
  expectOk(await host.host({ type: "configure", tickRate: 4 }));
  ann = await cast.join(app.url, code, { nickname: "Ann" }, SCHOOL);
  expectOk(await ann.chooseTeam(0));
  await startRound(host, [ann]);
});

afterAll(async () => {
  await cast.closeAll();
  await Promise.all(script.map((p) => p.leave()));
  await app?.close();
});

const students = () => [...host.state.seats.values()].filter((s) => s.role === "student");

describe("seat floods (finding 4)", () => {
  it("a script fills the class; its seats outlive its sockets and real students are refused", async () => {
    const t0 = Date.now();
    for (let batch = 0; batch < SESSION_DEFAULTS.maxStudents - 1; batch += 20) {
      const n = Math.min(20, SESSION_DEFAULTS.maxStudents - 1 - batch);
      script.push(...(await Promise.all(Array.from({ length: n }, (_, i) => join(app.url, code, { nickname: `bot${batch + i}` }, SCRIPT)))));
    }
    expect(Date.now() - t0).toBeLessThan(20_000);
    await waitFor(() => students().length === SESSION_DEFAULTS.maxStudents);
    await Promise.all(script.map((p) => p.drop()));
    await waitFor(() => students().filter((s) => !s.connected).length === SESSION_DEFAULTS.maxStudents - 1);
    expect(await joinFails(app.url, code, { nickname: "Real" }, SCHOOL)).toBe("room_full");
  });

  it("mid-round the teacher raises the cap; the script's address gets no more than a class's worth", async () => {
    expect(host.state.phase).toBe("playing");
    expect(errorCode(await host.host({ type: "configure", maxStudents: 100 }))).toBe("wrong_phase");
    expectOk(await host.host({ type: "setCap", maxStudents: 100 }));
    await waitFor(() => host.state.config.maxStudents === 100);
    // The script's allowance is spent (a class's worth at once, then one every 2 s): it is refused
    // within a seat or two of the time that passed, however fast it tries.
    const t0 = Date.now();
    let extra = 0;
    let refusal = "";
    while (extra < 20) {
      refusal = await joinFails(app.url, code, { nickname: `bot-more${extra}` }, SCRIPT);
      if (refusal !== "joined") break;
      extra++;
    }
    expect(refusal).toBe("too_many_seats");
    expect(extra).toBeLessThanOrEqual(1 + Math.ceil((Date.now() - t0) / 2000) + 5);
    const real = await cast.join(app.url, code, { nickname: "Real" }, SCHOOL);
    await takeTeam(real, 1, host);
  });

  it("one action clears every seat whose sockets are gone; connected students keep theirs", async () => {
    expectOk(await host.host({ type: "setCap", maxStudents: SESSION_DEFAULTS.maxStudents }));
    expectOk(await host.host({ type: "clearAway" }));
    await waitFor(() => students().length === 2);
    expect(students().map((s) => s.nickname).sort()).toEqual(["Ann", "Real"]);
    expect(students().every((s) => s.connected)).toBe(true);
    // The freed nicknames and seats go to real students.
    const late = await cast.join(app.url, code, { nickname: "bot0" }, SCHOOL);
    expect(late.welcome.role).toBe("student");
    expect(ann.connected).toBe(true);
    expectOk(await ann.command({ type: "buyServer", model: "small" }));
  });

  it("one seat token opens a few connections, not hundreds", async () => {
    const attempts = await Promise.all(Array.from({ length: 12 }, () =>
      join(app.url, code, { seatToken: ann.welcome.seatToken }, SCHOOL).then((p) => cast.add(p), (e: { message?: string }) => e.message ?? "")));
    const opened = attempts.filter((a) => typeof a !== "string");
    const refused = attempts.filter((a): a is string => typeof a === "string");
    // Ann's own connection counts too.
    expect(opened.length).toBe(LIMITS.tabsPerSeat - 1);
    expect(refused.every((m) => m.includes("too_many_tabs"))).toBe(true);
    expect(students().length).toBe(3);
  });
});
