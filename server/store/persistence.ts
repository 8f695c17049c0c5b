import type { Persistence, Recovered, SessionSnapshot } from "../session/ports";
import type { Store } from "./Store";
import { StoreSink } from "./sink";

/** A session kept in the store under its room code: snapshots, round logs, reports, its end. */
export function storePersistence(store: Store, code: string): Persistence {
  const report = (what: string) => (e: Error) => console.error(`session ${code}: ${what} not saved`, e.message);
  return {
    saveSnapshot: (snapshot) => store.saveSnapshot(code, snapshot).catch(report("snapshot")),
    roundSink: (onLost) => new StoreSink(store, code, undefined, onLost),
    ended: (at) => void store.endSession(code, at).catch(report("end")),
    recover: (onLost) => recover(store, code, onLost),
  };
}

async function recover(store: Store, code: string, onLost: () => void): Promise<Recovered | null> {
  const snapshot = (await store.session(code))?.snapshot as SessionSnapshot | null | undefined;
  if (!snapshot) return null;
  const rounds = await store.rounds(code);
  const reports = await Promise.all(rounds.filter((r) => r.status === "finished").map((r) => store.report(r.id)));
  const running = rounds.find((r) => r.status === "running");
  const log = running ? await store.exportLog(running.id) : null;
  const finished = rounds.filter((r) => r.status === "finished").at(-1);
  const lastLog = !running && finished ? await store.exportLog(finished.id) : null;
  return {
    snapshot,
    reports: reports.filter((r) => r !== null),
    lastRound: rounds.length > 0 ? Math.max(...rounds.map((r) => r.number)) : snapshot.roundNumber,
    running: running && log ? {
      log, tick: running.lastTick, number: running.number, sink: new StoreSink(store, code, running.id, onLost),
      // Inputs acknowledged for the last stored tick or later were never played: their senders are told.
      lost: await store.takeQueued(running.id, running.lastTick),
    } : null,
    last: finished && lastLog?.final ? { log: lastLog, number: finished.number } : null,
  };
}
