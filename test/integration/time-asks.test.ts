/**
 * Issue 21 (WCAG 2.2.1), over real sockets: a student asks the teacher for more time with one
 * message (`time`); the teacher sees the request on the seat, gives extra time (which settles it)
 * or turns it down; a student asks at most once a minute; only a student with a team, mid-round,
 * outside a practice room, and not while they already have extra time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/protocol/limits";
import { C2S, type ResultMessage } from "../../shared/protocol/messages";
import { boot, Cast, errorCode, expectOk, hostSession, takeTeam, waitFor, type Player } from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let host: Player;
let ann: Player;
let bo: Player;
let cai: Player;

let nextId = 50_000;
/** Asks for more time as the client does: one `time` message with a request id. */
async function askTime(p: Player): Promise<ResultMessage> {
  const id = nextId++;
  p.send(C2S.askTime, { id });
  return waitFor(() => p.results.get(id));
}
const asking = (p: Player, seat: Player) => p.state.seats.get(String(seat.welcome.seat))?.asksTime;

beforeAll(async () => {
  app = await boot();
  let code: string;
  ({ code, host } = await hostSession(app.url, cast));
  ann = await cast.join(app.url, code, { nickname: "Ann" });
  bo = await cast.join(app.url, code, { nickname: "Bo" });
  cai = await cast.join(app.url, code, { nickname: "Cai" });
  await takeTeam(ann, 0, host);
  await takeTeam(bo, 1, host);
  expectOk(await host.host({ type: "configure", tickRate: 0.5, countdown: false }));
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

describe("a student asks for more time", () => {
  it("only mid-round, with a team, and only students", async () => {
    expect(errorCode(await askTime(ann))).toBe("not_playing");
    expectOk(await host.host({ type: "start" }));
    expectOk(await host.host({ type: "start" }));
    await waitFor(() => ann.state.phase === "playing");
    expect(errorCode(await askTime(cai))).toBe("no_team");
    expect(errorCode(await askTime(host))).toBe("not_host");
    // Nothing but the request id: anything more is refused before it is read.
    ann.send(C2S.askTime, { id: 7, seconds: 600 });
    expect((await ann.nextError()).error.code).toBe("bad_message");
  });

  it("the teacher sees the request; a second one within a minute is refused; the teacher turns it down", async () => {
    expectOk(await askTime(ann));
    await waitFor(() => asking(host, ann));
    // The student sees their own request waiting too (a reload shows it).
    await waitFor(() => asking(ann, ann));
    const again = await askTime(ann);
    expect(errorCode(again)).toBe("too_soon");
    const wait = (again as Extract<ResultMessage, { ok: false }>).error.params.seconds as number;
    expect(wait).toBeGreaterThan(LIMITS.askTimeEverySeconds - 10);
    expect(wait).toBeLessThanOrEqual(LIMITS.askTimeEverySeconds);
    expectOk(await host.host({ type: "declineTime", seat: ann.welcome.seat }));
    await waitFor(() => asking(host, ann) === false);
    expect(errorCode(await host.host({ type: "declineTime", seat: ann.welcome.seat }))).toBe("not_asking");
    // Turned down, still once a minute: asking is not a way round the limit.
    expect(errorCode(await askTime(ann))).toBe("too_soon");
  });

  it("extra time for the student's team answers the request; while they have it they cannot ask", async () => {
    expectOk(await askTime(bo));
    await waitFor(() => asking(host, bo));
    expectOk(await host.host({ type: "freeze", teams: [1], seconds: 30 }));
    await waitFor(() => host.state.phase === "frozen" && asking(host, bo) === false);
    expect(errorCode(await askTime(bo))).toBe("has_extra_time");
    expectOk(await host.host({ type: "resume" }));
    await waitFor(() => host.state.phase === "playing");
  });

  it("the round's end settles every request", async () => {
    expectOk(await askTime(cai).then(() => host.host({ type: "move", seat: cai.welcome.seat, team: 0 })));
    await waitFor(() => host.state.seats.get(String(cai.welcome.seat))?.team === 0);
    expectOk(await askTime(cai));
    await waitFor(() => asking(host, cai));
    await waitFor(() => host.state.tick >= 1);
    expectOk(await host.host({ type: "endRound" }));
    await waitFor(() => host.state.phase === "over" && asking(host, cai) === false);
    expect(errorCode(await askTime(cai))).toBe("not_playing");
  });
});
