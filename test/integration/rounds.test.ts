import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot, Cast, errorCode, expectOk, hostSession, serverRoom, startRound, waitFor, type Player } from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let code = "";
let host: Player;
let ann: Player;
let bob: Player;

beforeAll(async () => {
  app = await boot();
  const s = await hostSession(app.url, cast);
  ({ code, host } = s);
  ann = await cast.join(app.url, code, { nickname: "Ann" });
  bob = await cast.join(app.url, code, { nickname: "Bob" });
  expectOk(await ann.chooseTeam(0));
  expectOk(await bob.chooseTeam(1));
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

/** Waits until `p` has seen `n` more ticks than it has now. */
async function ticks(p: Player, n: number): Promise<number> {
  const from = p.state.tick;
  return waitFor(() => (p.state.tick >= from + n ? p.state.tick : undefined));
}

describe("a round's phases", () => {
  it("lobby: the host sets the round up; nothing runs yet", async () => {
    expect(host.state.phase).toBe("lobby");
    expect(errorCode(await host.host({ type: "pause" }))).toBe("wrong_phase");
    expect(errorCode(await host.host({ type: "endRound" }))).toBe("wrong_phase");
    expectOk(await host.host({ type: "configure", tickRate: 4, scenario: "old-era", teams: ["Red", "Blue", "Green"] }));
    await waitFor(() => ann.state.config.tickRate === 4 && ann.state.teams.length === 3);
    expect(ann.state.teams.map((t) => t.name)).toEqual(["Red", "Blue", "Green"]);
  });

  it("briefing: the round's world is shown but the clock does not run", async () => {
    expectOk(await host.host({ type: "start" }));
    await waitFor(() => ann.state.phase === "briefing");
    expect(ann.state.round).toMatchObject({ number: 1, scenario: "old-era", tickRate: 4 });
    expect(ann.state.round.ticks).toBeGreaterThan(0);
    await waitFor(() => ann.dc(0)!.servers.length > 0);
    expect(errorCode(await host.host({ type: "configure", tickRate: 1 }))).toBe("wrong_phase");
    // The clock is not even armed (the session's own tests run its clock for real).
    expect(serverRoom(code).session.clockRunning).toBe(false);
    expect(serverRoom(code).session.tick).toBe(0);
    expect(ann.state.tick).toBe(0);
  });

  it("playing: the clock runs at the configured rate", async () => {
    expectOk(await host.host({ type: "start" }));
    await waitFor(() => ann.state.phase === "playing" && bob.state.phase === "playing");
    await ticks(ann, 3);
    expect(errorCode(await host.host({ type: "resume" }))).toBe("wrong_phase");
    expect(errorCode(await host.host({ type: "start" }))).toBe("wrong_phase");
  });

  it("paused: the clock stops and team commands are refused until the resume", async () => {
    expectOk(await host.host({ type: "pause" }));
    await waitFor(() => ann.state.phase === "paused");
    const frozen = serverRoom(code).session.tick;
    expect(errorCode(await ann.command({ type: "buyServer", model: "small" }))).toBe("not_playing");
    expect(serverRoom(code).session.clockRunning).toBe(false);
    expect(serverRoom(code).session.tick).toBe(frozen);
    expect(ann.state.tick).toBe(frozen);
    expectOk(await host.host({ type: "resume" }));
    await waitFor(() => ann.state.phase === "playing");
    await ticks(ann, 2);
    expectOk(await ann.command({ type: "buyServer", model: "small" }));
  });

  it("over: the host ends the round and everyone gets the debrief", async () => {
    expectOk(await host.host({ type: "endRound" }));
    for (const p of [host, ann, bob]) {
      await waitFor(() => p.state.phase === "over");
      const d = await waitFor(() => p.debriefs[0]);
      expect(d.reports).toHaveLength(1);
      const report = d.reports[0];
      expect(report).toMatchObject({ round: 1, scenario: "old-era", teams: ["Red", "Blue", "Green"] });
      expect(report.results).toHaveLength(3);
      expect(report.commands[0]).toBe(1);
      // The debrief's scores are the leaderboard's final ones.
      report.results.forEach((r, i) => expect(r.score).toBe(p.state.teams[i].score));
    }
    expect(serverRoom(code).session.clockRunning).toBe(false);
    expect(serverRoom(code).session.tick).toBe(host.state.tick);
    // Someone arriving after the round still gets the debrief.
    const late = await cast.join(app.url, code, { nickname: "Late" });
    expect((await waitFor(() => late.debriefs[0])).reports[0].round).toBe(1);
  });

  it("a second round ends by itself when its time is up", async () => {
    await startRound(host, [ann, bob]);
    expect(ann.state.round.number).toBe(2);
    // A whole scenario takes minutes even at 4 ticks/s: the test shortens this round's clock to a few ticks.
    const round = serverRoom(code).session.round!;
    round.state.world.ticks = round.state.tick + 6;
    for (const p of [host, ann, bob]) await waitFor(() => p.state.phase === "over");
    expect(host.debriefs.at(-1)!.reports).toHaveLength(2);
    const report = ann.debriefs.at(-1)!.reports[1];
    expect(report.round).toBe(2);
    expect(report.ticks).toBe(round.state.world.ticks);
    expect(round.log.final?.endedBy).toBe("time");
    expect(errorCode(await host.host({ type: "endRound" }))).toBe("wrong_phase");
  });

  it("over → briefing again, and the session can end from there", async () => {
    expectOk(await host.host({ type: "start" }));
    await waitFor(() => ann.state.phase === "briefing" && ann.state.round.number === 3);
    expectOk(await host.host({ type: "endSession" }));
    await waitFor(() => ann.kicked.length > 0);
    expect(ann.kicked[0].reason).toBe("session_ended");
  });
});
