import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/protocol/limits";
import { C2S } from "../../shared/protocol/messages";
import { boot, Cast, commandFeed, expectOk, hostSession, startRound, waitFor, type Player } from "./harness";

const FLOOD = 60;
let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let host: Player;
let ann: Player;
let bob: Player;

beforeAll(async () => {
  app = await boot();
  const s = await hostSession(app.url, cast);
  host = s.host;
  expectOk(await host.host({ type: "configure", tickRate: 4 }));
  ann = await cast.join(app.url, s.code, { nickname: "Ann" });
  bob = await cast.join(app.url, s.code, { nickname: "Bob" });
  expectOk(await ann.chooseTeam(0));
  expectOk(await bob.chooseTeam(1));
  await startRound(host, [ann, bob]);
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

describe("flood", () => {
  it("commands beyond the rate are refused with rate_limited while the room keeps ticking", async () => {
    const bobServer = (await waitFor(() => bob.dc(1)?.servers[0])).id;
    const tickBefore = host.state.tick;
    for (let id = 1; id <= FLOOD; id++) ann.send(C2S.command, { id, command: { type: "buyServer", model: "small" } });

    // Every message is answered once: a result for those let through, rate_limited for the rest.
    const limited = () => ann.errors.filter((e) => e.error.code === "rate_limited");
    await waitFor(() => ann.results.size + limited().length >= FLOOD);
    expect(ann.results.size + limited().length).toBe(FLOOD);
    // About a burst's worth gets through (the bucket refills a little while the flood is read).
    expect(ann.results.size).toBeGreaterThanOrEqual(LIMITS.rateBurst / 2);
    expect(ann.results.size).toBeLessThanOrEqual(LIMITS.rateBurst + 10);
    expect(limited().length).toBeGreaterThanOrEqual(FLOOD - LIMITS.rateBurst - 10);
    expect(limited()[0]).toMatchObject({ type: C2S.command, error: { code: "rate_limited", params: { perSecond: LIMITS.ratePerSecond } } });
    expect(ann.errors.length).toBe(limited().length);

    // What was let through was played: one feed line per server bought.
    const bought = [...ann.results.values()].filter((r) => r.ok).length;
    expect(bought).toBeGreaterThan(0);
    await waitFor(() => commandFeed(ann.feed(0)).filter((f) => f.data.includes("buyServer")).length === bought);
    await waitFor(() => ann.dc(0)!.servers.length === 2 + bought);

    // The room keeps ticking and other players are unaffected.
    await waitFor(() => host.state.tick >= tickBefore + 3);
    expect(host.state.phase).toBe("playing");
    expectOk(await bob.command({ type: "installLayer", server: bobServer, layer: "container-host" }));
    await waitFor(() => bob.dc(1)!.servers[0].layer === "container-host");
  });

  it("the flooder stays connected and is heard again once the bucket refills", async () => {
    expect(ann.connected).toBe(true);
    expect(host.state.seats.get(String(ann.welcome.seat))!.connected).toBe(true);
    const tick = host.state.tick;
    await waitFor(() => host.state.tick >= tick + 2);
    const server = ann.dc(0)!.servers[0].id;
    expectOk(await ann.command({ type: "installLayer", server, layer: "container-host" }));
    await waitFor(() => ann.dc(0)!.servers[0].layer === "container-host");
  });
});
