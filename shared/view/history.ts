import { seriesForTeam, type RoundSeries } from "../debrief/series";
import type { HistoryMessage } from "../protocol/messages";

/**
 * The round so far for one reader (a student gets only their team's series), each point with the
 * minute it was played: a chart plots by minute, never by position in an array.
 */
export function historyFor(round: number, tick: number, series: RoundSeries, team: number | null): HistoryMessage {
  const points = series.teams[0]?.served.length ?? 0;
  return {
    round, tick,
    minutes: Array.from({ length: points }, (_, i) => i),
    series: team === null ? series : seriesForTeam(series, team),
  };
}
