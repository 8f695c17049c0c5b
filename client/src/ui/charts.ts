import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { clock } from "../i18n";

export interface SeriesSpec {
  label: string;
  color: string;
  dash?: number[];
  fill?: string;
  width?: number;
}

export interface LineChart {
  el: HTMLElement;
  set(xs: number[], ys: (number | null)[][]): void;
  destroy(): void;
}

const MINUTE_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 90, 120, 180, 240, 360, 720];

/**
 * A time chart (uPlot: small and fast enough to redraw every tick on a phone). X is the tick; the
 * axis shows the game clock. `yRange` fixes the y axis (charts meant to be compared share one); a
 * function is asked at every redraw (a shared scale that grows as the round goes on).
 */
export function lineChart(
  specs: SeriesSpec[], startMinute: () => number, height = 180, yFormat?: (v: number) => string, legend = true,
  yRange?: [number, number] | (() => [number, number]), axisFont?: string,
): LineChart {
  const el = document.createElement("div");
  el.className = "chart";
  let plot: uPlot | null = null;
  let pending: uPlot.AlignedData | null = null;
  const make = (width: number, data: uPlot.AlignedData) => new uPlot({
    width, height,
    // A static key: live values read "--" until hovered, and phones have no hover.
    legend: { show: legend, live: false },
    cursor: { drag: { x: false, y: false } },
    // A fixed y range puts several charts on one scale (the class debrief, the projector's live tiles compare teams by eye).
    scales: { x: { time: false }, ...(yRange ? { y: { range: typeof yRange === "function" ? () => yRange() : yRange } } : {}) },
    axes: [
      // Whole game minutes only: a tick is a minute, "06:2.5" is not a time. Big labels (the
      // projector's) need more room between ticks than uPlot's default 50 px, or they run together.
      { incrs: MINUTE_STEPS, values: (_u, vals) => vals.map((v) => clock(startMinute() + v)), stroke: "#333", grid: { stroke: "#eee" }, ...(axisFont ? { font: axisFont, size: 44, space: 80 } : {}) },
      { stroke: "#333", grid: { stroke: "#eee" }, size: axisFont ? 80 : 56, values: yFormat ? (_u, vals) => vals.map(yFormat) : undefined, ...(axisFont ? { font: axisFont } : {}) },
    ],
    series: [{}, ...specs.map((s) => ({ label: s.label, stroke: s.color, width: s.width ?? 2, dash: s.dash, fill: s.fill, points: { show: false } }))],
  }, data, el);
  const observer = new ResizeObserver(() => {
    const w = el.clientWidth;
    if (w <= 0) return;
    if (!plot && pending) plot = make(w, pending);
    else plot?.setSize({ width: w, height });
  });
  observer.observe(el);
  return {
    el,
    set(xs, ys) {
      const data = [xs, ...ys] as uPlot.AlignedData;
      if (plot) plot.setData(data);
      else {
        pending = data;
        if (el.clientWidth > 0) plot = make(el.clientWidth, data);
      }
    },
    destroy() {
      observer.disconnect();
      plot?.destroy();
    },
  };
}
