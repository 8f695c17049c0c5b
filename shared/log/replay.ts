import { advance, applyCommand, applyHostAction, createMatch, isOver, stateHash, ENGINE_VERSION, results, type MatchState, type TeamResult } from "../engine";
import { hashValue } from "../engine/hash";
import { SCENARIOS } from "../scenarios";
import { emptySeries, recordTick, type RoundSeries } from "../debrief/series";
import { buildReport, type RoundReport } from "../debrief/report";
import { RoundTracker } from "../debrief/track";
import type { LogEntry, MatchLogFile } from "./format";
import { EVERY_TEAM } from "../protocol/seats";

/** Snapshots of the state are kept this often, so seeking re-simulates at most this many ticks. */
export const SNAPSHOT_EVERY = 20;

export interface Divergence {
  /** The tick where the replay first disagreed with the log. */
  tick: number;
  /** What disagreed: a logged state hash, the final hash, or an input the engine refused. */
  what: "hash" | "final" | "input";
  expected?: string;
  actual?: string;
  /** The last tick known to agree (the previous checkpoint): the change happened after it. */
  since: number;
}

export interface Marker {
  tick: number;
  kind: "spike" | "incident" | "decision";
  team: number;
  /** Command type for decisions, incident kind for incidents. */
  label: string;
}

/** The commands worth a mark on the timeline: a team's big decisions. */
const BIG = new Set(["buyServer", "installLayer", "createVm", "migrateVm", "sellServer"]);

interface Snapshot {
  state: MatchState;
  cursor: number;
}

/**
 * Re-simulates a match log through the engine: from the header's seed, every input at its tick, in
 * order. It checks each logged state hash on the way, records the series and timeline markers, and
 * keeps snapshots so any tick can be reached quickly afterwards.
 */
export class Replayer {
  state: MatchState;
  readonly series: RoundSeries;
  /** What each team did over the round, for the debrief (kept while recording). */
  readonly tracker: RoundTracker;
  readonly markers: Marker[] = [];
  /** Problems known before replaying: another engine version, a different scenario file. */
  readonly warnings: { code: "log_engine_version" | "log_scenario_changed"; params: Record<string, string> }[] = [];
  divergence: Divergence | null = null;
  private cursor = 0;
  private lastGood = 0;
  private readonly snapshots = new Map<number, Snapshot>();
  private recording = true;
  readonly endTick: number;

  /** `endTick` replays to that tick instead of the log's end (a round rebuilt after a crash). */
  constructor(readonly log: MatchLogFile, endTick?: number) {
    const h = log.header;
    if (h.engineVersion !== ENGINE_VERSION) this.warnings.push({ code: "log_engine_version", params: { log: h.engineVersion, engine: ENGINE_VERSION } });
    if (hashValue(SCENARIOS[h.scenario]) !== h.scenarioHash) this.warnings.push({ code: "log_scenario_changed", params: { scenario: h.scenario } });
    this.state = createMatch(h.settings, h.seed);
    this.series = emptySeries(h.settings.teams.length);
    this.tracker = new RoundTracker(h.settings.teams.length);
    const lastEntry = log.entries.length > 0 ? log.entries[log.entries.length - 1].tick : 0;
    this.endTick = Math.min(this.state.world.ticks, endTick ?? (log.final ? log.final.tick : lastEntry));
    this.snapshot();
  }

  get tick(): number {
    return this.state.tick;
  }

  get done(): boolean {
    return this.state.tick >= this.endTick || isOver(this.state);
  }

  private snapshot(): void {
    if (this.state.tick % SNAPSHOT_EVERY === 0 && !this.snapshots.has(this.state.tick)) {
      this.snapshots.set(this.state.tick, { state: structuredClone(this.state), cursor: this.cursor });
    }
  }

  private diverge(d: Omit<Divergence, "since">): void {
    if (!this.divergence) this.divergence = { ...d, since: this.lastGood };
  }

  /** Applies the inputs logged for the current tick, then advances one tick. */
  step(): boolean {
    if (this.done) return false;
    const entries = this.log.entries;
    const t = this.state.tick;
    while (this.cursor < entries.length && entries[this.cursor].tick <= t) {
      const e = entries[this.cursor++];
      if (e.tick < t) continue;
      this.apply(e);
    }
    advance(this.state);
    if (this.recording) {
      recordTick(this.series, this.state);
      this.tracker.noteTick(this.state);
      for (const ev of this.state.events) {
        if (ev.kind === "spike") this.markers.push({ tick: t, kind: "spike", team: EVERY_TEAM, label: "spike" });
        if (ev.kind === "incident" && ev.hit.length > 0) this.markers.push({ tick: t, kind: "incident", team: ev.team, label: ev.incident });
      }
    }
    // Hash checkpoints are logged right after the tick that reached them.
    while (this.cursor < entries.length && entries[this.cursor].tick === this.state.tick && entries[this.cursor].type === "hash") {
      this.apply(entries[this.cursor++]);
    }
    this.snapshot();
    return true;
  }

  private apply(e: LogEntry): void {
    const t = this.state.tick;
    if (e.type === "hash") {
      const actual = stateHash(this.state);
      if (actual !== e.hash) this.diverge({ tick: e.tick, what: "hash", expected: e.hash, actual });
      else if (!this.divergence) this.lastGood = e.tick;
    } else if (e.type === "command") {
      const r = applyCommand(this.state, e.team, e.command);
      if (!r.ok) this.diverge({ tick: t, what: "input", expected: e.command.type, actual: r.error.code });
      else if (this.recording && BIG.has(e.command.type)) this.markers.push({ tick: t, kind: "decision", team: e.team, label: e.command.type });
    } else if (e.type === "incident") {
      const r = applyHostAction(this.state, e.action);
      if (!r.ok) this.diverge({ tick: t, what: "input", expected: "incident", actual: r.error.code });
    }
  }

  /** Plays to the end of the log and checks the final hash. */
  runToEnd(): void {
    while (this.step()) { /* the loop is the work */ }
    const f = this.log.final;
    if (f && this.state.tick === f.tick) {
      const actual = stateHash(this.state);
      if (actual !== f.hash) this.diverge({ tick: f.tick, what: "final", expected: f.hash, actual });
    }
  }

  /** Jumps to a tick from the nearest snapshot at or before it (call after runToEnd). */
  seek(tick: number): void {
    const target = Math.max(0, Math.min(tick, this.endTick));
    let best = 0;
    for (const t of this.snapshots.keys()) if (t <= target && t > best) best = t;
    const snap = this.snapshots.get(best)!;
    this.state = structuredClone(snap.state);
    this.cursor = snap.cursor;
    this.recording = false;
    while (this.state.tick < target && this.step()) { /* re-simulate the few ticks left */ }
  }

  results(): TeamResult[] {
    return results(this.state);
  }

  report(): RoundReport {
    const h = this.log.header;
    return buildReport({
      round: h.round, state: this.state, results: this.results(), series: this.series, facts: this.tracker.facts(),
      entries: this.log.entries, roster: h.roster, bots: h.bots,
    });
  }
}
