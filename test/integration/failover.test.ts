/**
 * A process lost mid-round: three server processes share Redis and PostgreSQL; the one holding a
 * class is killed with SIGKILL. The session reads as interrupted on the others, the teacher resumes
 * it on one of them, students take their seats back with their seat tokens, nothing a player was
 * told was applied is missing, and the round's log passes `npm run replay -- verify`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogEntry, MatchLogFile } from "../../shared/log/format";
import { S2C, type AppliedMessage } from "../../shared/protocol/messages";
import { Cast, createSession, expectOk, layout, sessionStatus, startRound, waitFor, waitUntil, type Player } from "./harness";
import { listing, ROOT, startCluster, type GameProcess, type TestCluster } from "./cluster";

let cluster: TestCluster;
const cast = new Cast();
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(joinPath(tmpdir(), "spikeday-failover-"));
  cluster = await startCluster(3);
}, 120_000);

afterAll(async () => {
  await Promise.all(cast.players.map((p) => p.leave().catch(() => {})));
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function holderOf(code: string): Promise<GameProcess> {
  const held = await listing(cluster.redisClient, code);
  const p = cluster.procs.find((q) => q.address === held?.publicAddress);
  if (!p) throw new Error(`no process holds ${code}`);
  return p;
}

/** Counts the `applied` messages a player is sent that say its command took effect. */
function countApplied(p: Player): () => number {
  let n = 0;
  p.room.onMessage(S2C.applied, (m: AppliedMessage) => { if (m.ok) n++; });
  return () => n;
}

describe("a process lost mid-round", () => {
  it("kill -9 of the process holding a room: resumed on another, students back in their seats, the log verifies", async () => {
    const [a] = cluster.procs;
    const { code, hostSecret } = await createSession(a.url);
    const holder = await holderOf(code);
    const others = cluster.procs.filter((p) => p !== holder);
    const host = await cast.join(others[0].url, code, { hostSecret });
    const ann = await cast.join(others[1].url, code, { nickname: "Ann" });
    const bo = await cast.join(others[0].url, code, { nickname: "Bo" });
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
    await waitFor(() => host.state.tick >= 12, 20_000);

    // Students keep buying servers until the kill; every purchase the room confirmed must survive it.
    const annApplied = countApplied(ann);
    const boApplied = countApplied(bo);
    const buying = [ann, bo].map((p) => {
      let stop = false;
      const loop = (async () => {
        while (!stop && p.connected) await p.command({ type: "buyServer", model: "small" }).catch(() => undefined);
      })();
      return { player: p, stop: () => { stop = true; return loop; } };
    });
    await waitFor(() => annApplied() >= 4 && boApplied() >= 3, 20_000);
    const annToken = ann.welcome.seatToken;
    const boToken = bo.welcome.seatToken;
    await holder.kill9();
    for (const b of buying) void b.stop();
    await waitFor(() => !ann.connected && !bo.connected);
    // Whatever reached them before the socket died, the room had stored first.
    const confirmed = { ann: annApplied(), bo: boApplied() };
    const seenTick = host.state.tick;

    // Every other process reads the session as interrupted once Colyseus finds the holder gone.
    for (const p of others) await waitUntil(async () => (await sessionStatus(p.url, code)).status === "interrupted", 20_000);
    expect(await listing(cluster.redisClient, code)).toBeNull();

    // The teacher resumes; asked through both survivors at once, exactly one rebuilds the room.
    const resumed = await Promise.all(others.map((p) => fetch(`${p.url}/api/sessions/${code}/resume`, { method: "POST", headers: { "x-host-secret": hostSecret } }).then((r) => r.json() as Promise<{ resumed: boolean }>)));
    expect(resumed.map((r) => r.resumed).sort()).toEqual([false, true]);
    const newHolder = await holderOf(code);
    expect(others).toContain(newHolder);
    for (const p of others) expect((await sessionStatus(p.url, code)).status).toBe("open");

    const host2 = await cast.join(others[1].url, code, { hostSecret });
    await waitFor(() => host2.state.phase === "paused");
    expect(host2.state.tick).toBeGreaterThanOrEqual(seenTick - 1);
    const ann2 = await cast.join(others[0].url, code, { seatToken: annToken });
    const bo2 = await cast.join(others[1].url, code, { seatToken: boToken });
    expect(ann2.welcome).toMatchObject({ seat: ann.welcome.seat, nickname: "Ann", team: 0 });
    expect(bo2.welcome).toMatchObject({ seat: bo.welcome.seat, nickname: "Bo", team: 1 });
    expect(layout(ann2.dc(0))).toContain(`${s1}:`);
    await expect(cast.join(others[0].url, code, { nickname: "ann" })).rejects.toThrow(/nickname_taken/);

    // The round goes on to its end on the new process.
    expectOk(await host2.host({ type: "resume" }));
    const resumedAt = host2.state.tick;
    expectOk(await ann2.command({ type: "deploy", target: s1, app: "grades" }));
    await waitFor(() => host2.state.tick >= resumedAt + 6, 20_000);
    expectOk(await host2.host({ type: "endRound" }));
    await waitFor(() => host2.state.phase === "over");

    // Nothing confirmed before the kill is missing from the log the new process finished.
    // The phase changes as the round ends; the store marks it finished a moment later (another process may ask first).
    const roundsOf = async () => ((await (await fetch(`${others[0].url}/api/sessions/${code}/history`, { headers: { "x-host-secret": hostSecret } })).json()) as { rounds: { id: string; status: string }[] }).rounds;
    await waitUntil(async () => (await roundsOf()).every((r) => r.status === "finished"), 20_000);
    const history = { rounds: await roundsOf() };
    expect(history.rounds.map((r) => r.status)).toEqual(["finished"]);
    const res = await fetch(`${others[1].url}/api/rounds/${history.rounds[0].id}/log`, { headers: { "x-host-secret": hostSecret } });
    const log = (await res.json()) as MatchLogFile;
    const commandsBy = (seat: number, before: number) => log.entries.filter((e): e is Extract<LogEntry, { type: "command" }> => e.type === "command" && e.seat === seat && e.tick < before);
    expect(commandsBy(ann.welcome.seat, resumedAt).length).toBeGreaterThanOrEqual(confirmed.ann);
    expect(commandsBy(bo.welcome.seat, resumedAt).length).toBeGreaterThanOrEqual(confirmed.bo);

    // The whole round, across both processes, replays to its final hash.
    const file = joinPath(dir, "round.json");
    writeFileSync(file, JSON.stringify(log));
    const verify = spawnSync(process.execPath, ["--import", "tsx", "server/cli/replay.ts", "verify", file], { cwd: ROOT, encoding: "utf8" });
    expect(verify.stdout).toMatch(/^ok: every hash and result matched \(final [0-9a-f]{16} at tick \d+\)$/m);
    expect(verify.status).toBe(0);
  }, 150_000);
});
