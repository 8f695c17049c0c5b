import type { LogEntry, LogFinal, MatchLogFile } from "../../shared/log/format";
import type { LogSink } from "../session/Round";
import type { Store } from "./Store";

/**
 * Writes a round's log to the store. Entries written during a tick are committed together with
 * the tick number at the end of it, so after a crash the stored log and the stored progress agree:
 * replaying to the stored tick rebuilds exactly what was played (only the tick in progress is lost).
 */
export class StoreSink implements LogSink {
  private pending: LogEntry[] = [];
  private inTick = false;

  constructor(private readonly store: Store, private readonly session: string, public id: string | null = null) {}

  start(log: MatchLogFile): void {
    this.id = this.store.startRound(this.session, log.header);
  }

  beginTick(): void {
    this.inTick = true;
  }

  append(entry: LogEntry): void {
    this.pending.push(entry);
    if (!this.inTick) this.flush(null);
  }

  commitTick(tick: number): void {
    this.inTick = false;
    this.flush(tick);
  }

  private flush(tick: number | null): void {
    if (!this.id) return;
    const id = this.id;
    const batch = this.pending;
    this.pending = [];
    this.store.db.transaction(() => {
      for (const e of batch) this.store.append(id, e);
      if (tick !== null) this.store.setLastTick(id, tick);
    })();
  }

  finish(final: LogFinal): void {
    this.flush(final.tick);
    if (this.id) this.store.finishRound(this.id, final, null, new Date().toISOString());
  }

  discard(): void {
    this.pending = [];
    if (this.id) this.store.discardRound(this.id);
  }
}
