import { t } from "../../i18n";
import type { RoundView } from "../../model/types";
import type { TeamMinutes } from "../../store/series";
import { lineChart, type LineChart } from "../charts";
import { liveChartLines } from "./chartLines";

/** The team's traffic minute by minute against the forecast. */
export function liveChart(round: RoundView): { chart: LineChart; draw(minutes: TeamMinutes | undefined): void } {
  const chart = lineChart([
    { label: t("play.demand"), color: "#111418", width: 2 },
    { label: t("play.capacity"), color: "#009e73", width: 2, dash: [6, 4] },
    { label: t("play.served"), color: "#0072b2", width: 2 },
    { label: t("play.dropped"), color: "#b34700", width: 2, fill: "rgba(179,71,0,0.15)" },
    { label: t("briefing.forecast"), color: "#6b7280", width: 1, dash: [2, 4] },
    { label: t("a11y.bandTop"), color: "#6b7280", width: 1, dash: [8, 4] },
  ], () => round.startMinute, 190);
  const xs = Array.from({ length: round.ticks }, (_, i) => i);
  return { chart, draw: (minutes) => chart.set(xs, liveChartLines(round, minutes)) };
}
