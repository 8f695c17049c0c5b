/**
 * Crash recovery with a real process kill: the server is killed with SIGKILL mid-round, started
 * again on the same data folder, and the teacher resumes the session; the round is rebuilt by
 * replaying its log, and students take their seats back with the same code.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLog } from "../../shared/log/parse";
import { verifyLog } from "../../shared/log/verify";
import { freePort } from "../../server/cluster/daemons";
import { Cast, expectOk, join, layout, sessionStatus, startRound, waitFor, waitUntil } from "./harness";

/** Found free when the file starts: the server is started again on the same port, where its clients reconnect. */
let PORT = 0;
let BASE = "";
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let dir: string;
let server: ChildProcess | null = null;
const cast = new Cast();

async function startServer(): Promise<void> {
  server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT, env: { ...process.env, PORT: String(PORT), DATA_DIR: dir }, stdio: ["ignore", "ignore", "inherit"],
  });
  await waitUntil(async () => {
    try {
      return (await fetch(`${BASE}/health`)).ok;
    } catch {
      return false;
    }
  }, 30_000);
}

function kill9(): Promise<void> {
  return new Promise((done) => {
    server!.once("exit", () => done());
    server!.kill("SIGKILL");
  });
}

beforeAll(async () => {
  PORT = await freePort();
  BASE = `http://localhost:${PORT}`;
  dir = mkdtempSync(joinPath(tmpdir(), "spikeday-crash-"));
  await startServer();
}, 60_000);

afterAll(async () => {
  await Promise.all(cast.players.map((p) => p.leave().catch(() => {})));
  server?.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("crash recovery", () => {
  it("a round killed with SIGKILL is resumed by the teacher from its log, and students get their seats back", async () => {
    const created = await (await fetch(`${BASE}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).json() as { code: string; hostSecret: string };
    const { code, hostSecret } = created;
    const host = await cast.join(BASE, code, { hostSecret });
    const ann = await cast.join(BASE, code, { nickname: "Ann" });
    const bo = await cast.join(BASE, code, { nickname: "Bo" });
    expectOk(await ann.chooseTeam(0));
    expectOk(await bo.chooseTeam(1));
    expectOk(await host.host({ type: "configure", tickRate: 4 }));
    expectOk(await host.host({ type: "setBot", team: 2, bot: "containers-autoscale" }));
    await startRound(host, [ann, bo]);
    const s1 = (await waitFor(() => ann.dc(0)?.servers[0])).id;
    expectOk(await ann.command({ type: "installLayer", server: s1, layer: "container-host" }));
    expectOk(await ann.command({ type: "deploy", target: s1, app: "web" }));
    const s3 = (await waitFor(() => bo.dc(1)?.servers[0])).id;
    expectOk(await bo.command({ type: "installLayer", server: s3, layer: "bare-linux" }));
    await waitFor(() => host.state.tick >= 66, 40_000);
    const seenTick = host.state.tick;
    const alphaBefore = layout(host.dc(0));
    const bravoBefore = layout(host.dc(1));
    const annToken = ann.welcome.seatToken;
    const boToken = bo.welcome.seatToken;

    await kill9();
    cast.players.splice(0);
    await startServer();

    // The session is known, its room is not: it is waiting for the teacher.
    expect((await sessionStatus(BASE, code)).status).toBe("interrupted");
    const history = await (await fetch(`${BASE}/api/sessions/${code}/history`, { headers: { "x-host-secret": hostSecret } })).json() as { live: boolean; rounds: { id: string; status: string; lastTick: number }[] };
    expect(history.live).toBe(false);
    expect(history.rounds).toHaveLength(1);
    expect(history.rounds[0].status).toBe("running");
    expect(history.rounds[0].lastTick).toBeGreaterThanOrEqual(seenTick);
    expect((await fetch(`${BASE}/api/sessions/${code}/resume`, { method: "POST", headers: { "x-host-secret": "wrong".repeat(6) } })).status).toBe(403);
    const resumed = await fetch(`${BASE}/api/sessions/${code}/resume`, { method: "POST", headers: { "x-host-secret": hostSecret } });
    expect(await resumed.json()).toEqual({ code, resumed: true });

    // The teacher is back; the round stands paused where the log left it (at most the tick in progress lost).
    const host2 = await cast.join(BASE, code, { hostSecret });
    await waitFor(() => host2.state.phase === "paused");
    expect(host2.state.tick).toBeGreaterThanOrEqual(seenTick);
    await waitFor(() => layout(host2.dc(0)) === alphaBefore && layout(host2.dc(1)) === bravoBefore);
    expect(host2.state.teams[2].bot).toBe("containers-autoscale");

    // Students come back with the same code and their seat tokens: same seat, same team.
    const ann2 = await cast.join(BASE, code, { seatToken: annToken });
    const bo2 = await cast.join(BASE, code, { seatToken: boToken });
    expect(ann2.welcome).toMatchObject({ seat: ann.welcome.seat, nickname: "Ann", team: 0 });
    expect(bo2.welcome).toMatchObject({ seat: bo.welcome.seat, nickname: "Bo", team: 1 });
    expect(await join(BASE, code, { nickname: "ann" }).then(() => "joined", (e: { message?: string }) => e.message ?? "")).toMatch(/nickname_taken/);

    // The round goes on and the log stays one consistent story.
    expectOk(await host2.host({ type: "resume" }));
    await waitFor(() => host2.state.tick >= seenTick + 8, 20_000);
    expectOk(await ann2.command({ type: "deploy", target: s1, app: "grades" }));
    await waitFor(() => host2.state.tick >= seenTick + 12, 20_000);
    expectOk(await host2.host({ type: "endRound" }));
    await waitFor(() => host2.state.phase === "over");
    const text = await (await fetch(`${BASE}/api/rounds/${history.rounds[0].id}/log`, { headers: { "x-host-secret": hostSecret } })).text();
    const parsed = parseLog(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const { ok, finalHash, replayer } = verifyLog(parsed.log);
    expect(replayer.divergence).toBeNull();
    expect(ok).toBe(true);
    expect(finalHash).toBe(parsed.log.final!.hash);
  }, 150_000);
});
