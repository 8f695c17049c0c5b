/**
 * Issue 12, finding 1: anyone with the room code could lock the room. 220 unauthenticated seat
 * reservations (POST /matchmake/joinById/CODE, no socket opened) filled Colyseus's maxClients, so for
 * 15 s new students, reloading students and the teacher's second screen were told the room was
 * locked. Now reservations hold no seat, are rationed per address, and expire fast.
 */
import { Client } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/protocol/limits";
import { boot, Cast, expectOk, hostSession, reserve, serverRoom, sleep, startRound, takeTeam, waitFor, type Player } from "./harness";

/** The attacker's laptop, as the proxy in front of the server reports it. */
const ATTACKER = "203.0.113.66";
let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let code = "";
let hostSecret = "";
let host: Player;
let ann: Player;

/** Reservations for new seats waiting for their socket (not the reconnection windows of dropped students). */
const pendingReservations = () => Object.values((serverRoom(code) as unknown as { reservedSeats: Record<string, unknown[]> }).reservedSeats)
  .filter((r) => r[3] !== true).length;

beforeAll(async () => {
  app = await boot(undefined, { trustProxy: "loopback" });
  ({ code, hostSecret, host } = await hostSession(app.url, cast));
  expectOk(await host.host({ type: "configure", tickRate: 4 }));
  ann = await cast.join(app.url, code, { nickname: "Ann" });
  expectOk(await ann.chooseTeam(0));
  await startRound(host, [ann]);
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

describe("seat reservations cannot lock a room (finding 1)", () => {
  it("220 reservations in a burst: the address is cut off after its allowance, and nobody else is locked out", async () => {
    const answers = await Promise.all(Array.from({ length: 220 }, () => reserve(app.url, code, { nickname: "x" }, ATTACKER)));
    const reserved = answers.filter((a) => a.status === 200 && a.body.sessionId).length;
    const refused = answers.filter((a) => a.status === 429);
    expect(reserved).toBe(120);
    expect(refused).toHaveLength(100);
    expect(JSON.parse(refused[0].body.error!)).toMatchObject({ code: "too_many_joins", params: { perMinute: 120 } });
    expect(pendingReservations()).toBeGreaterThanOrEqual(100);

    // While those reservations stand: new students, a reloading student and the teacher's second screen get in.
    const newcomers = await Promise.all(Array.from({ length: 10 }, (_, i) => cast.join(app.url, code, { nickname: `New${i}` })));
    expect(newcomers.every((p) => p.welcome.role === "student")).toBe(true);
    await ann.drop();
    const annBack = await cast.join(app.url, code, { seatToken: ann.welcome.seatToken });
    expect(annBack.welcome).toMatchObject({ seat: ann.welcome.seat, team: 0 });
    const projector = await cast.join(app.url, code, { hostSecret });
    expect(projector.welcome.role).toBe("host");
    // Everyone is in the one room, playing: nothing was lost.
    expect(host.state.phase).toBe("playing");
    // The teacher's view hears of the last arrivals a patch later: wait for it rather than read it at once.
    await expect.poll(() => [...host.state.seats.values()].filter((s) => s.role === "student" && s.connected).length).toBe(11);
  });

  it("a 30-a-second loop of reservations keeps no student out", async () => {
    let stop = false;
    let sent = 0;
    const loop = (async () => {
      while (!stop) {
        void reserve(app.url, code, { nickname: "y" }, "203.0.113.67");
        sent++;
        await sleep(33);
      }
    })();
    const joined: Player[] = [];
    for (let i = 0; i < 10; i++) {
      joined.push(await cast.join(app.url, code, { nickname: `Loop${i}` }));
      await sleep(100);
    }
    stop = true;
    await loop;
    expect(sent).toBeGreaterThan(20);
    expect(joined).toHaveLength(10);
    for (const p of joined) await takeTeam(p, 1, host);
  });

  it("reservations that are never used expire within seconds, and a stale one cannot be redeemed", async () => {
    const { body } = await reserve(app.url, code, { nickname: "late" }, "203.0.113.68");
    expect(body.sessionId).toBeTruthy();
    await waitFor(() => pendingReservations() === 0, (LIMITS.seatReservationSeconds + 4) * 1000);
    expect(serverRoom(code).session.roster.nicknameTaken("late")).toBe(false);
    const sdk = new Client(app.url.replace("http", "ws"));
    await expect(sdk.consumeSeatReservation(body as never)).rejects.toThrow(/seat reservation expired/);
  }, 20_000);

  it("the teacher always gets in: the room locked and at its cap", async () => {
    const students = serverRoom(code).session.roster.studentCount();
    expectOk(await host.host({ type: "setCap", maxStudents: students }));
    expectOk(await host.host({ type: "lock" }));
    const another = await cast.join(app.url, code, { hostSecret });
    expect(another.welcome).toMatchObject({ seat: 0, role: "host" });
    expectOk(await another.host({ type: "unlock" }));
  });
});
