import { APPS, type AppId } from "../../../shared/engine/data";
import { forecastDemand } from "../../../shared/engine/demand";
import { SCENARIOS, type ScenarioId } from "../../../shared/scenarios";
import { clock, money, t } from "../i18n";
import type { ClassView } from "../model/types";
import { lineChart, type LineChart } from "./charts";
import { h } from "./dom";

const APP_COLORS: Record<AppId, string> = { web: "#0072b2", grades: "#009e73", db: "#e69f00", payment: "#cc79a7", enroll: "#b8a800", train: "#d55e00" };

/** The forecast as teams see it before the clock starts: when each app peaks, and how high. */
export function forecastLines(view: ClassView): string[] {
  const scn = SCENARIOS[view.round.scenario as ScenarioId];
  if (!scn) return [];
  return (view.round.apps as AppId[]).filter((a) => APPS[a].role === "frontend").map((a) => {
    let peak = 0;
    let at = 0;
    for (let i = 0; i < view.round.ticks; i++) {
      const d = forecastDemand(scn, view.round.trafficPct, a, i);
      if (d > peak) { peak = d; at = i; }
    }
    return t("briefing.peakAt", { app: t(`app.${a}`), time: clock(view.round.startMinute + at), peak });
  });
}

export function forecastChart(view: ClassView): LineChart {
  const scn = SCENARIOS[view.round.scenario as ScenarioId];
  const apps = (view.round.apps as AppId[]).filter((a) => APPS[a].role === "frontend");
  const chart = lineChart(apps.map((a) => ({ label: t(`app.${a}`), color: APP_COLORS[a], width: 2 })), () => view.round.startMinute, 220);
  const xs = Array.from({ length: view.round.ticks }, (_, i) => i);
  chart.set(xs, apps.map((a) => xs.map((i) => (scn ? forecastDemand(scn, view.round.trafficPct, a, i) : 0))));
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
      chart.el,
      h("p", { class: "muted", text: `${t("briefing.budget", { money: money(r.budget) })} · ${t("briefing.unlocks", { list: r.unlocks.map((l) => t(`layer.${l}`)).join(", ") })}` })),
    h("section", { class: "panel howto", testid: "howto" },
      h("h2", { text: t("briefing.howTitle") }),
      h("ol", {}, ["how1", "how2", "how3", "how4"].map((k) => h("li", { text: t(`briefing.${k}`) })))),
    teams,
    action ?? h("p", { class: "muted", text: t("briefing.waiting") }));
  return { el, destroy: () => chart.destroy() };
}
