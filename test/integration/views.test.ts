/**
 * Shared state views: every connection of a team shares one StateView (Colyseus encodes a patch
 * once per view), the teacher has one of their own, and a student who changes team is shown the
 * new team's datacenter and feed, and no longer the old one's, before joining the new team's view.
 */
import type { StateView } from "@colyseus/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot, Cast, expectOk, hostSession, layout, serverRoom, startRound, waitFor, type Player } from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let code = "";
let host: Player;
let students: Player[] = [];

beforeAll(async () => {
  app = await boot();
  ({ code, host } = await hostSession(app.url, cast));
  students = await Promise.all(Array.from({ length: 12 }, (_, i) => cast.join(app.url, code, { nickname: `S${i + 1}` })));
  await Promise.all(students.map((s, i) => s.chooseTeam(i % 4).then(expectOk)));
  expectOk(await host.host({ type: "configure", tickRate: 4 }));
  await startRound(host, students);
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

/** The server-side view of each connection, by seat. */
function views(): Map<number, StateView> {
  const room = serverRoom(code);
  return new Map(room.clients.map((c) => [(c.userData as { seat: number }).seat, c.view as StateView]));
}

describe("shared state views", () => {
  it("a class of 12 in 4 teams and its teacher are encoded as 5 views, each team's members sharing one", async () => {
    await waitFor(() => new Set(views().values()).size === 5);
    const v = views();
    for (let t = 0; t < 4; t++) {
      const team = students.filter((_, i) => i % 4 === t).map((s) => v.get(s.welcome.seat));
      expect(new Set(team).size).toBe(1);
    }
    expect(v.get(host.welcome.seat)).not.toBe(v.get(students[0].welcome.seat));
    // Each sees its own team's datacenter only; the teacher sees all four.
    for (const [i, s] of students.entries()) {
      await waitFor(() => s.dc(i % 4)?.servers.length);
      expect([0, 1, 2, 3].filter((t) => s.dc(t) !== undefined)).toEqual([i % 4]);
    }
    expect([0, 1, 2, 3].every((t) => host.dc(t) !== undefined)).toBe(true);
  });

  it("a student moved by the teacher sees the new team's datacenter, not the old one's, then shares the new team's view", async () => {
    const mover = students[0];
    const stay = students[4];
    const server = (await waitFor(() => mover.dc(0)?.servers[0])).id;
    expectOk(await mover.command({ type: "installLayer", server, layer: "container-host" }));
    expectOk(await host.host({ type: "move", seat: mover.welcome.seat, team: 1 }));
    await waitFor(() => mover.dc(0) === undefined && mover.dc(1) !== undefined);
    await waitFor(() => layout(mover.dc(1)) === layout(host.dc(1)));
    // Its old teammates are untouched.
    expect(layout(stay.dc(0))).toBe(layout(host.dc(0)));
    await waitFor(() => views().get(mover.welcome.seat) === views().get(students[1].welcome.seat));
    expect(new Set(views().values()).size).toBe(5);
    // And it keeps up with its new team from then on.
    const bravo = (await waitFor(() => students[1].dc(1)?.servers[0])).id;
    expectOk(await students[1].command({ type: "installLayer", server: bravo, layer: "bare-linux" }));
    await waitFor(() => mover.dc(1)?.servers.find((s) => s.id === bravo)?.layer === "bare-linux");
    expect(layout(mover.dc(1))).toBe(layout(host.dc(1)));
  });
});
