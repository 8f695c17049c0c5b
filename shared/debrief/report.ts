import { APPS, type AppId, type LayerKind } from "../engine/data";
import type { TeamResult } from "../engine/results";
import type { MatchSettings, MatchState } from "../engine/types";
import type { LogEntry, RosterEntry } from "../log/format";
import { BOT_SEAT } from "../protocol/seats";
import { SCENARIOS } from "../scenarios";
import { spikeEnd } from "../scenarios/curve";
import type { RoundSeries } from "./series";
import type { TeamFacts } from "./facts";

/** Who played a team: students, a bot for the whole round, both, or nobody. */
export interface TeamControl {
  kind: "students" | "bot" | "mixed" | "empty";
  /** The bot that played it last ("" when none did). */
  bot: string;
  botMinutes: number;
  /** Distinct players who were on the team during the round. */
  players: number;
}

/** A team's spike, from its own series: ready when it hit, how fast it added capacity, what it served. */
export interface SpikeFacts {
  /** Requests a minute the front end could serve in the minute before the spike, and added in the forecast window before it. */
  capacityAtStart: number;
  addedAhead: number;
  peakDemand: number;
  /**
   * Minutes from the spike's start to the first minute in its window the team added capacity: an
   * instance, a VM, a server bought or rented, more CPU for an instance (-1: never).
   */
  reaction: number;
  demand: number;
  served: number;
  worstDropped: number;
  worstTick: number;
  /** Front-end apps whose capacity when the spike hit was below their own peak in it. */
  shortApps: AppId[];
  /** Every app could serve its own peak when the spike hit. */
  ready: boolean;
}

/** The inputs that rebuild the round (what-if re-runs them): the seed and every command and incident. */
export interface ReplayInputs {
  seed: number;
  inputs: Extract<LogEntry, { type: "command" | "incident" }>[];
}

/** Everything the debrief needs about one round; built by the server, the replayer and the simulator. */
export interface RoundReport {
  round: number;
  scenario: MatchSettings["scenario"];
  settings: MatchSettings;
  ticks: number;
  startMinute: number;
  budget: number;
  apps: AppId[];
  /** What could be installed, and whether machines could be rented. */
  unlocks: LayerKind[];
  rent: boolean;
  paymentIsolation: boolean;
  /** When the spike really started and when its window (the dear penalties) ended; -1 when none. */
  spikeStart: number;
  spikeEnd: number;
  wave2Start: number;
  /** First minute of the forecast window (the whole band the spike could start in); -1 when none. */
  windowFrom: number;
  teams: string[];
  control: TeamControl[];
  results: TeamResult[];
  series: RoundSeries;
  facts: TeamFacts[];
  /** Per team, null when the round had no spike (or ended before it). */
  spike: (SpikeFacts | null)[];
  /** Per team: count of commands its players (and bot) made. */
  commands: number[];
  replay: ReplayInputs;
}

/**
 * Whether a report has this version's shape (a session restored from a snapshot written by an
 * older server may hold reports without the facts the cards read).
 */
export function isCurrentReport(r: Partial<RoundReport>): r is RoundReport {
  return Array.isArray(r.control) && Array.isArray(r.unlocks) && r.replay !== undefined && Array.isArray(r.facts)
    && r.facts.every((f) => typeof f?.minutes === "number" && f.lost !== undefined && typeof f.suddenFailures === "number");
}

export interface ReportSource {
  round: number;
  state: MatchState;
  results: TeamResult[];
  series: RoundSeries;
  facts: TeamFacts[];
  entries: readonly LogEntry[];
  /** The log header's roster and bots at the start. */
  roster: readonly RosterEntry[];
  bots: readonly (string | null)[];
}

/** Who played each team, from the roster at the start and the log's joins, moves, bot changes and commands. */
export function teamControl(src: Pick<ReportSource, "entries" | "roster" | "bots">, teams: number, ticks: number): TeamControl[] {
  const players = Array.from({ length: teams }, () => new Set<number>());
  const bot: (string | null)[] = Array.from({ length: teams }, (_, i) => src.bots[i] ?? null);
  const last = bot.map((b) => b ?? "");
  const since = new Array<number>(teams).fill(0);
  const minutes = new Array<number>(teams).fill(0);
  for (const r of src.roster) if (r.team >= 0 && r.team < teams && r.role === "student") players[r.team].add(r.seat);
  for (const e of src.entries) {
    if ((e.type === "join" || e.type === "move") && e.team >= 0 && e.team < teams && e.seat !== BOT_SEAT) players[e.team].add(e.seat);
    if (e.type === "command" && e.seat !== BOT_SEAT && e.team < teams) players[e.team].add(e.seat);
    if (e.type === "bot" && e.team >= 0 && e.team < teams) {
      if (bot[e.team]) minutes[e.team] += Math.min(e.tick, ticks) - since[e.team];
      bot[e.team] = e.bot;
      since[e.team] = Math.min(e.tick, ticks);
      if (e.bot) last[e.team] = e.bot;
    }
  }
  return players.map((p, i) => {
    const botMinutes = minutes[i] + (bot[i] ? ticks - since[i] : 0);
    const kind = botMinutes === 0 ? (p.size > 0 ? "students" : "empty") : p.size === 0 || botMinutes >= ticks ? "bot" : "mixed";
    return { kind, bot: last[i], botMinutes, players: p.size };
  });
}

/**
 * What the team could serve in one minute end to end, per front-end app, and the users' demand:
 * each app's capacity, those that query the database scaled down to what it can answer (as the
 * engine serves them), batch jobs left out.
 */
function frontEnd(report: Pick<RoundReport, "apps" | "series">, team: number, t: number): { app: AppId; cap: number; demand: number }[] {
  const cap = report.series.teams[team]?.capacity;
  const out: { app: AppId; cap: number; demand: number; q: number }[] = [];
  let queries = 0;
  for (const a of report.apps) {
    if (APPS[a].role !== "frontend") continue;
    const c = cap?.[a]?.[t] ?? 0;
    const q = APPS[a].deps.db ?? 0;
    queries += c * q;
    out.push({ app: a, cap: c, demand: report.series.demand[a]?.[t] ?? 0, q });
  }
  const db = cap?.db?.[t] ?? 0;
  if (queries > db) for (const o of out) if (o.q > 0) o.cap = Math.trunc((o.cap * db) / queries);
  return out;
}

const sum = (xs: { cap: number; demand: number }[], k: "cap" | "demand") => xs.reduce((n, x) => n + x[k], 0);

export function spikeFacts(
  report: Pick<RoundReport, "apps" | "series" | "spikeStart" | "spikeEnd" | "windowFrom" | "ticks" | "facts">, team: number,
): SpikeFacts | null {
  const s = report.series.teams[team];
  const start = report.spikeStart;
  if (start < 0 || !s) return null;
  const end = Math.min(report.ticks, report.spikeEnd);
  const capAt = (t: number) => (t >= 0 ? sum(frontEnd(report, team, t), "cap") : 0);
  const atStart = start > 0 ? frontEnd(report, team, start - 1) : [];
  const capacityAtStart = sum(atStart, "cap");
  const from = Math.min(start, Math.max(0, report.windowFrom));
  const firstAdd = report.facts[team]?.spikeFirstAdd ?? -1;
  const out: SpikeFacts = {
    capacityAtStart, addedAhead: Math.max(0, capacityAtStart - capAt(from - 1)), peakDemand: 0,
    reaction: firstAdd >= start && firstAdd < end ? firstAdd - start : -1, demand: 0, served: 0, worstDropped: 0, worstTick: -1,
    shortApps: [], ready: false,
  };
  const peaks = new Map<AppId, number>();
  for (let t = start; t < end; t++) {
    const apps = frontEnd(report, team, t);
    const demand = sum(apps, "demand");
    out.peakDemand = Math.max(out.peakDemand, demand);
    for (const a of apps) peaks.set(a.app, Math.max(peaks.get(a.app) ?? 0, a.demand));
    out.demand += demand;
    out.served += s.served[t] ?? 0;
    const dropped = s.dropped[t] ?? 0;
    if (dropped > out.worstDropped) { out.worstDropped = dropped; out.worstTick = t; }
  }
  // Ready means every app could serve its own peak: room for the portal does not serve the grades.
  out.shortApps = report.apps.filter((a) => APPS[a].role === "frontend" && (atStart.find((x) => x.app === a)?.cap ?? 0) < (peaks.get(a) ?? 0));
  out.ready = out.shortApps.length === 0 && capacityAtStart >= out.peakDemand;
  return out;
}

export function buildReport(src: ReportSource): RoundReport {
  const { state } = src;
  const scn = SCENARIOS[state.scenario];
  const teams = state.teams.length;
  const commands = new Array<number>(teams).fill(0);
  const inputs: ReplayInputs["inputs"] = [];
  for (const e of src.entries) {
    if (e.type === "command") { commands[e.team]++; inputs.push(e); }
    if (e.type === "incident") inputs.push(e);
  }
  // A round ended before the spike never had one.
  const hadSpike = scn.spike !== null && state.tick > state.world.spikeStart;
  const spikeStart = hadSpike ? state.world.spikeStart : -1;
  const report: RoundReport = {
    round: src.round,
    scenario: state.scenario,
    settings: state.settings,
    ticks: state.tick,
    startMinute: state.world.startMinute,
    budget: state.world.budget,
    apps: [...state.world.apps],
    unlocks: [...state.world.unlocks],
    rent: state.world.rent,
    paymentIsolation: state.world.paymentIsolation,
    spikeStart,
    spikeEnd: hadSpike && scn.spike ? spikeEnd(scn.spike, Math.max(spikeStart, state.world.wave2Start)) : -1,
    wave2Start: hadSpike && state.tick > state.world.wave2Start ? state.world.wave2Start : -1,
    windowFrom: hadSpike ? state.world.slowFrom : -1,
    teams: state.teams.map((t) => t.name),
    control: teamControl(src, teams, state.tick),
    results: src.results,
    series: src.series,
    facts: src.facts,
    spike: [],
    commands,
    replay: { seed: state.seed, inputs },
  };
  report.spike = state.teams.map((_, i) => spikeFacts(report, i));
  return report;
}
