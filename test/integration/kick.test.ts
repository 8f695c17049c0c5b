/**
 * Issue 12, finding 3: a kicked student rejoined at once with the same nickname and played on. Now a
 * kick is out for the session: the seat token, the nickname and the browser are refused with a clear
 * code, and only the teacher can undo it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KICKED_CLOSE_CODE } from "../../shared/protocol/codes";
import { boot, Cast, errorCode, expectOk, hostSession, joinFails, layout, startRound, waitFor, type Player } from "./harness";

const ANN_DEVICE = "ann-phone-abcdefghijklmnop";
let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let code = "";
let host: Player;
let ann: Player;
let bob: Player;

beforeAll(async () => {
  app = await boot();
  ({ code, host } = await hostSession(app.url, cast));
  expectOk(await host.host({ type: "configure", tickRate: 4 }));
  ann = await cast.join(app.url, code, { nickname: "Ann", device: ANN_DEVICE });
  bob = await cast.join(app.url, code, { nickname: "Bob" });
  expectOk(await ann.chooseTeam(0));
  expectOk(await bob.chooseTeam(0));
  await startRound(host, [ann, bob]);
  expectOk(await ann.command({ type: "buyServer", model: "small" }));
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

describe("a kick is out for the session (finding 3)", () => {
  it("the kicked student is told and cannot come back by seat token, nickname, browser or reconnection token", async () => {
    const reconnectionToken = ann.room.reconnectionToken;
    const alpha = await waitFor(() => host.dc(0)?.servers.length === 3 && layout(host.dc(0)));
    expectOk(await host.host({ type: "kick", seat: ann.welcome.seat }));
    await waitFor(() => ann.kicked.length > 0 && ann.leftWith !== undefined);
    expect(ann.kicked[0]).toEqual({ reason: "kicked" });
    expect(ann.leftWith).toBe(KICKED_CLOSE_CODE);

    // Each way back is refused with `kicked` (the client shows "the teacher removed you").
    expect(await joinFails(app.url, code, { nickname: "Ann" })).toBe("kicked");
    expect(await joinFails(app.url, code, { nickname: "  ann " })).toBe("kicked");
    expect(await joinFails(app.url, code, { seatToken: ann.welcome.seatToken })).toBe("kicked");
    expect(await joinFails(app.url, code, { seatToken: ann.welcome.seatToken, nickname: "Anna" })).toBe("kicked");
    expect(await joinFails(app.url, code, { nickname: "Hannah", device: ANN_DEVICE })).toBe("kicked");
    await expect(ann.client.reconnect(reconnectionToken)).rejects.toThrow();

    // The teacher sees who was kicked; the team and its datacenter are as they were.
    await waitFor(() => host.bans.at(-1)?.bans.length === 1);
    expect(host.bans.at(-1)!.bans[0]).toMatchObject({ seat: ann.welcome.seat, nickname: "Ann", team: 0 });
    expect(layout(host.dc(0))).toBe(alpha);
    expect(bob.connected).toBe(true);
    expectOk(await bob.command({ type: "buyServer", model: "small" }));
  });

  it("the teacher can undo it: the seat comes back with its team, and its token works again", async () => {
    expect(errorCode(await host.host({ type: "unkick", seat: 999 }))).toBe("not_kicked");
    expectOk(await host.host({ type: "unkick", seat: ann.welcome.seat }));
    await waitFor(() => host.bans.at(-1)?.bans.length === 0);
    const back = await cast.join(app.url, code, { seatToken: ann.welcome.seatToken });
    expect(back.welcome).toMatchObject({ seat: ann.welcome.seat, nickname: "Ann", team: 0 });
    await waitFor(() => back.dc(0));
    expectOk(await back.command({ type: "buyServer", model: "small" }));
    // A kick again bans again.
    expectOk(await host.host({ type: "kick", seat: ann.welcome.seat }));
    await waitFor(() => back.leftWith === KICKED_CLOSE_CODE);
    expect(await joinFails(app.url, code, { nickname: "Ann" })).toBe("kicked");
  });
});
