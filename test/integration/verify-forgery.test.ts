/**
 * Issue 12, finding 6: `replay verify` had three ways round it. A round is played on a real server,
 * its log downloaded over HTTP, forged each way, and the CLI run on each forgery as a teacher would:
 * each fails with its own message and exit 1, while the genuine log still passes.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MatchLogFile } from "../../shared/log/format";
import { ENGINE_VERSION } from "../../shared/engine";
import { openSqlite } from "../../server/store/open";
import type { Store } from "../../server/store/Store";
import { boot, Cast, expectOk, hostSession, startRound, waitFor } from "./harness";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let app: Awaited<ReturnType<typeof boot>>;
let store: Store;
let dir: string;
const cast = new Cast();
let genuine: MatchLogFile;

beforeAll(async () => {
  dir = mkdtempSync(joinPath(tmpdir(), "spikeday-verify-"));
  store = openSqlite(joinPath(dir, "data"));
  app = await boot({ store });
  const { code, hostSecret, host } = await hostSession(app.url, cast);
  expectOk(await host.host({ type: "configure", tickRate: 4 }));
  for (const [team, bot] of ["containers-autoscale", "vm-preprovision", "bare-metal", "random"].entries()) {
    expectOk(await host.host({ type: "setBot", team, bot }));
  }
  await startRound(host);
  // Past the first checkpoint (tick 60), then the teacher ends the round.
  await waitFor(() => host.state.tick >= 63, 40_000);
  expectOk(await host.host({ type: "endRound" }));
  await waitFor(() => host.state.phase === "over");
  const history = await (await fetch(`${app.url}/api/sessions/${code}/history`, { headers: { "x-host-secret": hostSecret } })).json() as { rounds: { id: string }[] };
  const res = await fetch(`${app.url}/api/rounds/${history.rounds[0].id}/log?download`, { headers: { "x-host-secret": hostSecret } });
  genuine = await res.json() as MatchLogFile;
}, 90_000);

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run replay -- verify FILE` (the CLI itself, in its own process) on a log. */
function verify(name: string, log: MatchLogFile, ...flags: string[]): Promise<{ code: number; out: string }> {
  const file = joinPath(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(log));
  return new Promise((done) => {
    execFile(process.execPath, ["--import", "tsx", "server/cli/replay.ts", "verify", file, ...flags], { cwd: ROOT, env: { ...process.env, DATA_DIR: joinPath(dir, "data") } },
      (err, stdout, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }));
  });
}

const forge = (f: (log: MatchLogFile) => void): MatchLogFile => {
  const log = structuredClone(genuine);
  f(log);
  return log;
};

describe("replay verify (finding 6)", () => {
  it("each way round the check fails with its own message and exit 1; the genuine log passes", async () => {
    expect(genuine.final).not.toBeNull();
    expect(genuine.entries.some((e) => e.type === "hash" && e.tick === 60)).toBe(true);
    const ticks = 360;

    const [ok, beyond, stripped, strippedPartial, richer, noFinal, noFinalPartial, moved] = await Promise.all([
      verify("genuine", genuine),
      // 1. The final hash moved to a tick the scenario never reaches: the old check skipped it.
      verify("beyond", forge((l) => { l.final = { ...l.final!, tick: 999, hash: "0123456789abcdef" }; })),
      // 2. Every checkpoint stripped and no final: the old check found nothing to disagree with.
      verify("stripped", forge((l) => { l.entries = l.entries.filter((e) => e.type !== "hash"); l.final = null; })),
      verify("stripped-partial", forge((l) => { l.entries = l.entries.filter((e) => e.type !== "hash"); l.final = null; }), "--partial"),
      // 3. +$100k on the winner's score: results were never compared.
      verify("richer", forge((l) => { l.final!.results[0].score += 10_000_000; })),
      // The final alone removed: not a finished round, though an unfinished export may be checked as one.
      verify("no-final", forge((l) => { l.final = null; })),
      verify("no-final-partial", forge((l) => { l.final = null; }), "--partial"),
      // A purchase moved ten minutes later (the server's purchase time is part of the state): the replay diverges.
      verify("moved", forge((l) => {
        const i = l.entries.findIndex((e) => e.type === "command" && e.command.type === "buyServer" && e.tick < 50);
        l.entries[i] = { ...l.entries[i], tick: l.entries[i].tick + 10 };
      })),
    ]);

    expect(ok.out).toMatch(/^ok: every hash and result matched \(final [0-9a-f]{16} at tick \d+\)$/m);
    expect(ok.code).toBe(0);

    expect(beyond.code).toBe(1);
    expect(beyond.out).toContain(`the final hash is at tick 999, beyond the scenario's ${ticks} ticks`);
    expect(beyond.out).not.toMatch(/^ok/m);

    expect(stripped.code).toBe(1);
    expect(stripped.out).toContain("the log has no final hash");
    expect(strippedPartial.code).toBe(1);
    // Depending on where its last input fell, nothing is left to check, or the checkpoint at 60 is missing.
    expect(strippedPartial.out).toMatch(/the log carries no state checkpoint up to tick \d+ and no final hash|1 state checkpoint\(s\) missing .*ticks 60$/m);

    expect(richer.code).toBe(1);
    expect(richer.out).toMatch(/the results in the log are not the replay's: Alpha score: log \d+, replay \d+/);

    expect(noFinal.code).toBe(1);
    expect(noFinal.out).toContain("the log has no final hash");
    expect(noFinal.out).not.toContain("checkpoint");
    expect(noFinalPartial.code).toBe(0);
    expect(noFinalPartial.out).toMatch(/^ok \(partial\)/m);

    // A log from an older engine is named as such, not reported as a divergence.
    const older = await verify("older", forge((l) => { l.header.engineVersion = "1.0.0"; }));
    expect(older.code).toBe(1);
    expect(older.out).toContain(`FAILED: recorded with engine 1.0.0; this build is engine ${ENGINE_VERSION}.`);
    expect(older.out).not.toMatch(/DIVERGED|availability/);

    // Checkpoints stripped but the final kept: the gaps are named.
    const gaps = await verify("gaps", forge((l) => { l.entries = l.entries.filter((e) => e.type !== "hash"); }));
    expect(gaps.code).toBe(1);
    expect(gaps.out).toContain("FAILED: 1 state checkpoint(s) missing (one is logged every 60 ticks): ticks 60");

    expect(moved.code).toBe(1);
    expect(moved.out).toMatch(/^DIVERGED at tick \d+/m);
    // Ten CLI processes, eight at once: on two busy cores each spends seconds just starting.
  }, 180_000);
});
