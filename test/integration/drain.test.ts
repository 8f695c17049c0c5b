/**
 * A rolling restart: two server processes share Redis and PostgreSQL; one is sent SIGTERM while it
 * holds three classes. It takes no new rooms, tells the players of running rounds their class will
 * move, moves a class between rounds at once, a class whose round ends as soon as it ends, and a
 * class still playing at the deadline; each is rebuilt on the other process, its players are put
 * back in their seats, and the process exits by itself.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MatchLogFile } from "../../shared/log/format";
import { SERVER_RESTART_CLOSE_CODE } from "../../shared/protocol/codes";
import { Cast, createSession, expectOk, sessionStatus, startRound, waitFor, waitUntil, type Player } from "./harness";
import { listing, ROOT, startCluster, type GameProcess, type TestCluster } from "./cluster";

/** Running rounds may go on this long after SIGTERM before their class is moved anyway. */
const DRAIN_S = 10;
let cluster: TestCluster;
const cast = new Cast();
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(joinPath(tmpdir(), "spikeday-drain-"));
  cluster = await startCluster(2, { DRAIN_TIMEOUT_S: String(DRAIN_S) });
}, 120_000);

afterAll(async () => {
  await Promise.all(cast.players.map((p) => p.leave().catch(() => {})));
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Class { code: string; hostSecret: string; host: Player; ann: Player }

async function holderOf(code: string): Promise<GameProcess | undefined> {
  const held = await listing(cluster.redisClient, code);
  return cluster.procs.find((p) => p.address === held?.publicAddress);
}

/** Sessions are placed by Colyseus; make them until three sit on `on`. */
async function classesOn(on: GameProcess, other: GameProcess): Promise<Class[]> {
  const classes: Class[] = [];
  for (let i = 0; classes.length < 3 && i < 20; i++) {
    const { code, hostSecret } = await createSession(other.url);
    if ((await holderOf(code)) !== on) continue;
    const host = await cast.join(other.url, code, { hostSecret });
    const ann = await cast.join(other.url, code, { nickname: "Ann" });
    expectOk(await ann.chooseTeam(0));
    classes.push({ code, hostSecret, host, ann });
  }
  expect(classes).toHaveLength(3);
  return classes;
}

/** After its room moved: the teacher and Ann back through `via`, in the same seats. */
async function rejoin(c: Class, via: GameProcess): Promise<{ host: Player; ann: Player }> {
  const host = await cast.join(via.url, c.code, { hostSecret: c.hostSecret });
  const ann = await cast.join(via.url, c.code, { seatToken: c.ann.welcome.seatToken });
  expect(ann.welcome).toMatchObject({ seat: c.ann.welcome.seat, nickname: "Ann", team: 0 });
  return { host, ann };
}

describe("graceful drain (SIGTERM) for a rolling restart", () => {
  it("takes no new rooms, lets rounds finish or moves them at the deadline, tells its players, and exits", async () => {
    const [a, b] = cluster.procs;
    const [lobby, finishing, playing] = await classesOn(a, b);
    for (const c of [finishing, playing]) {
      expectOk(await c.host.host({ type: "configure", tickRate: 4 }));
      await startRound(c.host, [c.ann]);
      const server = (await waitFor(() => c.ann.dc(0)?.servers[0])).id;
      expectOk(await c.ann.command({ type: "installLayer", server, layer: "container-host" }));
    }
    await waitFor(() => playing.host.state.tick >= 8, 20_000);

    const exited = a.exited();
    a.signal("SIGTERM");

    // The class between rounds moves at once: told the server is restarting, rebuilt on B.
    await waitFor(() => lobby.ann.leftWith === SERVER_RESTART_CLOSE_CODE && lobby.host.leftWith === SERVER_RESTART_CLOSE_CODE, 10_000);
    await waitUntil(async () => (await holderOf(lobby.code)) === b, 10_000);
    const lobby2 = await rejoin(lobby, a.running ? a : b);
    expect(lobby2.host.state.phase).toBe("lobby");

    // The classes playing are told they will move, and go on playing on A meanwhile.
    for (const c of [finishing, playing]) {
      await waitFor(() => c.ann.moving[0] && c.host.moving[0]);
      expect(c.ann.moving[0]).toEqual({ reason: "server_draining", withinSeconds: expect.any(Number) });
      expect(c.ann.moving[0].withinSeconds).toBeLessThanOrEqual(DRAIN_S);
      expect(c.ann.connected).toBe(true);
    }
    const tickAtSigterm = playing.host.state.tick;
    await waitFor(() => playing.host.state.tick >= tickAtSigterm + 4, 10_000);
    expect((await a.health()).draining).toBe(true);
    // A draining process takes no new rooms, even when asked through it.
    const fresh = await createSession(a.url);
    expect(await holderOf(fresh.code)).toBe(b);

    // The teacher ends a round: that class moves as soon as it is over, its debrief kept.
    expectOk(await finishing.host.host({ type: "endRound" }));
    await waitFor(() => finishing.host.leftWith === SERVER_RESTART_CLOSE_CODE, 10_000);
    await waitUntil(async () => (await holderOf(finishing.code)) === b, 10_000);
    const finishing2 = await rejoin(finishing, b);
    await waitFor(() => finishing2.host.state.phase === "over");
    await waitFor(() => finishing2.host.debriefs.at(-1)?.reports.length === 1);
    // The moved room shows the round as it ended (clock, scores), not an empty board beside its debrief.
    const report = finishing2.host.debriefs.at(-1)!.reports[0];
    await waitFor(() => finishing2.host.state.round.scenario === "exam-morning" && finishing2.host.state.tick > 0);
    expect(finishing2.host.state.teams.map((t) => t.score)).toEqual(report.results.map((r) => r.score));
    expect(finishing2.host.state.teams.map((t) => t.availability)).toEqual(report.results.map((r) => r.availability));

    // The round still playing at the deadline moves anyway, paused where it stood.
    await waitFor(() => playing.host.leftWith === SERVER_RESTART_CLOSE_CODE, (DRAIN_S + 10) * 1000);
    const stoppedAt = playing.host.state.tick;
    await waitUntil(async () => (await holderOf(playing.code)) === b, 10_000);
    expect((await sessionStatus(b.url, playing.code)).phase).toBe("paused");
    const playing2 = await rejoin(playing, b);
    await waitFor(() => playing2.host.state.phase === "paused");
    expect(playing2.host.state.tick).toBeGreaterThanOrEqual(stoppedAt - 1);

    // With every class moved, the process exits by itself, cleanly.
    expect(await exited).toBe(0);

    // The moved round plays on to its end on B, and its log (across both processes) verifies.
    expectOk(await playing2.host.host({ type: "resume" }));
    const resumedAt = playing2.host.state.tick;
    await waitFor(() => playing2.host.state.tick >= resumedAt + 4, 10_000);
    expectOk(await playing2.host.host({ type: "endRound" }));
    await waitFor(() => playing2.host.state.phase === "over");
    const history = (await (await fetch(`${b.url}/api/sessions/${playing.code}/history`, { headers: { "x-host-secret": playing.hostSecret } })).json()) as { rounds: { id: string }[] };
    const log = (await (await fetch(`${b.url}/api/rounds/${history.rounds[0].id}/log`, { headers: { "x-host-secret": playing.hostSecret } })).json()) as MatchLogFile;
    expect(log.entries.some((e) => e.type === "stop")).toBe(true);
    const file = joinPath(dir, "moved.json");
    writeFileSync(file, JSON.stringify(log));
    const verify = spawnSync(process.execPath, ["--import", "tsx", "server/cli/replay.ts", "verify", file], { cwd: ROOT, encoding: "utf8" });
    expect(verify.stdout).toMatch(/^ok: every hash and result matched/m);
    expect(verify.status).toBe(0);
  }, 150_000);
});
