import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KICKED_CLOSE_CODE } from "../../shared/protocol/codes";
import { boot, Cast, errorCode, expectOk, hostSession, joinFails, startRound, waitFor, type Player } from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let code = "";
let host: Player;
let ann: Player; // Alpha
let bob: Player; // Bravo
let cy: Player; // Charlie
let dee: Player; // no team

beforeAll(async () => {
  app = await boot();
  const s = await hostSession(app.url, cast);
  ({ code, host } = s);
  expectOk(await host.host({ type: "configure", tickRate: 4 }));
  [ann, bob, cy, dee] = await Promise.all(["Ann", "Bob", "Cy", "Dee"].map((nickname) => cast.join(app.url, code, { nickname })));
  expectOk(await ann.chooseTeam(0));
  expectOk(await bob.chooseTeam(1));
  expectOk(await cy.chooseTeam(2));
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

describe("the teacher's tools", () => {
  it("an incident needs a running round", async () => {
    expect(errorCode(await host.host({ type: "incident", kind: "hardware", team: 1 }))).toBe("wrong_phase");
    await startRound(host, [ann, bob, cy, dee]);
  });

  it("an incident hits the team it names: a banner for all, the failure in that team's datacenter", async () => {
    const server = (await waitFor(() => bob.dc(1)?.servers[0])).id;
    expectOk(await bob.command({ type: "installLayer", server, layer: "bare-linux" }));
    const r = expectOk(await host.host({ type: "incident", kind: "hardware", team: 1, server }));
    const banner = await waitFor(() => ann.state.banners.find((b) => b.kind === "hardware"));
    expect(banner).toMatchObject({ team: 1, tick: r.tick });
    await waitFor(() => bob.state.banners.some((b) => b.kind === "hardware" && b.team === 1));
    // Bravo sees its server down and the incident in its feed; Alpha's feed stays quiet.
    await waitFor(() => bob.dc(1)!.servers.find((s) => s.id === server)!.failedUntil > bob.state.tick);
    const line = await waitFor(() => bob.feed(1)!.find((f) => f.kind === "event" && f.data.includes('"incident":"hardware"')));
    expect(line.who).toBe("");
    expect(ann.feed(0)!.filter((f) => f.kind === "event" && f.data.includes("incident"))).toEqual([]);
    expect(ann.dc(0)!.servers.every((s) => s.failedUntil === 0)).toBe(true);
  });

  it("an incident aimed at another team's server is refused", async () => {
    const alphaServer = host.dc(0)!.servers[0].id;
    expect(errorCode(await host.host({ type: "incident", kind: "hardware", team: 1, server: alphaServer }))).toBe("foreign_object");
    expect(errorCode(await host.host({ type: "incident", kind: "leak", team: 7 }))).toBe("unknown_team");
  });

  it("a message to one team reaches that team (and the teacher) only", async () => {
    expectOk(await host.host({ type: "message", text: "Charlie, check your database", team: 2 }));
    const notice = await waitFor(() => cy.notices[0]);
    expect(notice).toMatchObject({ text: "Charlie, check your database", team: 2 });
    await waitFor(() => host.notices.length === 1);
    const line = await waitFor(() => cy.feed(2)!.find((f) => f.kind === "notice"));
    expect(JSON.parse(line.data)).toEqual({ text: "Charlie, check your database" });

    expectOk(await host.host({ type: "message", text: "Two minutes left", team: null }));
    for (const p of [ann, bob, cy, dee]) await waitFor(() => p.notices.some((n) => n.text === "Two minutes left"));
    for (const p of [ann, bob, dee]) expect(p.notices.map((n) => n.text)).toEqual(["Two minutes left"]);
    host.send("host", { id: 99, action: { type: "message", text: "   ", team: null } });
    expect((await host.nextError()).error.code).toBe("bad_message");
  });

  it("moving a student changes the datacenter they see", async () => {
    expectOk(await host.host({ type: "move", seat: dee.welcome.seat, team: 3 }));
    await waitFor(() => dee.dc(3));
    expect(dee.state.datacenters.length).toBe(1);
    expect(errorCode(await host.host({ type: "move", seat: 999, team: 0 }))).toBe("unknown_seat");
  });

  it("a kicked student is told, disconnected, loses the seat and cannot take it back", async () => {
    const seat = cy.welcome.seat;
    const token = cy.room.reconnectionToken;
    expectOk(await host.host({ type: "kick", seat }));
    await waitFor(() => cy.kicked.length > 0 && cy.leftWith !== undefined);
    expect(cy.kicked[0]).toEqual({ reason: "kicked" });
    expect(cy.leftWith).toBe(KICKED_CLOSE_CODE);
    await waitFor(() => !host.state.seats.has(String(seat)));
    expect(host.state.teams[2].members).toBe(0);
    // Neither the seat token nor the reconnection token gets the seat back.
    expect(await joinFails(app.url, code, { seatToken: cy.welcome.seatToken })).toBe("kicked");
    await expect(cy.client.reconnect(token)).rejects.toThrow();
    expect(errorCode(await host.host({ type: "kick", seat }))).toBe("unknown_seat");
    // Others play on.
    expect(ann.connected && bob.connected && dee.connected).toBe(true);
  });
});
