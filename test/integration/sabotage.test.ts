/**
 * Issue 12, finding 2: mid-round, a private window joined with a new nickname, picked a rival team
 * (a teamless seat could pick once), saw its datacenter and sold its servers. Now team membership
 * mid-round is the teacher's, and one browser holds one seat.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot, Cast, errorCode, expectOk, hostSession, layout, serverRoom, startRound, takeTeam, waitFor, type Player } from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let code = "";
let host: Player;
let ann: Player;
let bob: Player;
let mole: Player;
const ANN_DEVICE = "ann-laptop-0123456789";

beforeAll(async () => {
  app = await boot();
  ({ code, host } = await hostSession(app.url, cast));
  expectOk(await host.host({ type: "configure", tickRate: 4 }));
  ann = await cast.join(app.url, code, { nickname: "Ann", device: ANN_DEVICE });
  bob = await cast.join(app.url, code, { nickname: "Bob" });
  expectOk(await ann.chooseTeam(0));
  expectOk(await bob.chooseTeam(1));
  await startRound(host, [ann, bob]);
  // Bravo buys two more servers, more for a saboteur to sell.
  const start = (await waitFor(() => bob.dc(1)?.servers)).length;
  expectOk(await bob.command({ type: "buyServer", model: "small" }));
  expectOk(await bob.command({ type: "buyServer", model: "small" }));
  await waitFor(() => bob.dc(1)?.servers.length === start + 2 && host.dc(1)?.servers.length === start + 2);
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

describe("a second seat cannot sabotage a rival team (finding 2)", () => {
  it("a private window joining mid-round asks for a team, sees nothing of it and can sell nothing until the teacher approves", async () => {
    const bravoBefore = layout(host.dc(1));
    // Ann's private window: no seat token, no device id, a new nickname.
    mole = await cast.join(app.url, code, { nickname: "Zed" });
    const asked = expectOk(await mole.chooseTeam(1));
    expect(asked.pending).toBe(true);
    await waitFor(() => host.state.seats.get(String(mole.welcome.seat))?.asks === 1);
    expect(host.state.seats.get(String(mole.welcome.seat))!.team).toBe(-1);
    expect(mole.dc(1)).toBeUndefined();
    expect(mole.state.datacenters?.length ?? 0).toBe(0);
    const servers = host.dc(1)!.servers.map((s) => s.id);
    for (const server of servers) expect(errorCode(await mole.command({ type: "sellServer", server }))).toBe("no_team");
    // Asking again, for another team, changes the request, not the team.
    expect(expectOk(await mole.chooseTeam(2)).pending).toBe(true);
    await waitFor(() => host.state.seats.get(String(mole.welcome.seat))?.asks === 2);

    // The teacher turns it down: the student is told, and still has no team.
    expectOk(await host.host({ type: "deny", seat: mole.welcome.seat }));
    await waitFor(() => mole.requests.length === 1);
    expect(mole.requests[0]).toEqual({ team: 2, status: "denied" });
    await waitFor(() => host.state.seats.get(String(mole.welcome.seat))?.asks === -1);
    expect(host.state.seats.get(String(mole.welcome.seat))!.team).toBe(-1);
    expect(errorCode(await host.host({ type: "approve", seat: mole.welcome.seat }))).toBe("not_asking");

    // Every one of Bravo's servers is still Bravo's: nothing sold.
    await waitFor(() => host.state.tick > 0);
    expect(host.dc(1)!.servers.map((s) => s.id)).toEqual(servers);
    expect(layout(host.dc(1))).toBe(bravoBefore);
  });

  it("a real latecomer is approved (or placed by auto-balance) and then plays; nobody hops teams", async () => {
    const cy = await cast.join(app.url, code, { nickname: "Cy" });
    expect(expectOk(await cy.chooseTeam(2)).pending).toBe(true);
    expectOk(await host.host({ type: "approve", seat: cy.welcome.seat }));
    await waitFor(() => cy.requests.length === 1 && cy.dc(2) !== undefined);
    expect(cy.requests[0]).toEqual({ team: 2, status: "approved" });
    expectOk(await cy.command({ type: "buyServer", model: "small" }));
    // Once in a team, no switching mid-round: not to a rival, not back to none.
    expect(errorCode(await cy.chooseTeam(1))).toBe("wrong_phase");
    expect(errorCode(await bob.chooseTeam(0))).toBe("wrong_phase");

    const dee = await cast.join(app.url, code, { nickname: "Dee" });
    expect(expectOk(await dee.chooseTeam(1)).pending).toBe(true);
    expectOk(await host.host({ type: "autoBalance" }));
    await waitFor(() => dee.requests.length === 1);
    expect(dee.requests[0].status).toBe("approved");
    const deeTeam = await waitFor(() => { const t = host.state.seats.get(String(dee.welcome.seat))?.team; return t !== undefined && t >= 0 ? t : null; });
    expect(deeTeam).toBe(3); // the smallest team, whatever Dee asked for
    await waitFor(() => dee.dc(deeTeam));
    // Auto-balance mid-round places those who asked; the student the teacher turned down stays out.
    expect(host.state.seats.get(String(mole.welcome.seat))!.team).toBe(-1);
  });

  it("one browser holds one student seat: a second tab with another nickname takes the same seat", async () => {
    const seats = serverRoom(code).session.roster.all().length;
    const tab2 = await cast.join(app.url, code, { nickname: "Ann2", device: ANN_DEVICE });
    expect(tab2.welcome).toMatchObject({ seat: ann.welcome.seat, nickname: "Ann", team: 0 });
    // Its storage had lost the seat token: a new one comes with the seat (and the old one stops working).
    expect(tab2.welcome.seatToken).not.toBe("");
    expect(tab2.welcome.seatToken).not.toBe(ann.welcome.seatToken);
    expect(serverRoom(code).session.roster.all().length).toBe(seats);
    await waitFor(() => tab2.dc(0));
    expect(tab2.dc(1)).toBeUndefined();
    // Both tabs play the same seat.
    expectOk(await tab2.command({ type: "buyServer", model: "small" }));
    expectOk(await ann.command({ type: "buyServer", model: "small" }));
    await takeTeam(ann, 0, host);
  });
});
