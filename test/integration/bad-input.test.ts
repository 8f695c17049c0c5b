import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/protocol/limits";
import { C2S } from "../../shared/protocol/messages";
import { boot, Cast, commandFeed, serverFeed, expectOk, hostSession, layout, startRound, waitFor, type Player } from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
const cast = new Cast();
let host: Player;
let ann: Player; // Alpha
let bob: Player; // Bravo
let code = "";
let ours = "";
let theirs = "";

beforeAll(async () => {
  app = await boot();
  const s = await hostSession(app.url, cast);
  code = s.code;
  host = s.host;
  expectOk(await host.host({ type: "configure", tickRate: 4 }));
  ann = await cast.join(app.url, s.code, { nickname: "Ann" });
  bob = await cast.join(app.url, s.code, { nickname: "Bob" });
  expectOk(await ann.chooseTeam(0));
  expectOk(await bob.chooseTeam(1));
  await startRound(host, [ann, bob]);
  ours = (await waitFor(() => ann.dc(0)?.servers[0])).id;
  theirs = (await waitFor(() => bob.dc(1)?.servers[0])).id;
});

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
});

/** What a refused message must not have changed, checked once a tick has gone by. */
let before: { alpha: string; bravo: string; feeds: number; phase: string; tickRate: number };

beforeEach(() => {
  before = {
    alpha: layout(host.dc(0)), bravo: layout(host.dc(1)),
    feeds: commandFeed(serverFeed(code, 0)).length + commandFeed(serverFeed(code, 1)).length,
    phase: host.state.phase, tickRate: host.state.config.tickRate,
  };
});

async function expectNothingChangedAndStillConnected(p: Player): Promise<void> {
  const tick = host.state.tick;
  await waitFor(() => host.state.tick > tick + 1);
  expect(layout(host.dc(0))).toBe(before.alpha);
  expect(layout(host.dc(1))).toBe(before.bravo);
  expect(commandFeed(serverFeed(code, 0)).length + commandFeed(serverFeed(code, 1)).length).toBe(before.feeds);
  expect(host.state.phase).toBe(before.phase);
  expect(host.state.config.tickRate).toBe(before.tickRate);
  // Still connected, still heard: choosing one's own team again is a harmless request.
  expect(p.connected).toBe(true);
  const team = p === host ? undefined : p === ann ? 0 : 1;
  if (team === undefined) {
    expectOk(await p.host({ type: "lock" }));
    expectOk(await p.host({ type: "unlock" }));
  } else {
    expectOk(await p.chooseTeam(team));
  }
  expect(p.state.seats.get(String(p.welcome.seat))!.connected).toBe(true);
}

describe("bad input", () => {
  it("an unknown message type is answered with unknown_message", async () => {
    // "__proto__" and "constructor" once reached Object.prototype inside Colyseus and killed the server.
    for (const type of ["nonsense", "cmd2", "CMD", "__proto__", "constructor", "toString", "hasOwnProperty"]) {
      ann.send(type, { id: 1, command: { type: "buyServer", model: "small" } });
      const e = await ann.nextError();
      expect(e).toMatchObject({ type, error: { code: "unknown_message", params: { type } } });
    }
    await expectNothingChangedAndStillConnected(ann);
  });

  it("wrong types and unknown fields in a message are answered with bad_message", async () => {
    const command = { type: "installLayer", server: ours, layer: "container-host" };
    const cases: [Player, string, unknown, string][] = [
      [ann, C2S.command, { id: "1", command }, "id"],
      [ann, C2S.command, { id: -1, command }, "id"],
      [ann, C2S.command, { id: 1.5, command }, "id"],
      [ann, C2S.command, { id: 1, command, sudo: true }, ""],
      [ann, C2S.command, "installLayer", ""],
      [ann, C2S.command, undefined, ""],
      [ann, C2S.command, [1, command], ""],
      [ann, C2S.chooseTeam, { id: 1, team: "1" }, "team"],
      [ann, C2S.chooseTeam, { id: 1, team: 99 }, "team"],
      [ann, C2S.chooseTeam, { id: 1, team: 1, force: true }, ""],
      [host, C2S.host, { id: 1, action: { type: "nuke" } }, "action.type"],
      [host, C2S.host, { id: 1, action: { type: "pause", now: true } }, "action"],
      [host, C2S.host, { id: 1, action: { type: "configure", tickRate: 100 } }, "action.tickRate"],
      [host, C2S.host, { id: 1, action: { type: "kick", seat: "1" } }, "action.seat"],
      [host, C2S.host, { id: 1, action: { type: "message", text: "x".repeat(LIMITS.messageMax + 1), team: null } }, "action.text"],
    ];
    for (const [p, type, message, path] of cases) {
      p.send(type, message);
      const e = await p.nextError();
      expect(e, JSON.stringify(message)).toMatchObject({ type, error: { code: "bad_message", params: { path } } });
    }
    await expectNothingChangedAndStillConnected(ann);
    await expectNothingChangedAndStillConnected(host);
    expect(ann.notices).toEqual([]);
  });

  it("a payload over 2 KB of JSON is refused unread with payload_too_large", async () => {
    const pad = "x".repeat(LIMITS.payloadMaxBytes);
    // Even a command that would otherwise be valid: the size is checked first.
    ann.send(C2S.command, { id: 1, command: { type: "installLayer", server: ours, layer: "container-host", note: pad } });
    expect(await ann.nextError()).toMatchObject({ type: C2S.command, error: { code: "payload_too_large", params: { max: LIMITS.payloadMaxBytes } } });
    ann.send(C2S.chooseTeam, { id: 2, team: 0, pad: "y".repeat(30_000) });
    expect(await ann.nextError()).toMatchObject({ type: C2S.chooseTeam, error: { code: "payload_too_large" } });
    host.send(C2S.host, { id: 3, action: { type: "message", text: "hi", team: null }, pad });
    expect(await host.nextError()).toMatchObject({ type: C2S.host, error: { code: "payload_too_large" } });
    await expectNothingChangedAndStillConnected(ann);
    await expectNothingChangedAndStillConnected(host);
    expect(bob.notices).toEqual([]);
  });

  it("malformed engine commands are answered with bad_command when the tick reads them", async () => {
    const bad: unknown[] = [
      { type: "nuke" },
      { type: "deploy", target: ours },
      { type: "buyServer", model: "mainframe" },
      { type: "installLayer", server: ours, layer: "container-host", extra: 1 },
      { type: "installLayer", server: "server-1", layer: "container-host" },
      { type: "createVm", server: ours, os: "linux", mode: "full", vcpus: 1000, mem: 4096 },
      { type: "deploy", target: ours, app: "web", cpu: -5 },
      "buyServer",
      42,
      null,
      [],
    ];
    const results = await Promise.all(bad.map((command) => ann.command(command)));
    results.forEach((r, i) => expect(r, JSON.stringify(bad[i])).toMatchObject({ ok: false, error: { code: "bad_command" } }));
    await expectNothingChangedAndStillConnected(ann);
  });

  it("object ids that are not the team's are refused by the engine", async () => {
    const results = await Promise.all([
      ann.command({ type: "installLayer", server: theirs, layer: "container-host" }),
      ann.command({ type: "sellServer", server: theirs }),
      ann.command({ type: "installLayer", server: "s999", layer: "container-host" }),
      ann.command({ type: "remove", instance: "i999" }),
    ]);
    expect(results.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["foreign_object", "foreign_object", "unknown_object", "unknown_object"]);
    await expectNothingChangedAndStillConnected(ann);
  });

  it("after all that, the round still plays for everyone", async () => {
    expectOk(await ann.command({ type: "installLayer", server: ours, layer: "container-host" }));
    expectOk(await bob.command({ type: "installLayer", server: theirs, layer: "bare-linux" }));
    await waitFor(() => ann.dc(0)!.servers[0].layer === "container-host" && bob.dc(1)!.servers[0].layer === "bare-linux");
    expect(host.state.phase).toBe("playing");
  });
});
