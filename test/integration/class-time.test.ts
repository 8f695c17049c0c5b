/**
 * Issues 11 and 14 (WCAG 2.2.1), over real sockets: the 3-2-1 the class sees before the clock, a
 * freeze in which students keep building (what they build shows at once, the next minute plays it
 * and the log stays exact), extra time for one student, the speed changed mid-round, and the
 * teacher's reports of who is idle.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyLog } from "../../shared/log/verify";
import { LIMITS } from "../../shared/protocol/limits";
import { C2S, type ResultMessage } from "../../shared/protocol/messages";
import { boot, Cast, errorCode, expectOk, hostSession, layout, serverRoom, takeTeam, waitFor, type Player } from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let host: Player;
let ann: Player;
let bo: Player;
let code: string;

beforeAll(async () => {
  app = await boot();
  ({ code, host } = await hostSession(app.url, cast));
  ann = await cast.join(app.url, code, { nickname: "Ann" });
  bo = await cast.join(app.url, code, { nickname: "Bo" });
  await takeTeam(ann, 0, host);
  await takeTeam(bo, 0, host);
  expectOk(await host.host({ type: "configure", tickRate: 4 }));
});

let nextId = 10_000;
/** Sends a command and waits for the server's first answer only: while frozen, "queued" is all there is until the clock moves. */
async function queue(p: Player, command: Record<string, unknown>): Promise<ResultMessage> {
  const id = nextId++;
  p.send(C2S.command, { id, command });
  return waitFor(() => p.results.get(id));
}

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

describe("time in a class round", () => {
  it("the class sees 3-2-1 before the clock starts", async () => {
    expectOk(await host.host({ type: "start" }));
    await waitFor(() => ann.state.phase === "briefing");
    expectOk(await host.host({ type: "start" }));
    const seen = new Set<number>();
    await waitFor(() => {
      seen.add(ann.state.countdown);
      return ann.state.phase === "playing";
    }, 10_000);
    expect([...seen].filter((n) => n > 0).sort()).toEqual(Array.from({ length: LIMITS.countdownSeconds }, (_, i) => i + 1));
    expect(ann.state.countdown).toBe(0);
    await waitFor(() => ann.state.tick >= 2);
  });

  it("frozen, students keep building: it shows at once, the next minute plays it", async () => {
    expectOk(await host.host({ type: "freeze" }));
    await waitFor(() => ann.state.phase === "frozen");
    const tick = ann.state.tick;
    const servers = ann.dc(0)!.servers.length;
    const r = expectOk(await queue(ann, { type: "buyServer", model: "small" }));
    expect(r).toMatchObject({ queued: true, tick });
    // The team's datacenter shows the purchase while the clock stays where it was.
    await waitFor(() => bo.dc(0)!.servers.length === servers + 1);
    await waitFor(() => bo.feed(0)!.some((f) => f.kind === "command" && f.who === "Ann"));
    expect(ann.state.tick).toBe(tick);
    const queuedLayout = layout(bo.dc(0));
    expectOk(await host.host({ type: "resume" }));
    await waitFor(() => ann.state.tick > tick);
    expect(layout(bo.dc(0))).toBe(queuedLayout);
    expect(bo.feed(0)!.filter((f) => f.kind === "command" && f.who === "Ann")).toHaveLength(1);
  });

  it("extra time for one student: only they build; the hold ends by itself", async () => {
    expectOk(await host.host({ type: "freeze", seats: [bo.welcome.seat], seconds: 10 }));
    await waitFor(() => ann.state.phase === "frozen");
    expect([...ann.state.freeze.seats]).toEqual([bo.welcome.seat]);
    expect(ann.state.freeze.secondsLeft).toBeGreaterThan(5);
    expect(errorCode(await queue(ann, { type: "buyServer", model: "small" }))).toBe("frozen_for_others");
    expectOk(await queue(bo, { type: "buyServer", model: "small" }));
    const held = ann.state.tick;
    await waitFor(() => ann.state.phase === "playing", 20_000);
    expect(ann.state.freeze.everyone).toBe(true);
    // The minute after the hold plays what Bo built in it.
    await waitFor(() => ann.state.tick > held);
  }, 40_000);

  it("the speed changes mid-round; the teacher hears who is idle", async () => {
    expectOk(await host.host({ type: "speed", tickRate: 2 }));
    await waitFor(() => ann.state.round.tickRate === 2);
    const report = await waitFor(() => host.activity.at(-1), 10_000);
    expect(report.round).toBe(1);
    expect(report.seats.map((s) => s.seat).sort()).toEqual([ann.welcome.seat, bo.welcome.seat].sort());
    const annIdle = report.seats.find((s) => s.seat === ann.welcome.seat)!;
    expect(annIdle.commands).toBe(1);
    expect(report.teams).toEqual([expect.objectContaining({ team: 0, commands: 2 })]);
    // Students are not told.
    expect(ann.activity).toEqual([]);
  });

  it("the round's log replays to the state played", async () => {
    expectOk(await host.host({ type: "endRound" }));
    await waitFor(() => host.state.phase === "over");
    const round = serverRoom(code).session.round!;
    expect(verifyLog(round.log).problems).toEqual([]);
    expect(round.log.entries.filter((e) => e.type === "command")).toHaveLength(2);
  });
});
