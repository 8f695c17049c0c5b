import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot, Cast, commandFeed, expectOk, hostSession, joinFails, startRound, takeTeam, waitFor, type Player } from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let code = "";
let hostSecret = "";
let host: Player;

beforeAll(async () => {
  app = await boot();
  const s = await hostSession(app.url, cast);
  ({ code, hostSecret, host } = s);
  expectOk(await host.host({ type: "configure", tickRate: 4 }));
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

const seatOf = (p: Player) => host.state.seats.get(String(p.welcome.seat));

describe("reconnecting", () => {
  it("a dropped student takes seat, nickname and team back with the reconnection token", async () => {
    const ann = await cast.join(app.url, code, { nickname: "Ann" });
    expectOk(await ann.chooseTeam(2));
    await startRound(host, [ann]);
    await ann.drop();
    // The teacher sees the seat kept but offline.
    await waitFor(() => seatOf(ann)?.connected === false);
    expect(seatOf(ann)).toMatchObject({ nickname: "Ann", team: 2 });

    const back = cast.add(await ann.reconnect());
    await waitFor(() => seatOf(ann)?.connected === true);
    expect(host.state.seats.size).toBe(2);
    expect(back.state.seats.get(String(ann.welcome.seat))).toMatchObject({ nickname: "Ann", team: 2, connected: true });
    // Back in the team: its datacenter is visible again and commands go through, credited to Ann.
    const server = (await waitFor(() => back.dc(2)?.servers[0])).id;
    const r = expectOk(await back.command({ type: "installLayer", server, layer: "type1" }));
    const line = await waitFor(() => commandFeed(back.feed(2)).find((f) => f.tick === r.tick));
    expect(line).toMatchObject({ seat: ann.welcome.seat, who: "Ann" });
  });

  it("the seat token from welcome takes the seat back after a drop, even in a locked room", async () => {
    const bob = await cast.join(app.url, code, { nickname: "Bob" });
    expect(bob.welcome.seatToken).not.toBe("");
    await takeTeam(bob, 1, host);
    expectOk(await host.host({ type: "lock" }));
    await bob.drop();
    await waitFor(() => seatOf(bob)?.connected === false);

    const again = await cast.join(app.url, code, { seatToken: bob.welcome.seatToken });
    expect(again.welcome).toMatchObject({ seat: bob.welcome.seat, nickname: "Bob", team: 1, role: "student" });
    await waitFor(() => seatOf(bob)?.connected === true);
    await waitFor(() => again.dc(1));
    expect(again.state.datacenters.length).toBe(1);
    expectOk(await again.command({ type: "installLayer", server: again.dc(1)!.servers[0].id, layer: "bare-linux" }));
    expectOk(await host.host({ type: "unlock" }));
  });

  it("the seat token also works after leaving on purpose, and the nickname stays reserved meanwhile", async () => {
    const cy = await cast.join(app.url, code, { nickname: "Cy" });
    await takeTeam(cy, 3, host);
    await cy.leave();
    await waitFor(() => seatOf(cy)?.connected === false);
    expect(await joinFails(app.url, code, { nickname: "cy" })).toBe("nickname_taken");
    const again = await cast.join(app.url, code, { seatToken: cy.welcome.seatToken, nickname: "Cy" });
    expect(again.welcome).toMatchObject({ seat: cy.welcome.seat, nickname: "Cy", team: 3 });
  });

  it("the host gets host rights back by joining again with the host secret", async () => {
    await host.drop();
    const ann = await cast.join(app.url, code, { nickname: "Dee" });
    await waitFor(() => ann.state.seats.get("0")?.connected === false);

    const again = await cast.join(app.url, code, { hostSecret });
    expect(again.welcome).toMatchObject({ seat: 0, role: "host" });
    await waitFor(() => ann.state.seats.get("0")?.connected === true);
    // Rights are back: the teacher can pause the round and sees every team again.
    expect(again.state.datacenters.length).toBeGreaterThanOrEqual(4);
    expectOk(await again.host({ type: "pause" }));
    await waitFor(() => ann.state.phase === "paused");
    expectOk(await again.host({ type: "resume" }));
    await waitFor(() => ann.state.phase === "playing");
    host = again;
  });

  it("the host can also come back with the reconnection token", async () => {
    await host.drop();
    const again = cast.add(await host.reconnect());
    expectOk(await again.host({ type: "message", text: "still here", team: null }));
    await waitFor(() => again.notices.some((n) => n.text === "still here"));
    host = again;
  });
});
