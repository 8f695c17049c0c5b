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

/** The book as the server's series has it (sent on join, on reload and on a team change). */
export function bookFromSeries(round: number, series: RoundSeries, upTo = Infinity): SeriesBook {
  const length = Math.min(upTo, Math.max(0, ...APP_IDS.map((a) => series.demand[a]?.length ?? 0)));
  const sum = (rec: Partial<Record<AppId, number[]>> | undefined, i: number) => FRONTENDS.reduce((s, a) => s + (rec?.[a]?.[i] ?? 0), 0);
  const teams = series.teams.map((t): TeamMinutes => {
    const n = Math.min(length, t.served.length);
    const minutes = Array.from({ length: n }, (_, i) => i);
    return {
      demand: minutes.map((i) => sum(series.demand, i)),
      capacity: minutes.map((i) => sum(t.capacity, i)),
      served: minutes.map((i) => t.served[i] ?? null),
      dropped: minutes.map((i) => t.dropped[i] ?? null),
    };
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
