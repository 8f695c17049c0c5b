/**
 * Several processes on one machine without PostgreSQL: they share Redis and one SQLite file in a
 * common DATA_DIR (SQLite's file locks order their writes). A session created through one process
 * is played on whichever holds it; that process is killed with SIGKILL and the session is resumed
 * through the other, its student back in the same seat, from the same file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Cast, createSession, expectOk, layout, sessionStatus, startRound, waitFor, waitUntil } from "./harness";
import { listing, startCluster, type TestCluster } from "./cluster";

let cluster: TestCluster;
let dir: string;
const cast = new Cast();

beforeAll(async () => {
  dir = mkdtempSync(joinPath(tmpdir(), "spikeday-shared-sqlite-"));
  cluster = await startCluster(2, {}, dir);
}, 120_000);

afterAll(async () => {
  await Promise.all(cast.players.map((p) => p.leave().catch(() => {})));
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("two processes sharing one SQLite file", () => {
  it("a class created through one, killed on its holder, resumed through the other from the same file", async () => {
    const [a, b] = cluster.procs;
    const { code, hostSecret } = await createSession(a.url);
    const held = await listing(cluster.redisClient, code);
    const holder = cluster.procs.find((p) => p.address === held?.publicAddress)!;
    const other = holder === a ? b : a;
    const host = await cast.join(other.url, code, { hostSecret });
    const ann = await cast.join(other.url, code, { nickname: "Ann" });
    expectOk(await ann.chooseTeam(0));
    expectOk(await host.host({ type: "configure", tickRate: 4 }));
    await startRound(host, [ann]);
    const server = (await waitFor(() => ann.dc(0)?.servers[0])).id;
    expectOk(await ann.command({ type: "installLayer", server, layer: "container-host" }));
    await waitFor(() => host.state.tick >= 6, 20_000);
    const before = layout(host.dc(0));

    await holder.kill9();
    await waitUntil(async () => (await sessionStatus(other.url, code)).status === "interrupted", 20_000);
    const resumed = await fetch(`${other.url}/api/sessions/${code}/resume`, { method: "POST", headers: { "x-host-secret": hostSecret } });
    expect(await resumed.json()).toEqual({ code, resumed: true });
    const host2 = await cast.join(other.url, code, { hostSecret });
    await waitFor(() => host2.state.phase === "paused");
    await waitFor(() => layout(host2.dc(0)) === before);
    const ann2 = await cast.join(other.url, code, { seatToken: ann.welcome.seatToken });
    expect(ann2.welcome).toMatchObject({ seat: ann.welcome.seat, nickname: "Ann", team: 0 });
    expectOk(await host2.host({ type: "resume" }));
    expectOk(await ann2.command({ type: "deploy", target: server, app: "web" }));
    expectOk(await host2.host({ type: "endRound" }));
    await waitFor(() => host2.state.phase === "over");
    const history = (await (await fetch(`${other.url}/api/sessions/${code}/history`, { headers: { "x-host-secret": hostSecret } })).json()) as { rounds: { status: string }[] };
    expect(history.rounds.map((r) => r.status)).toEqual(["finished"]);
  }, 120_000);
});
