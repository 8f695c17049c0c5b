import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRACTICE_SETUP } from "../../shared/protocol/tuning";
import { boot, Cast, commandFeed, serverFeed, decodeErrors, createSession, errorCode, expectOk, hostSession, sessionStatus, startRound, takeTeam, waitFor, type Player } from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();

beforeAll(async () => {
  app = await boot();
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

/** Instances a team runs, from the leaderboard everyone sees. */
const instances = (p: Player, team: number) => p.state.teams[team].instances;

describe("a bot playing a team", () => {
  let host: Player;
  let code = "";
  let ann: Player;
  let bob: Player;

  beforeAll(async () => {
    const s = await hostSession(app.url, cast);
    code = s.code;
    host = s.host;
    expectOk(await host.host({ type: "configure", tickRate: 4 }));
    ann = await cast.join(app.url, s.code, { nickname: "Ann" });
    bob = await cast.join(app.url, s.code, { nickname: "Bob" });
    expectOk(await ann.chooseTeam(0));
    expectOk(await bob.chooseTeam(3));
    await startRound(host, [ann, bob]);
  });

  it("takes over the team mid-round: its students leave it and its datacenter fills up over the ticks", async () => {
    expect(instances(host, 3)).toBe(0);
    expectOk(await host.host({ type: "setBot", team: 3, bot: "containers-autoscale" }));
    await waitFor(() => ann.state.teams[3].bot === "containers-autoscale");
    // Bob is out of the team, and no longer sees its datacenter.
    await waitFor(() => bob.state.seats.get(String(bob.welcome.seat))!.team === -1);
    await waitFor(() => bob.state.datacenters.length === 0);
    expect(errorCode(await bob.command({ type: "buyServer", model: "small" }))).toBe("no_team");
    expect(errorCode(await bob.chooseTeam(3))).toBe("team_is_bot");

    // The bot builds: container hosts first, then instances, each step a feed line of its own.
    await waitFor(() => host.dc(3)!.servers.some((s) => s.layer === "container-host"));
    await waitFor(() => instances(host, 3) >= 2);
    await waitFor(() => instances(ann, 3) >= 2);
    const bot = commandFeed(serverFeed(code, 3));
    expect(bot.length).toBeGreaterThan(1);
    expect(bot.every((f) => f.seat === -1 && f.who === "")).toBe(true);
    // The humans' team is left alone.
    expect(commandFeed(serverFeed(code, 0))).toEqual([]);
  });

  it("hands the team back when the host removes the bot", async () => {
    expectOk(await host.host({ type: "setBot", team: 3, bot: null }));
    await waitFor(() => ann.state.teams[3].bot === "");
    const built = instances(host, 3);
    await takeTeam(bob, 3, host);
    await waitFor(() => bob.dc(3));
    // What the bot built stays; Bob plays on from there.
    expect(bob.dc(3)!.servers.some((s) => s.layer === "container-host")).toBe(true);
    const before = commandFeed(serverFeed(code, 3)).length;
    const tick = host.state.tick;
    await waitFor(() => host.state.tick > tick + 2);
    expect(commandFeed(serverFeed(code, 3)).length).toBe(before);
    expect(instances(host, 3)).toBeGreaterThanOrEqual(built);
  });
});

describe("a practice room", () => {
  it("is one player against bots, with no separate host", async () => {
    const { code, hostSecret } = await createSession(app.url, { practice: true, nickname: "Solo" });
    expect(await sessionStatus(app.url, code)).toMatchObject({ status: "open", practice: true });
    const me = await cast.join(app.url, code, { hostSecret });
    expect(me.welcome).toMatchObject({ seat: 0, role: "host", nickname: "Solo", team: 0 });
    expect(me.state.practice).toBe(true);
    expect(me.state.teams.map((t) => t.bot)).toEqual(["", ...PRACTICE_SETUP.bots]);
    expect(me.state.config.tickRate).toBe(PRACTICE_SETUP.tickRate);

    expectOk(await me.host({ type: "configure", tickRate: 4 }));
    await startRound(me);
    // The player commands their own team…
    const server = (await waitFor(() => me.dc(0)?.servers[0])).id;
    const r = expectOk(await me.command({ type: "installLayer", server, layer: "container-host" }));
    const line = await waitFor(() => commandFeed(me.feed(0)).find((f) => f.tick === r.tick));
    expect(line).toMatchObject({ seat: 0, who: "Solo" });
    // …while the three bots build theirs.
    for (const team of [1, 2, 3]) await waitFor(() => instances(me, team) > 0);
    expect(errorCode(await me.chooseTeam(1))).toBe("team_is_bot");

    expectOk(await me.host({ type: "endRound" }));
    const d = await waitFor(() => me.debriefs[0]);
    expect(d.reports[0].results).toHaveLength(4);
    expect(d.reports[0].commands.slice(1).every((n) => n > 0)).toBe(true);
    // Four busy datacenters in one view decoded cleanly.
    expect(decodeErrors).toEqual([]);
  });
});
