import type { RoundReport } from "../../shared/debrief/report";
import type { LogEntry, LogFinal, MatchLogFile } from "../../shared/log/format";
import type { LogSink } from "../session/Round";
import { newSecret } from "../session/secrets";
import { LostOwnership, type QueuedRow, type Store } from "./Store";

/**
 * Writes a round's log to the store. Entries written during a tick are committed together with
 * the tick number at the end of it, so after a crash the stored log and the stored progress agree:
 * replaying to the stored tick rebuilds exactly what was played (only the tick in progress is lost).
 *
 * Writes go out in order, one at a time (the store may be a database across the network); a write
 * that fails is retried, never skipped, so the log has no holes. `afterCommit` lets the room tell a
 * player "applied" only once what was applied is stored.
 */
export class StoreSink implements LogSink {
  readonly id: string;
  /** This room's claim on the round: the store refuses writes from any earlier holder. */
  readonly owner = newSecret(9);
  private pending: LogEntry[] = [];
  private inTick = false;
  private waiting: (() => void)[] = [];
  private chain: Promise<void> = Promise.resolve();
  private lost = false;

  /**
   * `resume`: the id of a stored round this room takes over (rebuilt after a crash or handed over
   * by a stopping process); otherwise a new round gets an id now and is stored on `start`.
   */
  constructor(
    private readonly store: Store,
    private readonly session: string,
    resume?: string,
    /** Called once if another room takes the round over; nothing more is written after that. */
    private readonly onLost?: () => void,
  ) {
    this.id = resume ?? newSecret(9);
    if (resume) this.enqueue(() => store.claimRound(this.id, this.owner));
  }

  start(log: MatchLogFile): void {
    this.enqueue(() => this.store.startRound(this.id, this.session, log.header, this.owner));
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

  /** Runs `done` once everything appended so far (and the tick in progress) is stored. */
  afterCommit(done: () => void): void {
    if (this.inTick) this.waiting.push(done);
    else this.chain = this.chain.then(() => { if (!this.lost) done(); });
  }

  /** An input acknowledged as queued (see Store.queueInput). */
  queue(input: QueuedRow): void {
    this.enqueue(() => this.store.queueInput(this.id, input));
  }

  /** Queued inputs were all answered (the server is stopping): none is left to report after a restart. */
  unqueue(): void {
    this.enqueue(() => this.store.clearQueued(this.id));
  }

  /** Resolves when every write queued so far has been made (before a handover or a shutdown). */
  settled(): Promise<void> {
    return this.chain;
  }

  saveReport(report: RoundReport): void {
    this.enqueue(() => this.store.saveReport(this.id, report));
  }

  private flush(tick: number | null): void {
    const batch = this.pending;
    const done = this.waiting;
    this.pending = [];
    this.waiting = [];
    if (batch.length === 0 && tick === null) return;
    this.enqueue(() => this.store.appendTick(this.id, this.owner, batch, tick), done);
  }

  finish(final: LogFinal): void {
    this.flush(final.tick);
    this.enqueue(() => this.store.clearQueued(this.id));
    this.enqueue(() => this.store.finishRound(this.id, final, null, new Date().toISOString()));
  }

  discard(): void {
    this.pending = [];
    this.waiting = [];
    this.enqueue(() => this.store.discardRound(this.id));
  }

  private enqueue(write: () => Promise<void>, done: (() => void)[] = []): void {
    this.chain = this.chain.then(async () => {
      if (this.lost) return;
      for (let attempt = 0; ; attempt++) {
        try {
          await write();
          break;
        } catch (e) {
          if (e instanceof LostOwnership) {
            this.lost = true;
            console.error(`round ${this.id}: ${e.message}; this room stops writing it`);
            this.onLost?.();
            return;
          }
          console.error(`round ${this.id}: store write failed (attempt ${attempt + 1}), retrying`, (e as Error).message);
          await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** attempt)));
        }
      }
      for (const d of done) d();
    });
  }
}
