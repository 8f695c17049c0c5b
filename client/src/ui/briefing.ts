import { APPS, type AppId } from "../../../shared/engine/data";
import { forecastBand, forecastDemand } from "../../../shared/engine/demand";
import { scenarioOf } from "../store/selectors";
import { clock, money, t } from "../i18n";
import type { ClassView } from "../model/types";
import { lineChart, type LineChart } from "./charts";
import { h } from "./dom";

const APP_COLORS: Record<AppId, string> = { web: "#0072b2", grades: "#009e73", db: "#e69f00", payment: "#cc79a7", enroll: "#b8a800", train: "#d55e00", registry: "#777777" };

/**
 * The forecast as teams see it before the clock starts: when each app peaks and how high — a band,
 * since the spike may come earlier or later, smaller or bigger — and whether a second wave may follow.
 */
export function forecastLines(view: ClassView): string[] {
  const scn = scenarioOf(view.round);
  if (!scn) return [];
  const lines = view.round.apps.filter((a) => APPS[a].role === "frontend").map((a) => {
    let peak = 0;
    let at = 0;
    let high = 0;
    let low = 0;
    for (let i = 0; i < view.round.ticks; i++) {
      const d = forecastDemand(scn, view.round.trafficPct, a, i);
      if (d > peak) { peak = d; at = i; }
      const band = forecastBand(scn, view.round.trafficPct, a, i);
      high = Math.max(high, band.high);
      low = Math.max(low, band.low);
    }
    if (!scn.spike || high === low) return t("briefing.peakAt", { app: t(`app.${a}`), time: clock(view.round.startMinute + at), peak });
    const s = scn.surprise;
    return t("briefing.peakBand", {
      app: t(`app.${a}`), from: clock(view.round.startMinute + scn.spike.start - s.earlyTicks),
      to: clock(view.round.startMinute + scn.spike.start + s.lateTicks), peak, low, high,
    });
  });
  const w = scn.surprise.secondWave;
  if (scn.spike && w) lines.push(t("briefing.secondWave", { chance: w.chancePct, after: w.delayMin, until: w.delayMax }));
  return lines;
}

/** What the briefing announces for the round: scripted incidents and whether machines can be rented. */
export function scheduleLines(view: ClassView): string[] {
  const scn = scenarioOf(view.round);
  if (!scn) return [];
  const lines = view.config.scriptedIncidents
    ? scn.incidents.map((i) => t(`briefing.scheduled-${i.kind}`, { time: clock(view.round.startMinute + i.tick), app: i.app ? t(`app.${i.app}`) : "" }))
    : [];
  lines.push(t(view.round.rent ? "briefing.rent" : "briefing.noRent"));
  return lines;
}

export function forecastChart(view: ClassView): LineChart {
  const scn = scenarioOf(view.round);
  const apps = view.round.apps.filter((a) => APPS[a].role === "frontend");
  const banded = scn?.spike ? apps.filter((a) => scn.spike!.peak[a]) : [];
  const chart = lineChart([
    ...apps.map((a) => ({ label: t(`app.${a}`), color: APP_COLORS[a], width: 2 })),
    ...banded.map((a) => ({ label: t("briefing.bandTop", { app: t(`app.${a}`) }), color: APP_COLORS[a], width: 1, dash: [6, 4] })),
  ], () => view.round.startMinute, 220);
  const xs = Array.from({ length: view.round.ticks }, (_, i) => i);
  chart.set(xs, [
    ...apps.map((a) => xs.map((i) => (scn ? forecastDemand(scn, view.round.trafficPct, a, i) : 0))),
    ...banded.map((a) => xs.map((i) => forecastBand(scn!, view.round.trafficPct, a, i).high)),
  ]);
  return chart;
}

/** Before the clock runs: the scenario, its forecast, and how to play (for a class that has never played). */
/** `action` replaces "the teacher will start the clock" (a practice room's own start button). */
export function briefingView(view: ClassView, teams: HTMLElement | null, action?: HTMLElement): { el: HTMLElement; destroy(): void } {
  const chart = forecastChart(view);
  const r = view.round;
  const el = h("main", { class: "page stack", testid: "briefing-view" },
    h("h1", { text: t("briefing.title", { scenario: t(`scenario.${r.scenario}`) }) }),
    h("p", { text: t(`scenario.blurb-${r.scenario}`) }),
    h("section", { class: "panel" },
      h("h2", { text: t("briefing.forecast") }),
      h("ul", { testid: "forecast-lines" }, forecastLines(view).map((l) => h("li", { text: l }))),
      h("figure", { role: "img", "aria-label": t("a11y.forecastChart"), testid: "forecast-chart" }, chart.el),
      h("h3", { text: t("briefing.scheduleTitle") }),
      h("ul", { testid: "schedule-lines" }, scheduleLines(view).map((l) => h("li", { text: l }))),
      h("p", { class: "muted", text: `${t("briefing.budget", { money: money(r.budget) })} · ${t("briefing.unlocks", { list: r.unlocks.map((l) => t(`layer.${l}`)).join(", ") })}` })),
    h("section", { class: "panel howto", testid: "howto" },
      h("h2", { text: t("briefing.howTitle") }),
      h("ol", {}, ["how1", "how2", "how3", "how4"].map((k) => h("li", { text: t(`briefing.${k}`) })))),
    teams,
    action ?? h("p", { class: "muted", text: t("briefing.waiting") }));
  return { el, destroy: () => chart.destroy() };
}
