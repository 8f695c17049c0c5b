/**
 * Each team's figures minute by minute, for the live charts. Values are kept at their minute of
 * the round (index = minute, null = not seen), never appended in arrival order: a tab that was
 * hidden, or a reconnect, leaves a gap where it missed minutes instead of shifting the chart.
 */
import { APP_IDS, APPS, type AppId } from "../../../shared/engine/data";
import type { RoundSeries } from "../../../shared/debrief/series";
import type { ClassView } from "../model/types";

export type Minutes = readonly (number | null)[];

export interface TeamMinutes {
  /** Front-end requests asked for, could be answered, were answered, were turned away, per minute. */
  demand: Minutes;
  capacity: Minutes;
  served: Minutes;
  dropped: Minutes;
}

export interface SeriesBook {
  /** The round these minutes belong to (-1 before any). */
  round: number;
  teams: readonly TeamMinutes[];
}

export const EMPTY_BOOK: SeriesBook = { round: -1, teams: [] };

const EMPTY_TEAM: TeamMinutes = { demand: [], capacity: [], served: [], dropped: [] };
const FRONTENDS = APP_IDS.filter((a) => APPS[a].role === "frontend");

function put(list: Minutes, minute: number, value: number | null): Minutes {
  if (value === null || list[minute] === value) return list;
  const next = list.slice();
  while (next.length < minute) next.push(null);
  next[minute] = value;
  return next;
}

/**
 * The book as the server's series has it (a `history` message on join, reload or team change; a
 * round's report). Point k of each series was played in minute `minutes[k]` (the engine records
 * one point a minute from the first, so by default point k is minute k); `upTo` keeps the minutes
 * before it (a replay's clock).
 */
export function bookFromSeries(round: number, series: RoundSeries, opts: { minutes?: readonly number[]; upTo?: number } = {}): SeriesBook {
  const points = Math.max(0, ...APP_IDS.map((a) => series.demand[a]?.length ?? 0));
  const minuteOf = (k: number) => opts.minutes?.[k] ?? k;
  const upTo = opts.upTo ?? Infinity;
  const sum = (rec: Partial<Record<AppId, number[]>> | undefined, k: number) => FRONTENDS.reduce((s, a) => s + (rec?.[a]?.[k] ?? 0), 0);
  const teams = series.teams.map((t): TeamMinutes => {
    let minutes: TeamMinutes = EMPTY_TEAM;
    for (let k = 0; k < Math.min(points, t.served.length); k++) {
      const m = minuteOf(k);
      if (m >= upTo) break;
      minutes = {
        demand: put(minutes.demand, m, sum(series.demand, k)),
        capacity: put(minutes.capacity, m, sum(t.capacity, k)),
        served: put(minutes.served, m, t.served[k] ?? null),
        dropped: put(minutes.dropped, m, t.dropped[k] ?? null),
      };
    }
    return minutes;
  });
  return { round, teams };
}

/**
 * Adds the minute a new snapshot reports: the state at tick T shows minute T−1 as played. Served,
 * dropped and demand are the engine's totals (every team's, from the leaderboard); capacity is
 * known only for datacenters this browser sees.
 */
export function recordMinute(book: SeriesBook, view: ClassView): SeriesBook {
  const minute = view.tick - 1;
  const round = view.round.number;
  const base = book.round === round ? book : { round, teams: [] };
  if (minute < 0) return base;
  let changed = base !== book;
  const teams = view.teams.map((team, i) => {
    const old = base.teams[i] ?? EMPTY_TEAM;
    const dc = view.datacenters.find((d) => d.team === i);
    const capacity = dc ? FRONTENDS.reduce((s, a) => s + (dc.traffic[a]?.capacity ?? 0), 0) : null;
    const next: TeamMinutes = {
      demand: put(old.demand, minute, team.demand),
      capacity: put(old.capacity, minute, capacity),
      served: put(old.served, minute, team.served),
      dropped: put(old.dropped, minute, team.dropped),
    };
    if (next.demand === old.demand && next.capacity === old.capacity && next.served === old.served && next.dropped === old.dropped) return old;
    changed = true;
    return next;
  });
  return changed ? { round, teams } : book;
}

/** One line of a chart: a value (or a gap) for each minute of a round of `ticks` minutes. */
export function chartLine(minutes: Minutes | undefined, ticks: number): (number | null)[] {
  return Array.from({ length: ticks }, (_, i) => minutes?.[i] ?? null);
}

/** `loaded` (the server's series) with any minute it lacks filled from `live` (what arrived since). */
export function mergeBooks(loaded: SeriesBook, live: SeriesBook): SeriesBook {
  if (live.round !== loaded.round) return loaded;
  const fill = (a: Minutes, b: Minutes): Minutes => (b.length > a.length ? [...a, ...b.slice(a.length)] : a);
  const n = Math.max(loaded.teams.length, live.teams.length);
  const teams = Array.from({ length: n }, (_, i) => {
    const a = loaded.teams[i] ?? EMPTY_TEAM;
    const b = live.teams[i] ?? EMPTY_TEAM;
    return { demand: fill(a.demand, b.demand), capacity: fill(a.capacity, b.capacity), served: fill(a.served, b.served), dropped: fill(a.dropped, b.dropped) };
  });
  return { round: loaded.round, teams };
}
