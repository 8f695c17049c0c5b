/**
 * Issue 12, finding 7: SIGTERM closed clients with 4000 (a voluntary leave) and no message; commands
 * acknowledged as queued when a crash hit vanished without notice after the resume; the log showed
 * `resume` with no crash marker. A real server process is stopped both ways here.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogEntry } from "../../shared/log/format";
import { parseLog } from "../../shared/log/parse";
import { verifyLog } from "../../shared/log/verify";
import { SERVER_RESTART_CLOSE_CODE } from "../../shared/protocol/codes";
import { C2S } from "../../shared/protocol/messages";
import { freePort } from "../../server/cluster/daemons";
import { Cast, expectOk, sessionStatus, startRound, waitFor, waitUntil, type Player } from "./harness";

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

function stop(signal: "SIGTERM" | "SIGKILL"): Promise<number | null> {
  return new Promise((done) => {
    server!.once("exit", (code) => done(code));
    server!.kill(signal);
  });
}

async function api(path: string, secret: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${BASE}${path}`, { ...init, headers: { "x-host-secret": secret } });
}

/** A class in a round at half a minute per second (a tick every 2 s), so queued commands wait. */
async function classInRound(): Promise<{ code: string; hostSecret: string; host: Player; ann: Player }> {
  const { code, hostSecret } = await (await fetch(`${BASE}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).json() as { code: string; hostSecret: string };
  const host = await cast.join(BASE, code, { hostSecret });
  const ann = await cast.join(BASE, code, { nickname: "Ann" });
  expectOk(await ann.chooseTeam(0));
  expectOk(await host.host({ type: "configure", tickRate: 0.5 }));
  await startRound(host, [ann]);
  await waitFor(() => ann.dc(0)?.servers[0]);
  return { code, hostSecret, host, ann };
}

/** Right after a tick: the next one is 2 s away, so what is sent now waits in the queue. */
async function justAfterTick(p: Player): Promise<void> {
  const t = p.state.tick;
  await waitFor(() => p.state.tick > t, 10_000);
}

async function resume(code: string, hostSecret: string): Promise<Player> {
  expect((await sessionStatus(BASE, code)).status).toBe("interrupted");
  expect(await (await api(`/api/sessions/${code}/resume`, hostSecret, { method: "POST" })).json()).toEqual({ code, resumed: true });
  const host = await cast.join(BASE, code, { hostSecret });
  await waitFor(() => host.state.phase === "paused");
  return host;
}

async function logOf(code: string, hostSecret: string): Promise<LogEntry[]> {
  const history = await (await api(`/api/sessions/${code}/history`, hostSecret)).json() as { rounds: { id: string }[] };
  const parsed = parseLog(await (await api(`/api/rounds/${history.rounds[0].id}/log`, hostSecret)).text());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.log.entries;
}

beforeAll(async () => {
  PORT = await freePort();
  BASE = `http://localhost:${PORT}`;
  dir = mkdtempSync(joinPath(tmpdir(), "spikeday-restart-"));
  await startServer();
}, 60_000);

afterAll(async () => {
  await Promise.all(cast.players.map((p) => p.leave().catch(() => {})));
  server?.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("a server that stops tells its players (finding 7)", () => {
  it("SIGTERM: everyone is told the server is restarting, with its own close code; queued commands are answered; the log marks the stop", async () => {
    const { code, hostSecret, host, ann } = await classInRound();
    await justAfterTick(ann);
    const server1 = ann.dc(0)!.servers[0].id;
    const queued = ann.command({ type: "installLayer", server: server1, layer: "container-host" });
    await waitFor(() => ann.results.size > 0);
    expect(await stop("SIGTERM")).toBe(0);

    await waitFor(() => ann.leftWith !== undefined && host.leftWith !== undefined);
    expect(ann.restarting).toEqual([{ reason: "server_restarting" }]);
    expect(ann.leftWith).toBe(SERVER_RESTART_CLOSE_CODE);
    expect(host.leftWith).toBe(SERVER_RESTART_CLOSE_CODE);
    // The command acknowledged as queued was answered before the socket closed, not left hanging.
    expect(await queued).toMatchObject({ ok: false, error: { code: "server_restarting" } });

    cast.players.splice(0);
    await startServer();
    const host2 = await resume(code, hostSecret);
    const ann2 = await cast.join(BASE, code, { seatToken: ann.welcome.seatToken });
    expect(ann2.welcome).toMatchObject({ seat: ann.welcome.seat, team: 0 });
    expectOk(await host2.host({ type: "resume" }));
    const entries = await logOf(code, hostSecret);
    const marks = entries.filter((e) => e.type === "stop" || e.type === "recover" || e.type === "resume");
    expect(marks.map((e) => e.type)).toEqual(["stop", "recover", "resume"]);
    expect(marks[0]).toMatchObject({ type: "stop", cause: "shutdown" });
    expect(marks[1]).toMatchObject({ type: "recover", lost: 0 });
    expect(ann2.lost).toEqual([]);
    await host2.leave();
    await ann2.leave();
  }, 90_000);

  it("SIGKILL: after the resume each student is told which acknowledged commands were never played, and the log marks the crash", async () => {
    const { code, hostSecret, host, ann } = await classInRound();
    await justAfterTick(ann);
    // Frozen, the clock plays no minute however long the kill takes to land on a busy machine:
    // what is acknowledged now stays queued until the crash.
    expectOk(await host.host({ type: "freeze" }));
    await waitFor(() => ann.state.phase === "frozen");
    const s = ann.dc(0)!.servers[0].id;
    ann.send(C2S.command, { id: 900, command: { type: "buyServer", model: "small" } });
    ann.send(C2S.command, { id: 901, command: { type: "installLayer", server: s, layer: "bare-linux" } });
    await waitFor(() => ann.results.get(900) && ann.results.get(901));
    expect(ann.results.get(900)).toMatchObject({ ok: true, queued: true });
    const stoppedAt = ann.state.tick;
    const before = ann.dc(0)!.servers.map((x) => `${x.id}:${x.layer}`);
    await stop("SIGKILL");

    cast.players.splice(0);
    await startServer();
    const host2 = await resume(code, hostSecret);
    const ann2 = await cast.join(BASE, code, { seatToken: ann.welcome.seatToken });
    await waitFor(() => ann2.lost.length > 0);
    expect(ann2.lost[0]).toMatchObject({ cause: "crash", tick: stoppedAt });
    expect(ann2.lost[0].commands).toEqual([
      { id: 900, tick: stoppedAt, command: { type: "buyServer", model: "small" } },
      { id: 901, tick: stoppedAt, command: { type: "installLayer", server: s, layer: "bare-linux" } },
    ]);
    // Nothing was half-played: the datacenter is as it was when the acknowledgements went out.
    await waitFor(() => host2.dc(0));
    expect(host2.dc(0)!.servers.map((x) => `${x.id}:${x.layer}`)).toEqual(before);

    // The round goes on and its log tells the story: the crash, the rebuild (2 lost), the teacher's resume.
    expectOk(await host2.host({ type: "resume" }));
    await waitFor(() => host2.state.tick >= stoppedAt + 2, 20_000);
    expectOk(await host2.host({ type: "endRound" }));
    await waitFor(() => host2.state.phase === "over");
    const entries = await logOf(code, hostSecret);
    const marks = entries.filter((e) => e.type === "stop" || e.type === "recover" || e.type === "resume");
    expect(marks).toEqual([
      { tick: stoppedAt, type: "stop", cause: "crash" },
      { tick: stoppedAt, type: "recover", lost: 2 },
      expect.objectContaining({ type: "resume" }),
    ]);
    const history = await (await api(`/api/sessions/${code}/history`, hostSecret)).json() as { rounds: { id: string }[] };
    const parsed = parseLog(await (await api(`/api/rounds/${history.rounds[0].id}/log`, hostSecret)).text());
    if (!parsed.ok) throw new Error("unreadable log");
    expect(verifyLog(parsed.log).problems).toEqual([]);
  }, 90_000);
});
