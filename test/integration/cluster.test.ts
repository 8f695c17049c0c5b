/**
 * Two server processes sharing rooms through Redis (Colyseus's RedisPresence and RedisDriver), match
 * logs in PostgreSQL: any process answers for any session, and the browser is sent to the process
 * that holds the room.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { RedisCodes } from "../../server/cluster/redis";
import { Cast, createSession, expectOk, sessionStatus, startRound, waitFor, waitUntil, type Player } from "./harness";
import { listing, postFrom, startCluster, type GameProcess, type TestCluster } from "./cluster";

let cluster: TestCluster;
let a: GameProcess;
let b: GameProcess;
const cast = new Cast();

beforeAll(async () => {
  cluster = await startCluster(2);
  [a, b] = cluster.procs;
}, 120_000);

afterAll(async () => {
  await cast.closeAll();
  await cluster?.stop();
});

/** The URL a player's socket was opened to. */
function socketUrl(p: Player): string {
  return String((p.room.connection.transport as unknown as { ws: { url: string } }).ws.url);
}

describe("several processes, one Redis, one PostgreSQL", () => {
  it("a session created through A is joined by 30 students through the other process's address", async () => {
    const { code, hostSecret } = await createSession(a.url);
    const held = await listing(cluster.redisClient, code);
    expect(held).not.toBeNull();
    const holder = [a, b].find((p) => p.address === held!.publicAddress)!;
    const other = holder === a ? b : a;
    expect(holder).toBeDefined();
    expect((await holder.health()).process).toBe(held!.processId);

    const host = await cast.join(other.url, code, { hostSecret });
    const students = await Promise.all(Array.from({ length: 30 }, (_, i) => cast.join(other.url, code, { nickname: `Student${i + 1}` })));
    // Matchmaking was answered by the other process; every socket went to the process holding the room.
    for (const p of [host, ...students]) expect(socketUrl(p)).toContain(`//${holder.address}/${held!.processId}/${code}`);
    expect(new Set(students.map((s) => s.welcome.seat)).size).toBe(30);
    await waitFor(() => [...host.state.seats.values()].filter((s) => s.role === "student" && s.connected).length === 30);
    expect((await holder.health()).clients).toBe(31);
    expect((await other.health()).clients).toBe(0);

    // They play: each picks a team, the round starts, and a command from each is applied by the room.
    await Promise.all(students.map((s, i) => s.chooseTeam(i % 4).then(expectOk)));
    expectOk(await host.host({ type: "configure", tickRate: 4 }));
    await startRound(host, students);
    const teams = [0, 1, 2, 3];
    const before = teams.map((t) => host.dc(t)?.servers.length ?? 0);
    const results = await Promise.all(students.map((s) => s.command({ type: "buyServer", model: "small" })));
    for (const r of results) expect(r).toMatchObject({ ok: true });
    const members = teams.map((t) => students.filter((_, i) => i % 4 === t).length);
    await waitFor(() => teams.every((t) => host.dc(t)?.servers.length === before[t] + members[t]));
    expect((await sessionStatus(other.url, code))).toMatchObject({ code, status: "open", phase: "playing" });
    expect((await sessionStatus(holder.url, code))).toMatchObject({ code, status: "open", phase: "playing" });

    // The teacher's history answers on either process (PostgreSQL is shared) and knows the room is live.
    for (const p of [a, b]) {
      const res = await fetch(`${p.url}/api/sessions/${code}/history`, { headers: { "x-host-secret": hostSecret } });
      const history = (await res.json()) as { live: boolean; rounds: { status: string }[] };
      expect(history.live).toBe(true);
      expect(history.rounds.map((r) => r.status)).toEqual(["running"]);
    }
    expectOk(await host.host({ type: "endRound" }));
    await waitFor(() => host.state.phase === "over");
    for (const s of students) await s.leave();
  }, 90_000);

  it("a nickname taken through one process is refused through the other", async () => {
    const { code, hostSecret } = await createSession(b.url);
    await cast.join(a.url, code, { hostSecret });
    await cast.join(a.url, code, { nickname: "Zoe" });
    await expect(cast.join(b.url, code, { nickname: "zoe" })).rejects.toThrow(/nickname_taken/);
  });

  it("two processes never hand out the same code, and new rooms are spread over both", async () => {
    const addresses = ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"];
    const made = await Promise.all(Array.from({ length: 40 }, (_, i) => postFrom(addresses[i % 4], `${(i % 2 ? a : b).url}/api/sessions`, {})));
    expect(made.map((m) => m.status)).toEqual(made.map(() => 201));
    const codes = made.map((m) => (m.body as { code: string }).code);
    expect(new Set(codes).size).toBe(40);
    const holders = new Set<string>();
    for (const code of codes) {
      const held = await listing(cluster.redisClient, code);
      expect(held).not.toBeNull();
      holders.add(held!.processId);
      // Claimed cluster-wide: no other process can take this code now.
      expect(await cluster.redisClient.get(`spikeday:code:${code}`)).not.toBeNull();
    }
    expect(holders.size).toBe(2);
    for (const code of codes.slice(0, 6)) {
      expect((await sessionStatus(a.url, code)).status).toBe("open");
      expect((await sessionStatus(b.url, code)).status).toBe("open");
    }
  });

  it("the per-address limit on new sessions holds across processes (counted in Redis)", async () => {
    const made: number[] = [];
    // 20 a minute per address: asked alternately through A and B, the 21st is refused wherever it lands.
    for (let i = 0; i < 24; i++) made.push((await postFrom("127.0.0.9", `${(i % 2 ? a : b).url}/api/sessions`, {})).status);
    expect(made.slice(0, 20)).toEqual(Array(20).fill(201));
    expect(made.slice(20)).toEqual([429, 429, 429, 429]);
    expect((await postFrom("127.0.0.10", `${a.url}/api/sessions`, {})).status).toBe(201);
  });

  it("of two processes claiming the same codes at the same moment, exactly one gets each", async () => {
    const one = new Redis(cluster.redis.url);
    const two = new Redis(cluster.redis.url);
    try {
      const left = new RedisCodes(one, "left");
      const right = new RedisCodes(two, "right");
      const codes = Array.from({ length: 300 }, (_, i) => `RACE${String(i).padStart(3, "0")}`);
      const won = await Promise.all(codes.map(async (c) => [await left.claim(c), await right.claim(c)].filter(Boolean).length));
      expect(won.every((n) => n === 1)).toBe(true);
      const raced = await Promise.all(codes.map((c) => Promise.all([left.claim(`X${c}`), right.claim(`X${c}`)])));
      expect(raced.every(([l, r]) => l !== r)).toBe(true);
    } finally {
      one.disconnect();
      two.disconnect();
    }
  });

  it("an unknown code is unknown on every process, and an ended session reads as ended on every process", async () => {
    expect((await sessionStatus(a.url, "ZZZZZ9")).status).toBe("unknown");
    expect((await sessionStatus(b.url, "ZZZZZ9")).status).toBe("unknown");
    const { code, hostSecret } = await createSession(a.url);
    const host = await cast.join(b.url, code, { hostSecret });
    expectOk(await host.host({ type: "endSession" }));
    await waitFor(() => host.leftWith !== undefined);
    await waitUntil(async () => (await listing(cluster.redisClient, code)) === null);
    expect((await sessionStatus(a.url, code)).status).toBe("ended");
    expect((await sessionStatus(b.url, code)).status).toBe("ended");
  });
});
