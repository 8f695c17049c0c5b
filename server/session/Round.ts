import {
  advance, applyCommand, applyHostAction, createMatch, isOver, results, stateHash,
  type HostAction, type MatchSettings, type MatchState,
} from "../../shared/engine";
import type { Bot, BotName } from "../../shared/bots";
import type { Command } from "../../shared/engine/commands";
import { makeBot } from "../../shared/bots";
import { botSeed, botTurn } from "../../shared/sim/run";
import { emptySeries, recordTick, type RoundSeries } from "../../shared/debrief/series";
import { buildReport, type RoundReport } from "../../shared/debrief/report";
import { RoundTracker } from "../../shared/debrief/track";
import { HASH_EVERY_TICKS, newLogHeader, type LogEntry, type LogFinal, type MatchLogFile, type RosterEntry } from "../../shared/log/format";
import { BOT_SEAT } from "../../shared/protocol/seats";
import { Replayer, type Divergence } from "../../shared/log/replay";
import { LIMITS } from "../../shared/protocol/limits";
import type { WireError } from "../../shared/protocol/messages";

/** Where the match log goes as it is written (memory by default; SQLite in the server). */
export interface LogSink {
  start(log: MatchLogFile): void;
  append(entry: LogEntry): void;
  finish(final: LogFinal): void;
  /** The round was called off before its first tick. */
  discard?(): void;
  /** The round's debrief, once it is over. */
  saveReport?(report: RoundReport): void;
  /** Runs `done` once everything appended so far is stored (absent: at once). */
  afterCommit?(done: () => void): void;
  /** Resolves once every write so far is made (before the process exits). */
  settled?(): Promise<void>;
  /** Brackets the entries of one tick (a store commits them together with the tick reached). */
  beginTick?(): void;
  commitTick?(tick: number): void;
  /**
   * An input acknowledged as queued for `tick`: kept until its tick is committed, so a round
   * rebuilt after a crash knows which acknowledged inputs were never played.
   */
  queue?(input: { tick: number; seat: number; request: number; command: unknown }): void;
  /** Every queued input was answered (the server is stopping): none need be remembered. */
  unqueue?(): void;
}

/** An input that was acknowledged as queued but never played because the server stopped. */
export interface LostInput {
  tick: number;
  seat: number;
  request: number;
  command: unknown;
}

export type Input =
  | { kind: "command"; seat: number; team: number; command: unknown }
  | { kind: "incident"; seat: number; action: HostAction };

export interface QueuedInput {
  input: Input;
  /** Who to answer, and which of their requests this was. */
  client: string;
  requestId: number;
  /** Called with the outcome once the tick has applied (or refused) it. */
  reply: (outcome: { ok: true; tick: number } | { ok: false; error: WireError }) => void;
  /** A team command as the engine read it (set when it is queued). */
  parsed?: Command;
  /** Its feed line went out when it was queued (the clock was frozen): the minute that plays it does not repeat it. */
  announced?: boolean;
}

export interface RoundInit {
  settings: MatchSettings;
  seed: number;
  room: string;
  round: number;
  roster: RosterEntry[];
  bots: (BotName | null)[];
  startedAt: string;
  sink?: LogSink;
  /**
   * Rebuild a round that was being played when the server stopped: its log, how far it got, and the
   * inputs acknowledged as queued that were never played.
   */
  resume?: { log: MatchLogFile; tick: number; lost?: LostInput[] };
}

/**
 * One round: the engine's match, the queue of inputs waiting for the next tick, the bots, the
 * per-tick series and the match log. It knows nothing of Colyseus; the room drives it.
 */
export class Round {
  readonly state: MatchState;
  readonly log: MatchLogFile;
  readonly series: RoundSeries;
  /** What each team did over the round (the debrief's facts). */
  readonly tracker: RoundTracker;
  /** Set when a rebuilt round's replay disagreed with its own log (should never happen). */
  rebuiltFrom: Divergence | null = null;
  /** After a rebuild: why the server stopped, and each seat's lost inputs until it is told. */
  stoppedBy: "shutdown" | "crash" | null = null;
  readonly lost = new Map<number, LostInput[]>();
  private readonly queue: QueuedInput[] = [];
  private readonly queuedBy = new Map<string, number>();
  private readonly bots: (Bot | null)[];
  readonly sink?: LogSink;
  private finalised: LogFinal | null = null;
  /** The state with this tick's queued commands applied (made on the first one, dropped each tick). */
  private preview: MatchState | null = null;
  private readonly previewed = new Set<number>();
  /** Log entries of commands whose feed line was told when they were queued. */
  readonly announced = new WeakSet<LogEntry>();

  constructor(init: RoundInit) {
    this.sink = init.sink;
    if (init.resume) {
      // Replaying the log through the engine rebuilds the state exactly as it was at that tick.
      const replayer = new Replayer(init.resume.log, init.resume.tick);
      replayer.runToEnd();
      this.state = replayer.state;
      this.series = replayer.series;
      this.tracker = replayer.tracker;
      this.log = init.resume.log;
      this.log.entries = this.log.entries.filter((e) => e.tick <= this.state.tick);
      this.rebuiltFrom = replayer.divergence;
      const bots: (BotName | null)[] = [...this.log.header.bots] as (BotName | null)[];
      for (const e of this.log.entries) if (e.type === "bot") bots[e.team] = e.bot as BotName | null;
      this.bots = bots.map((b, i) => (b ? makeBot(b, botSeed(this.state.seed, i)) : null));
      // A finished round is only shown again: its log is complete and is not written to.
      if (this.log.final) this.finalised = this.log.final;
      else this.markRecovery(init.resume.lost ?? []);
      return;
    }
    this.state = createMatch(init.settings, init.seed);
    this.series = emptySeries(init.settings.teams.length);
    this.tracker = new RoundTracker(init.settings.teams.length);
    this.bots = init.bots.map((b, i) => (b ? makeBot(b, botSeed(this.state.seed, i)) : null));
    this.log = {
      header: newLogHeader({
        seed: init.seed, settings: init.settings, roster: init.roster, room: init.room, round: init.round,
        startedAt: init.startedAt, bots: init.bots,
      }),
      entries: [],
      final: null,
    };
    this.sink?.start(this.log);
  }

  /**
   * The log says the server stopped here and the round was rebuilt: a shutdown wrote its own `stop`
   * as it went; a crash could not, so its `stop` is written now, at the last tick stored.
   */
  private markRecovery(lost: readonly LostInput[]): void {
    const t = this.state.tick;
    const last = this.log.entries[this.log.entries.length - 1];
    const stopped = last?.type === "stop" && last.tick === t ? last : null;
    this.stoppedBy = stopped?.cause ?? "crash";
    if (!stopped) this.append({ tick: t, type: "stop", cause: "crash" });
    this.append({ tick: t, type: "recover", lost: lost.length });
    for (const l of lost) {
      const list = this.lost.get(l.seat) ?? [];
      list.push(l);
      this.lost.set(l.seat, list);
    }
  }

  /**
   * The server is stopping: the clock will not tick again in this process. Inputs waiting for the
   * next tick are answered now (so no one waits on a reply that cannot come) and the log marks the stop.
   */
  stop(): void {
    if (this.over) return;
    for (const item of this.queue.splice(0)) {
      item.reply({ ok: false, error: { code: "server_restarting", params: { tick: this.state.tick } } });
    }
    this.queuedBy.clear();
    this.preview = null;
    this.sink?.unqueue?.();
    this.append({ tick: this.state.tick, type: "stop", cause: "shutdown" });
  }

  /**
   * The last round a rebuilt session finished, replayed to its end so the room shows its final
   * state (scores, racks, the clock) beside its debrief. Nothing is written to its log.
   */
  static finished(room: string, log: MatchLogFile, number: number): Round {
    const h = log.header;
    return new Round({
      settings: h.settings, seed: h.seed, room, round: number, roster: h.roster, bots: h.bots as (BotName | null)[],
      startedAt: h.startedAt, resume: { log, tick: log.final!.tick },
    });
  }

  /** A round that was being played when the server stopped, rebuilt from its log up to `tick`. */
  static resume(room: string, kept: { log: MatchLogFile; tick: number; number: number; sink: LogSink; lost: LostInput[] }): Round {
    const h = kept.log.header;
    return new Round({
      settings: h.settings, seed: h.seed, room, round: kept.number, roster: h.roster, bots: h.bots as (BotName | null)[],
      startedAt: h.startedAt, sink: kept.sink, resume: { log: kept.log, tick: kept.tick, lost: kept.lost },
    });
  }

  get over(): boolean {
    return this.finalised !== null || isOver(this.state);
  }

  /**
   * Queues an input for the next tick. A team command is first tried on a preview of the state as
   * it will be once everything already queued is applied, so its sender hears the engine's verdict
   * at once, and commands that build on each other (install a layer, then deploy on it) can be sent
   * within the same tick. Refused when the client or the room has too many waiting.
   */
  enqueue(item: QueuedInput, perClient: number = LIMITS.queuePerClient): WireError | null {
    const mine = this.queuedBy.get(item.client) ?? 0;
    if (mine >= perClient || this.queue.length >= LIMITS.queuePerRoom) {
      return { code: "queue_full", params: { waiting: mine, limit: perClient } };
    }
    if (item.input.kind === "command") {
      const r = applyCommand(this.previewFor(item.input.team), item.input.team, item.input.command);
      if (!r.ok) return r.error;
      item.parsed = r.command;
    }
    this.queue.push(item);
    this.queuedBy.set(item.client, mine + 1);
    const { input } = item;
    this.sink?.queue?.({ tick: this.state.tick, seat: input.seat, request: item.requestId, command: input.kind === "command" ? input.command : input.action });
    return null;
  }

  /**
   * The preview shares everything with the real state but the teams that sent commands this tick,
   * which are copied on their first command: a command only changes its own team (and the id
   * counter, a plain number on the shallow copy), and copying one team is cheap where copying the
   * whole match for every room on every tick was not.
   */
  private previewFor(team: number): MatchState {
    if (!this.preview) {
      this.preview = { ...this.state, teams: [...this.state.teams] };
      this.previewed.clear();
    }
    if (!this.previewed.has(team) && this.state.teams[team]) {
      this.preview.teams[team] = structuredClone(this.state.teams[team]);
      this.previewed.add(team);
    }
    return this.preview;
  }

  /**
   * The match as it will be once the inputs queued so far are applied, before the clock moves:
   * what a frozen clock shows (the next minute applies exactly these, in this order).
   */
  previewState(): MatchState {
    return this.preview ?? this.state;
  }

  /** Runs `done` once what the round has logged so far is stored: a player is never told of a change a crash could undo. */
  afterCommit(done: () => void): void {
    if (this.sink?.afterCommit) this.sink.afterCommit(done);
    else done();
  }

  /** Appends an annotation (join, leave, move, pause…) at the current tick. */
  annotate(entry: LogEntry): void {
    this.append(entry);
  }

  private append(entry: LogEntry): void {
    this.log.entries.push(entry);
    this.sink?.append(entry);
  }

  /**
   * One tick: queued inputs in arrival order, then the bots, then the engine advances. Each input's
   * sender hears the outcome. `teamOf` re-checks a student's team at apply time (the host may have
   * moved them since they sent it).
   */
  tick(teamOf: (seat: number) => number): void {
    if (this.over) return;
    const t = this.state.tick;
    this.sink?.beginTick?.();
    const batch = this.queue.splice(0);
    this.preview = null;
    this.queuedBy.clear();
    for (const item of batch) this.applyQueued(item, t, teamOf);
    botTurn(this.state, this.bots, (c) => this.append({ tick: c.tick, type: "command", seat: BOT_SEAT, team: c.team, command: c.command }));
    advance(this.state);
    recordTick(this.series, this.state);
    this.tracker.noteTick(this.state);
    if (this.state.tick % HASH_EVERY_TICKS === 0) this.append({ tick: this.state.tick, type: "hash", hash: stateHash(this.state) });
    this.sink?.commitTick?.(this.state.tick);
  }

  private applyQueued(item: QueuedInput, t: number, teamOf: (seat: number) => number): void {
    const { input } = item;
    if (input.kind === "incident") {
      const r = applyHostAction(this.state, input.action);
      if (!r.ok) return item.reply({ ok: false, error: r.error });
      this.append({ tick: t, type: "incident", seat: input.seat, action: r.action });
      return item.reply({ ok: true, tick: t });
    }
    if (teamOf(input.seat) !== input.team) {
      return item.reply({ ok: false, error: { code: "no_team", params: { team: input.team } } });
    }
    const r = applyCommand(this.state, input.team, input.command);
    if (!r.ok) return item.reply({ ok: false, error: r.error });
    const entry: LogEntry = { tick: t, type: "command", seat: input.seat, team: input.team, command: r.command };
    this.append(entry);
    if (item.announced) this.announced.add(entry);
    item.reply({ ok: true, tick: t });
  }

  /** The round's debrief (call once it is finished). */
  report(number: number, results: LogFinal["results"]): RoundReport {
    const h = this.log.header;
    return buildReport({
      round: number, state: this.state, results, series: this.series, facts: this.tracker.facts(),
      entries: this.log.entries, roster: h.roster, bots: h.bots,
    });
  }

  setBot(team: number, bot: BotName | null): void {
    this.bots[team] = bot ? makeBot(bot, botSeed(this.state.seed, team)) : null;
    this.append({ tick: this.state.tick, type: "bot", team, bot });
  }

  /** Drops a round that never started: inputs waiting are refused and the log sink forgets it. */
  discard(): void {
    for (const item of this.queue.splice(0)) item.reply({ ok: false, error: { code: "round_over", params: { tick: 0 } } });
    this.queuedBy.clear();
    this.sink?.discard?.();
  }

  /** Ends the round (by time or by the host): inputs still waiting are refused, results are fixed. */
  finish(endedBy: LogFinal["endedBy"]): LogFinal {
    if (this.finalised) return this.finalised;
    for (const item of this.queue.splice(0)) {
      item.reply({ ok: false, error: { code: "round_over", params: { tick: this.state.tick } } });
    }
    this.queuedBy.clear();
    this.finalised = { tick: this.state.tick, hash: stateHash(this.state), endedBy, results: results(this.state) };
    this.log.final = this.finalised;
    this.sink?.finish(this.finalised);
    return this.finalised;
  }
}
