import { APPS } from "../../../../shared/engine/data";
import { forecastBand, forecastDemand } from "../../../../shared/engine/demand";
import { scenarioOf } from "../../store/selectors";
import type { RoundView } from "../../model/types";
import { chartLine, type TeamMinutes } from "../../store/series";

/**
 * The chart's lines, each a value per minute of the round (x = minute): what was played so far,
 * the forecast, and the top of the forecast band (the spike may come that high, or earlier).
 */
export function liveChartLines(round: RoundView, minutes: TeamMinutes | undefined): (number | null)[][] {
  const front = round.apps.filter((a) => APPS[a].role === "frontend");
  const scn = scenarioOf(round);
  const ticks = round.ticks;
  const forecast = Array.from({ length: ticks }, (_, i) => (scn ? front.reduce((s, a) => s + forecastDemand(scn, round.trafficPct, a, i), 0) : null));
  const bandTop = Array.from({ length: ticks }, (_, i) => (scn?.spike ? front.reduce((s, a) => s + forecastBand(scn, round.trafficPct, a, i).high, 0) : null));
  return [
    chartLine(minutes?.demand, ticks),
    chartLine(minutes?.capacity, ticks),
    chartLine(minutes?.served, ticks),
    chartLine(minutes?.dropped, ticks),
    forecast,
    bandTop,
  ];
}
