/**
 * The store's contract, run against both implementations: SQLite in a temporary folder and a real
 * PostgreSQL server started for this file (Debian's postgresql; the test fails naming the package
 * when it is missing). Rounds are played by the real Round and bots, written through StoreSink, and
 * the exported logs must replay to the same hashes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyLog } from "../../shared/log/verify";
import type { LogEntry, LogHeader } from "../../shared/log/format";
import { newLogHeader } from "../../shared/log/format";
import { Round } from "../../server/session/Round";
import { missingDaemons, startPostgres, type UrlDaemon } from "../../server/cluster/daemons";
import { openSqlite } from "../../server/store/open";
import { PostgresStore } from "../../server/store/PostgresStore";
import { LostOwnership, type Store } from "../../server/store/Store";
import { StoreSink } from "../../server/store/sink";

interface Backend {
  name: string;
  open(): Promise<Store>;
  setup(): Promise<void>;
  teardown(): Promise<void>;
}

let sqliteDir = "";
let postgres: UrlDaemon | null = null;

const backends: Backend[] = [
  {
    name: "SQLite",
    setup: async () => { sqliteDir = mkdtempSync(join(tmpdir(), "spikeday-store-")); },
    open: async () => openSqlite(sqliteDir),
    teardown: async () => rmSync(sqliteDir, { recursive: true, force: true }),
  },
  {
    name: "PostgreSQL",
    setup: async () => {
      const missing = missingDaemons(["postgres"]);
      if (missing) throw new Error(`the PostgreSQL store tests need a PostgreSQL server: ${missing}`);
      postgres = await startPostgres();
    },
    open: async () => PostgresStore.open(postgres!.url, 4),
    teardown: async () => { await postgres?.stop(); },
  },
];

const settings = {
  scenario: "exam-morning" as const, teams: ["Alpha", "Bravo"], budget: 5_000_000, unlocks: ["bare-linux", "type1", "container-host"] as never[],
  trafficPct: 100, scriptedIncidents: true,
};

function header(room: string, round: number): LogHeader {
  return newLogHeader({ seed: 42 + round, settings, roster: [], room, round, startedAt: `2026-01-0${round}T09:00:00.000Z`, bots: [null, null] });
}

const join1 = (tick: number, seat: number): LogEntry => ({ tick, type: "join", seat, nickname: `S${seat}`, team: 0 });

/** Plays `ticks` ticks of a round with two bots, its log written through a StoreSink. */
function playRound(store: Store, session: string, number: number, ticks: number): { round: Round; sink: StoreSink } {
  const sink = new StoreSink(store, session);
  const round = new Round({
    settings, seed: 7 + number, room: session, round: number, roster: [], bots: ["containers-autoscale", "vm-preprovision"],
    startedAt: "2026-01-01T09:00:00.000Z", sink,
  });
  for (let i = 0; i < ticks; i++) round.tick(() => -1);
  return { round, sink };
}

describe.each(backends)("the $name store", (backend) => {
  let store: Store;

  beforeAll(async () => {
    await backend.setup();
    store = await backend.open();
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await backend.teardown();
  });

  it("keeps a session: code, host secret hash, practice flag, snapshot; a taken code is refused", async () => {
    expect(await store.createSession("SESS01", "hash-1", false, "2026-01-01T09:00:00.000Z")).toBe(true);
    expect(await store.createSession("SESS01", "hash-2", true, "2026-01-01T09:01:00.000Z")).toBe(false);
    await store.saveSnapshot("SESS01", { roster: [{ seat: 1 }], teams: ["A"] });
    expect(await store.session("SESS01")).toEqual({
      code: "SESS01", hostSecretHash: "hash-1", practice: false, createdAt: "2026-01-01T09:00:00.000Z", endedAt: null,
      snapshot: { roster: [{ seat: 1 }], teams: ["A"] },
    });
    expect(await store.session("NOPE00")).toBeNull();
  });

  it("lists open sessions until they end; the first end time stays", async () => {
    await store.createSession("OPEN01", "h", true, "2026-01-02T09:00:00.000Z");
    expect(await store.openSessions()).toEqual(expect.arrayContaining(["SESS01", "OPEN01"]));
    await store.endSession("OPEN01", "2026-01-02T10:00:00.000Z");
    await store.endSession("OPEN01", "2026-01-02T11:00:00.000Z");
    expect((await store.session("OPEN01"))?.endedAt).toBe("2026-01-02T10:00:00.000Z");
    expect((await store.session("OPEN01"))?.practice).toBe(true);
    expect(await store.openSessions()).not.toContain("OPEN01");
  });

  it("a round played through the sink exports a log that replays to its final hash, with winner and report", async () => {
    await store.createSession("PLAY01", "h", false, "2026-01-03T09:00:00.000Z");
    const { round, sink } = playRound(store, "PLAY01", 1, 130);
    const final = round.finish("host");
    sink.saveReport({ round: 1, marker: "report" } as never);
    await sink.settled();
    const log = await store.exportLog(sink.id);
    expect(log?.header).toEqual(round.log.header);
    expect(log?.entries).toEqual(round.log.entries);
    expect(log?.entries.filter((e) => e.type === "hash").map((e) => e.tick)).toEqual([60, 120]);
    expect(log?.final).toEqual(final);
    const verdict = verifyLog(log!);
    expect(verdict.ok).toBe(true);
    expect(verdict.finalHash).toBe(final.hash);
    const row = await store.round(sink.id);
    const best = [...final.results].sort((a, b) => b.score - a.score)[0];
    expect(row).toMatchObject({ session: "PLAY01", number: 1, scenario: "exam-morning", status: "finished", teams: ["Alpha", "Bravo"], lastTick: 130, winner: best.name });
    expect(await store.report(sink.id)).toEqual({ round: 1, marker: "report" });
  });

  it("a round cut off mid-way keeps every committed tick: entries and the tick reached agree", async () => {
    await store.createSession("CRSH01", "h", false, "2026-01-04T09:00:00.000Z");
    const { round, sink } = playRound(store, "CRSH01", 1, 75);
    await sink.settled();
    const row = await store.round(sink.id);
    expect(row).toMatchObject({ status: "running", lastTick: 75, winner: null, endedAt: null });
    const log = (await store.exportLog(sink.id))!;
    expect(log.final).toBeNull();
    expect(log.entries).toEqual(round.log.entries);
    expect(verifyLog(log, { partial: true }).ok).toBe(true);
  });

  it("lists a session's rounds in order, and forgets a round called off before its first tick", async () => {
    await store.createSession("ORDR01", "h", false, "2026-01-05T09:00:00.000Z");
    await store.startRound("r-two", "ORDR01", header("ORDR01", 2), "o1");
    await store.startRound("r-one", "ORDR01", header("ORDR01", 1), "o1");
    await store.startRound("r-three", "ORDR01", header("ORDR01", 3), "o1");
    expect((await store.rounds("ORDR01")).map((r) => r.id)).toEqual(["r-one", "r-two", "r-three"]);
    await store.discardRound("r-three");
    expect((await store.rounds("ORDR01")).map((r) => r.number)).toEqual([1, 2]);
    expect(await store.round("r-three")).toBeNull();
    expect(await store.exportLog("r-three")).toBeNull();
  });

  it("a round taken over by another room refuses the old room's writes, and the new one numbers on", async () => {
    await store.createSession("MOVE01", "h", false, "2026-01-06T09:00:00.000Z");
    await store.startRound("r-move", "MOVE01", header("MOVE01", 1), "first");
    await store.appendTick("r-move", "first", [join1(0, 1), join1(0, 2)], 3);
    await store.claimRound("r-move", "second");
    await expect(store.appendTick("r-move", "first", [join1(4, 3)], 4)).rejects.toBeInstanceOf(LostOwnership);
    await store.appendTick("r-move", "second", [join1(5, 4)], 6);
    const log = (await store.exportLog("r-move"))!;
    expect(log.entries.map((e) => (e as { seat: number }).seat)).toEqual([1, 2, 4]);
    expect((await store.round("r-move"))?.lastTick).toBe(6);
  });

  it("a sink whose round was taken over stops writing and says so", async () => {
    await store.createSession("LOST01", "h", false, "2026-01-07T09:00:00.000Z");
    let lost = 0;
    const sink = new StoreSink(store, "LOST01", undefined, () => lost++);
    sink.start({ header: header("LOST01", 1), entries: [], final: null });
    sink.beginTick();
    sink.append(join1(0, 1));
    let told = false;
    sink.afterCommit(() => { told = true; });
    expect(told).toBe(false);
    sink.commitTick(1);
    await sink.settled();
    expect(told).toBe(true);
    const successor = new StoreSink(store, "LOST01", sink.id);
    await successor.settled();
    sink.beginTick();
    sink.append(join1(1, 2));
    sink.commitTick(2);
    sink.beginTick();
    sink.append(join1(2, 3));
    sink.commitTick(3);
    await sink.settled();
    expect(lost).toBe(1);
    expect((await store.exportLog(sink.id))!.entries).toEqual([join1(0, 1)]);
    expect((await store.round(sink.id))?.lastTick).toBe(1);
  });

  it("inputs acknowledged as queued are forgotten once their tick is stored; after a crash the rest are the lost ones", async () => {
    await store.createSession("QUEU01", "h", false, "2026-01-05T09:00:00.000Z");
    const { round, sink } = playRound(store, "QUEU01", 1, 3);
    const noop = () => {};
    // One command queued for tick 3 is played by the next tick; two queued for tick 4 are cut off.
    expect(round.enqueue({ input: { kind: "command", seat: 1, team: 0, command: { type: "buyServer", model: "small" } }, client: "c1", requestId: 11, reply: noop })).toBeNull();
    round.tick(() => 0);
    expect(round.enqueue({ input: { kind: "command", seat: 1, team: 0, command: { type: "buyServer", model: "small" } }, client: "c1", requestId: 12, reply: noop })).toBeNull();
    expect(round.enqueue({ input: { kind: "command", seat: 2, team: 1, command: { type: "buyServer", model: "small" } }, client: "c2", requestId: 5, reply: noop })).toBeNull();
    await sink.settled();
    const lost = await store.takeQueued(sink.id, 4);
    expect(lost).toEqual([
      { tick: 4, seat: 1, request: 12, command: { type: "buyServer", model: "small" } },
      { tick: 4, seat: 2, request: 5, command: { type: "buyServer", model: "small" } },
    ]);
    // Taken once: a second rebuild does not report them again.
    expect(await store.takeQueued(sink.id, 4)).toEqual([]);
    // A stop that answered its queue leaves nothing to report.
    expect(round.enqueue({ input: { kind: "command", seat: 1, team: 0, command: { type: "buyServer", model: "small" } }, client: "c1", requestId: 13, reply: noop })).toBeNull();
    round.stop();
    await sink.settled();
    expect(await store.takeQueued(sink.id, 0)).toEqual([]);
    expect((await store.exportLog(sink.id))!.entries.at(-1)).toEqual({ tick: 4, type: "stop", cause: "shutdown" });
  });

  it("share links: made, listed, resolved, revoked only for their own round", async () => {
    await store.createSession("SHAR01", "h", false, "2026-01-08T09:00:00.000Z");
    await store.startRound("r-share", "SHAR01", header("SHAR01", 1), "o");
    const a = await store.createShare("r-share", "2026-01-08T10:00:00.000Z");
    const b = await store.createShare("r-share", "2026-01-08T11:00:00.000Z");
    expect(a).not.toBe(b);
    expect(await store.shares("r-share")).toEqual([{ id: a, createdAt: "2026-01-08T10:00:00.000Z" }, { id: b, createdAt: "2026-01-08T11:00:00.000Z" }]);
    expect(await store.sharedRound(a)).toBe("r-share");
    expect(await store.revokeShare("r-other", a)).toBe(false);
    expect(await store.revokeShare("r-share", a)).toBe(true);
    expect(await store.sharedRound(a)).toBeNull();
    expect(await store.shares("r-share")).toEqual([{ id: b, createdAt: "2026-01-08T11:00:00.000Z" }]);
  });

  it("deleting a session deletes its rounds, entries and shares", async () => {
    await store.createSession("GONE01", "h", false, "2026-01-09T09:00:00.000Z");
    await store.startRound("r-gone", "GONE01", header("GONE01", 1), "o");
    await store.appendTick("r-gone", "o", [join1(0, 1)], 1);
    const share = await store.createShare("r-gone", "2026-01-09T10:00:00.000Z");
    await store.deleteSession("GONE01");
    expect(await store.session("GONE01")).toBeNull();
    expect(await store.round("r-gone")).toBeNull();
    expect(await store.exportLog("r-gone")).toBeNull();
    expect(await store.sharedRound(share)).toBeNull();
  });

  it("what was written is there after the store is closed and opened again (a restarted process)", async () => {
    await store.close();
    store = await backend.open();
    expect((await store.session("SESS01"))?.hostSecretHash).toBe("hash-1");
    const rounds = await store.rounds("PLAY01");
    expect(rounds).toHaveLength(1);
    expect(verifyLog((await store.exportLog(rounds[0].id))!).ok).toBe(true);
    // A process that did not write the round continues its numbering from what is stored.
    await store.claimRound("r-move", "third");
    await store.appendTick("r-move", "third", [join1(7, 5)], 8);
    expect((await store.exportLog("r-move"))!.entries.map((e) => (e as { seat: number }).seat)).toEqual([1, 2, 4, 5]);
  });

  it("two processes creating the same code at the same moment: exactly one gets it", async () => {
    const other = await backend.open();
    try {
      const results = await Promise.all([
        store.createSession("RACE01", "a", false, "2026-01-10T09:00:00.000Z"),
        other.createSession("RACE01", "b", false, "2026-01-10T09:00:00.000Z"),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(["a", "b"]).toContain((await other.session("RACE01"))?.hostSecretHash);
    } finally {
      await other.close();
    }
  });
});
