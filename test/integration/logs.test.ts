import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLog } from "../../shared/log/parse";
import { verifyLog } from "../../shared/log/verify";
import { openSqlite } from "../../server/store/open";
import type { Store } from "../../server/store/Store";
import { boot, Cast, expectOk, hostSession, startRound, waitFor, waitUntil, type Player } from "./harness";

let app: Awaited<ReturnType<typeof boot>>;
let store: Store;
let dir: string;
const cast = new Cast();
let code = "";
let secret = "";
let host: Player;
let roundId = "";
let liveFinalHash = "";

const api = (path: string, init: RequestInit = {}, key = secret) =>
  fetch(`${app.url}${path}`, { ...init, headers: { ...(init.headers ?? {}), "x-host-secret": key } });

beforeAll(async () => {
  dir = mkdtempSync(joinPath(tmpdir(), "spikeday-logs-"));
  store = openSqlite(dir);
  app = await boot({ store });
  const s = await hostSession(app.url, cast);
  ({ code, host } = s);
  secret = s.hostSecret;
  const ann = await cast.join(app.url, code, { nickname: "Ann" });
  expectOk(await ann.chooseTeam(0));
  expectOk(await host.host({ type: "configure", tickRate: 4 }));
  expectOk(await host.host({ type: "setBot", team: 1, bot: "containers-autoscale" }));
  expectOk(await host.host({ type: "setBot", team: 2, bot: "vm-preprovision" }));
  expectOk(await host.host({ type: "setBot", team: 3, bot: "random" }));
  await startRound(host, [ann]);
  const server = (await waitFor(() => ann.dc(0)?.servers[0])).id;
  expectOk(await ann.command({ type: "installLayer", server, layer: "container-host" }));
  expectOk(await ann.command({ type: "deploy", target: server, app: "web" }));
  // Past the first logged state hash (tick 60), then the teacher ends the round.
  await waitFor(() => host.state.tick >= 64, 40_000);
  expectOk(await host.host({ type: "endRound" }));
  await waitFor(() => host.state.phase === "over");
  const history = await (await api(`/api/sessions/${code}/history`)).json() as { rounds: { id: string; status: string }[] };
  roundId = history.rounds[0].id;
  liveFinalHash = (await store.exportLog(roundId))!.final!.hash;
}, 90_000);

afterAll(async () => {
  await cast.closeAll();
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("match logs", () => {
  it("the teacher's history lists the round with its scenario, teams and winner", async () => {
    const res = await api(`/api/sessions/${code}/history`);
    expect(res.status).toBe(200);
    const h = await res.json() as { live: boolean; rounds: { number: number; scenario: string; status: string; teams: string[]; winner: string | null; lastTick: number }[] };
    expect(h.live).toBe(true);
    expect(h.rounds).toHaveLength(1);
    expect(h.rounds[0]).toMatchObject({ number: 1, scenario: "exam-morning", status: "finished", teams: ["Alpha", "Bravo", "Charlie", "Delta"] });
    // Ann's team, the class's only one: the three bots are references and win nothing, as on the podium.
    expect(h.rounds[0].winner).toBe("Alpha");
    expect(h.rounds[0].lastTick).toBeGreaterThanOrEqual(64);
  });

  it("the downloaded log replays in Node to the live server's final hash, through every checkpoint", async () => {
    const res = await api(`/api/rounds/${roundId}/log?download`);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="spikeday-.*-round1\.json"/);
    const parsed = parseLog(await res.text());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const log = parsed.log;
    expect(log.entries.some((e) => e.type === "command" && e.seat > 0)).toBe(true);
    expect(log.entries.some((e) => e.type === "command" && e.seat === -1)).toBe(true);
    expect(log.entries.some((e) => e.type === "hash" && e.tick === 60)).toBe(true);
    expect(log.header.roster.find((r) => r.nickname === "Ann")).toMatchObject({ role: "student", team: 0 });
    const { ok, finalHash, replayer } = verifyLog(log);
    expect(replayer.divergence).toBeNull();
    expect(ok).toBe(true);
    expect(finalHash).toBe(liveFinalHash);
    expect(replayer.results().map((r) => r.score)).toEqual(log.final!.results.map((r) => r.score));
  });

  it("results download as CSV, one row per team", async () => {
    const res = await api(`/api/rounds/${roundId}/results.csv`);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^round,scenario,rank,team,score_usd/);
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).map((l) => l.split(",")[3]).sort()).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);
    // Ann's team is the class's first place; the three bots follow it with no place, as on the podium.
    expect(lines[1].split(",").slice(2, 4)).toEqual(["1", "Alpha"]);
    expect(lines.slice(2).map((l) => l.split(",")[2])).toEqual(["", "", ""]);
    // The money columns are the debrief's waterfall: from the budget to what is still owned, they add up to the score.
    const head = lines[0].split(",");
    for (const line of lines.slice(1)) {
      const row = line.split(",");
      const at = (name: string) => Number(row[head.indexOf(name)]);
      const waterfall = head.slice(head.indexOf("budget_usd"), head.indexOf("owned_usd") + 1).reduce((sum, name) => sum + Math.round(at(name) * 100), 0);
      expect(waterfall).toBe(Math.round(at("score_usd") * 100));
    }
  });

  it("another session's secret, or none, cannot list or download this session's logs", async () => {
    const other = await hostSession(app.url, cast);
    for (const key of [other.hostSecret, "", "x".repeat(32)]) {
      expect((await api(`/api/sessions/${code}/history`, {}, key)).status).toBe(403);
      expect((await api(`/api/rounds/${roundId}/log`, {}, key)).status).toBe(403);
      expect((await api(`/api/rounds/${roundId}/results.csv`, {}, key)).status).toBe(403);
      expect((await api(`/api/rounds/${roundId}/shares`, { method: "POST" }, key)).status).toBe(403);
    }
    expect((await api(`/api/rounds/nope/log`)).status).toBe(404);
  });

  it("a share link opens the log without the secret until the teacher revokes it", async () => {
    const made = await api(`/api/rounds/${roundId}/shares`, { method: "POST" });
    expect(made.status).toBe(201);
    const { id } = await made.json() as { id: string };
    expect(id.length).toBeGreaterThanOrEqual(20);
    expect(await (await fetch(`${app.url}/api/shares/${id}`)).json()).toEqual({ round: roundId });
    expect((await fetch(`${app.url}/api/rounds/${roundId}/log?share=${id}`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/rounds/${roundId}/log?share=${id}x`)).status).toBe(403);
    expect((await api(`/api/rounds/${roundId}/shares/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(`${app.url}/api/rounds/${roundId}/log?share=${id}`)).status).toBe(403);
    expect((await fetch(`${app.url}/api/shares/${id}`)).status).toBe(404);
  });

  it("a live session cannot be deleted; an ended one can, with its logs", async () => {
    expect((await api(`/api/sessions/${code}`, { method: "DELETE" })).status).toBe(409);
    expectOk(await host.host({ type: "endSession" }));
    await waitUntil(async () => (await (await fetch(`${app.url}/api/sessions/${code}`)).json() as { status: string }).status === "ended");
    expect((await api(`/api/sessions/${code}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/api/sessions/${code}/history`)).status).toBe(403);
    expect(await store.exportLog(roundId)).toBeNull();
  });
});
