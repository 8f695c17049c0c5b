import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  boot, Cast, commandFeed, serverFeed, errorCode, expectOk, hostSession, instancesOn, layout, serverRoom, startRound, waitFor, type Player,
} from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let host: Player;
let ann: Player; // Alpha
let bob: Player; // Bravo
let nat: Player; // no team yet
let code = "";

beforeAll(async () => {
  app = await boot();
  const s = await hostSession(app.url, cast);
  ({ host, code } = s);
  expectOk(await host.host({ type: "configure", tickRate: 4 }));
  ann = await cast.join(app.url, s.code, { nickname: "Ann" });
  bob = await cast.join(app.url, s.code, { nickname: "Bob" });
  nat = await cast.join(app.url, s.code, { nickname: "Nat" });
  expectOk(await ann.chooseTeam(0));
  expectOk(await bob.chooseTeam(1));
  await waitFor(() => ann.dc(0) && bob.dc(1));
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

const serverOf = (p: Player, team: number) => p.dc(team)!.servers[0].id;

describe("rights", () => {
  it("no team commands before the round plays: lobby and briefing", async () => {
    const r = await ann.command({ type: "buyServer", model: "small" });
    expect(r).toMatchObject({ ok: false, error: { code: "not_playing", params: { phase: "lobby" } } });
    expectOk(await host.host({ type: "start" }));
    await waitFor(() => ann.state.phase === "briefing" && ann.dc(0)!.servers.length > 0);
    const server = serverOf(ann, 0);
    const again = await ann.command({ type: "installLayer", server, layer: "container-host" });
    expect(again).toMatchObject({ ok: false, error: { code: "not_playing", params: { phase: "briefing" } } });
    expect(ann.dc(0)!.servers[0].layer).toBe("");
  });

  it("a student cannot run any host command", async () => {
    const actions = [
      { type: "start" }, { type: "pause" }, { type: "endRound" }, { type: "endSession" }, { type: "lock" },
      { type: "configure", tickRate: 0.5 }, { type: "autoBalance" }, { type: "kick", seat: bob.welcome.seat },
      { type: "move", seat: bob.welcome.seat, team: 0 }, { type: "setBot", team: 1, bot: "idle" },
      { type: "message", text: "free pizza", team: null }, { type: "incident", kind: "hardware", team: 1 },
    ];
    for (const action of actions) expect(errorCode(await ann.host(action)), action.type).toBe("not_host");
    // Nothing the teacher controls moved: each refusal was answered after the server had (not)
    // acted, so the server's state is final now.
    const session = serverRoom(code).session;
    expect(session.phase).toBe("briefing");
    expect(session.locked).toBe(false);
    expect(session.config.tickRate).toBe(4);
    expect(session.teams[1].bot).toBeNull();
    expect(session.roster.get(bob.welcome.seat)).toMatchObject({ team: 1, connected: true });
    // A notice sent to Bob then would reach him before the answer to a request of his own.
    expectOk(await bob.chooseTeam(1));
    expect(bob.notices).toEqual([]);
    expect(bob.connected).toBe(true);
  });

  it("a student cannot touch another team's servers", async () => {
    await startRound(host, [ann, bob]);
    const before = layout(host.dc(1));
    const theirs = serverOf(host, 1);
    const attempts = [
      { type: "installLayer", server: theirs, layer: "bare-linux" },
      { type: "deploy", target: theirs, app: "web" },
      { type: "sellServer", server: theirs },
      { type: "createVm", server: theirs, os: "linux", mode: "full", vcpus: 2, mem: 4096 },
    ];
    const results = await Promise.all(attempts.map((command) => ann.command(command)));
    results.forEach((r, i) => {
      expect(r, attempts[i].type).toMatchObject({ ok: false, error: { code: "foreign_object", params: { id: theirs } } });
    });
    // A tick later Bravo's datacenter is as it was, and neither feed shows a command.
    const tick = host.state.tick;
    await waitFor(() => host.state.tick > tick + 1);
    expect(layout(host.dc(1))).toBe(before);
    expect(layout(bob.dc(1))).toBe(before);
    expect(commandFeed(serverFeed(code, 1))).toEqual([]);
    expect(commandFeed(serverFeed(code, 0))).toEqual([]);
    // Ann still plays her own team.
    expectOk(await ann.command({ type: "installLayer", server: serverOf(ann, 0), layer: "container-host" }));
  });

  it("a student without a team, or the teacher, cannot command a team", async () => {
    expect(errorCode(await nat.command({ type: "buyServer", model: "small" }))).toBe("no_team");
    expect(errorCode(await host.command({ type: "buyServer", model: "small" }))).toBe("not_host");
    const servers = host.state.teams.map((t) => t.servers);
    const tick = host.state.tick;
    await waitFor(() => host.state.tick > tick + 1);
    expect(host.state.teams.map((t) => t.servers)).toEqual(servers);
  });

  it("mid-round a seat never hops teams, and a seat without one asks the teacher", async () => {
    expect(errorCode(await bob.chooseTeam(0))).toBe("wrong_phase");
    expect(expectOk(await nat.chooseTeam(2)).pending).toBe(true);
    await waitFor(() => host.state.seats.get(String(nat.welcome.seat))?.asks === 2);
    expect(nat.dc(2)).toBeUndefined();
    expectOk(await host.host({ type: "approve", seat: nat.welcome.seat }));
    await waitFor(() => nat.dc(2));
    expect(errorCode(await nat.chooseTeam(3))).toBe("wrong_phase");
    expect(host.state.seats.get(String(bob.welcome.seat))!.team).toBe(1);
    expect(bob.dc(0)).toBeUndefined();
  });

  it("no team commands while paused or after the round", async () => {
    const server = serverOf(ann, 0);
    expectOk(await host.host({ type: "pause" }));
    await waitFor(() => ann.state.phase === "paused");
    expect(await ann.command({ type: "deploy", target: server, app: "web" })).toMatchObject({
      ok: false, error: { code: "not_playing", params: { phase: "paused" } },
    });
    expectOk(await host.host({ type: "endRound" }));
    await waitFor(() => ann.state.phase === "over");
    expect(await ann.command({ type: "deploy", target: server, app: "web" })).toMatchObject({
      ok: false, error: { code: "not_playing", params: { phase: "over" } },
    });
    expect(instancesOn(ann.dc(0), server)).toEqual([]);
  });
});
