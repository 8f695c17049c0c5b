import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_DEFAULTS } from "../../shared/protocol/tuning";
import { boot, Cast, decodeErrors, expectOk, hostSession, serverRoom, startRound, waitFor, type Player } from "./harness";

/**
 * A full default class (60 students) all acting in the same tick. Each client gets its own view
 * of the patch, so one tick's encoding grows with the class: when it outgrew schema's encode
 * buffer, the resize corrupted the patches and students' datacenters drifted from the server's.
 */
const STUDENTS = SESSION_DEFAULTS.maxStudents;
let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let code = "";
let host: Player;
const students: Player[] = [];

beforeAll(async () => {
  app = await boot();
  const s = await hostSession(app.url, cast);
  ({ code, host } = s);
  expectOk(await host.host({ type: "configure", tickRate: 4, budget: 100_000_000 }));
  for (let batch = 0; batch < STUDENTS; batch += 20) {
    students.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => cast.join(app.url, code, { nickname: `P${batch + i}` })))));
  }
  expectOk(await host.host({ type: "autoBalance" }));
  await startRound(host, students);
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

const teamOf = (p: Player) => host.state.seats.get(String(p.welcome.seat))!.team;

describe("a full class acting at once", () => {
  it("every student's datacenter matches the server's after a burst of commands", async () => {
    // The round opens and everyone clicks at once: two servers each, in the same tick.
    const bought = await Promise.all(students.flatMap((p) => [0, 1].map(() => p.command({ type: "buyServer", model: "small" }))));
    expect(bought.every((r) => r.ok)).toBe(true);
    await Promise.all(students.map(async (p) => {
      const server = p.dc(teamOf(p))!.servers.find((s) => s.layer === "");
      if (server) await p.command({ type: "installLayer", server: server.id, layer: "container-host" });
    }));
    expectOk(await host.host({ type: "pause" }));
    await waitFor(() => students.every((p) => p.state.phase === "paused"));
    const truth = serverRoom(code).state.datacenters;
    const json = (x: unknown) => JSON.stringify(x);
    // Patches may still be in flight right after the pause: wait for them, then demand equality.
    await waitFor(() => students.every((p) => json(p.dc(teamOf(p))?.toJSON()) === json(truth[teamOf(p)].toJSON())), 5000).catch(() => undefined);
    for (const p of students) {
      expect(json(p.dc(teamOf(p))?.toJSON()), `seat ${p.welcome.seat}`).toBe(json(truth[teamOf(p)].toJSON()));
      expect(p.state.datacenters.length).toBe(1);
    }
    for (let t = 0; t < 4; t++) expect(json(host.dc(t)?.toJSON())).toBe(json(truth[t].toJSON()));
    expect(decodeErrors).toEqual([]);
  });
});
