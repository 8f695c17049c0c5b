import type { BotName } from "../../shared/bots/names";
import type { RoundReport } from "../../shared/debrief/report";
import type { MatchState } from "../../shared/engine/types";
import type { LogEntry } from "../../shared/log/format";
import type { Phase } from "../../shared/protocol/phases";
import { datacenterRow } from "../../shared/view/datacenter";
import { commandLine, eventBanner, eventLine, rentBanners } from "../../shared/view/feed";
import { teamScoreRow } from "../../shared/view/leaderboard";
import { demandRow } from "../../shared/view/round";
import type { BannerRow, FeedRow, FreezeRow, RoundRow } from "../../shared/view/rows";
import type { MatchRows, Recovered, SessionRows, SessionSnapshot } from "./ports";
import { Round } from "./Round";
import type { Roster } from "./Roster";
import type { SeatDesk } from "./seats";
import { configureFrom, type Config, type Configure } from "./setup";

/** The parts of a session that are synced and kept. */
export interface SessionFacts {
  readonly code: string;
  readonly phase: Phase;
  readonly practice: boolean;
  readonly locked: boolean;
  readonly config: Config;
  readonly teams: readonly { name: string; bot: BotName | null }[];
  readonly roster: Roster;
  readonly desk: SeatDesk;
  readonly roundNumber: number;
  /** The round shown, from its briefing on. */
  readonly shown: RoundRow | null;
  /** Seconds of the 3-2-1 left, and who may build while the clock is frozen. */
  readonly time: { readonly countdown: { readonly left: number }; readonly freeze: { row(frozen: boolean): FreezeRow }; readonly asks: { has(seat: number): boolean } };
}

export function sessionRows(s: SessionFacts): SessionRows {
  return {
    code: s.code, phase: s.phase, practice: s.practice, locked: s.locked,
    countdown: s.time.countdown.left, freeze: s.time.freeze.row(s.phase === "frozen"),
    config: { ...s.config, unlocks: [...s.config.unlocks] },
    teams: s.teams.map((t, i) => ({ index: i, name: t.name, bot: t.bot ?? "", members: s.roster.members(i).length })),
    seats: s.roster.all().map((seat) => ({
      seat: seat.seat, nickname: seat.nickname, role: seat.role, team: seat.team, connected: seat.connected, asks: seat.asks, asksTime: s.time.asks.has(seat.seat),
    })),
    round: s.shown,
  };
}

export function matchRows(state: MatchState): MatchRows {
  return {
    tick: state.tick, demand: demandRow(state), scores: state.teams.map(teamScoreRow),
    datacenters: state.teams.map((_, i) => datacenterRow(state, i)),
  };
}

/** Who sits where and the setup, as kept in the store (the shape older snapshots have too). */
export function snapshotOf(s: SessionFacts): SessionSnapshot {
  const c = s.config;
  return {
    roster: s.roster.dump(), bans: s.desk.bans.dump(), teams: s.teams.map((t) => t.name), bots: s.teams.map((t) => t.bot), locked: s.locked, roundNumber: s.roundNumber,
    config: {
      scenario: c.scenario, budget: c.budget, tickRate: c.tickRate, unlocks: [...c.unlocks], trafficPct: c.trafficPct,
      scriptedIncidents: c.scriptedIncidents, maxStudents: c.maxStudents, countdown: c.countdown,
    },
  };
}

/**
 * Feed lines and banners for one tick: commands applied (with who sent them; not those `told`
 * already, when they were queued during a freeze), then what happened.
 */
export function tickLines(
  state: MatchState, entries: readonly LogEntry[], nicknameOf: (seat: number) => string, told: (e: LogEntry) => boolean = () => false,
): { feed: { team: number; line: FeedRow }[]; banners: BannerRow[] } {
  const feed: { team: number; line: FeedRow }[] = [];
  const commands = entries.filter((e) => e.type === "command");
  for (const e of commands) {
    if (!told(e)) feed.push({ team: e.team, line: commandLine(e.tick, e.seat, nicknameOf(e.seat), e.command) });
  }
  const t = state.tick - 1;
  const banners: BannerRow[] = rentBanners(commands, t);
  for (const ev of state.events) {
    const line = eventLine(ev, t);
    if (line) feed.push(line);
    const banner = eventBanner(ev, t);
    if (banner) banners.push(banner);
  }
  return { feed, banners };
}

/** What `GET /api/sessions/:code` says of a live session. */
export interface SessionStatus {
  /** The code asked about, upper-cased. */
  code: string;
  /** open | locked | full | ended (a live room); interrupted | ended | unknown | unavailable (none). */
  status: string;
  /** The live room's phase. */
  phase?: string;
  /** A practice room. */
  practice?: boolean;
}

export function statusOf(s: SessionFacts): SessionStatus {
  const full = s.roster.studentCount() >= s.config.maxStudents;
  const status = s.phase === "ended" ? "ended" : s.locked ? "locked" : full ? "full" : "open";
  return { code: s.code, status, phase: s.phase, practice: s.practice };
}

/** A session being rebuilt: what `restore` sets on it. */
export interface Restorable extends SessionFacts {
  phase: Phase;
  locked: boolean;
  teams: { name: string; bot: BotName | null }[];
  reports: RoundReport[];
  roundNumber: number;
  round: Round | null;
  configure(c: Configure): void;
  show(round: Round, number: number): void;
}

/**
 * Rebuilds a session from what was kept: seats (students take them back with their seat tokens),
 * bans, teams, bots, setup, the debriefs of finished rounds, and a round that was being played,
 * replayed from its log to the last tick stored and left paused for the teacher.
 */
export function restore(s: Restorable, kept: Recovered): void {
  const snap = kept.snapshot;
  s.roster.restore(snap.roster);
  s.desk.bans.restore(snap.bans);
  s.configure(configureFrom(snap));
  snap.bots.forEach((b, i) => { if (i < snap.teams.length) s.teams[i].bot = b; });
  s.locked = snap.locked;
  s.reports = kept.reports;
  s.roundNumber = kept.lastRound;
  const running = kept.running;
  if (running) {
    s.round = Round.resume(s.code, running);
    s.show(s.round, running.number);
    s.phase = s.round.state.tick > 0 ? "paused" : "briefing";
  } else if (kept.last) {
    s.round = Round.finished(s.code, kept.last.log, kept.last.number);
    s.show(s.round, kept.last.number);
    s.phase = "over";
  } else {
    s.phase = s.reports.length > 0 ? "over" : "lobby";
  }
}
