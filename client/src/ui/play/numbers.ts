import { type AppId } from "../../../../shared/engine/data";
import { money, t } from "../../i18n";
import type { DatacenterView, TeamView } from "../../model/types";
import { h, replace } from "../dom";
import { droppedCell } from "../droppedCell";
import { needs } from "../../model/describe";

const pct = (a: number, b: number) => (b > 0 ? Math.round((a * 100) / b) : 0);

/**
 * The team's numbers for the last minute: cash, score, requests served and turned away (the
 * engine's front-end totals, as the leaderboard has them), utilization, occupancy and OS tax.
 */
export function renderKpis(el: HTMLElement, team: TeamView | undefined, dc: DatacenterView | undefined): void {
  const kpi = (label: string, value: string, testid: string, bad = false) => h("div", { class: `kpi${bad ? " bad" : ""}`, testid }, label, h("b", { text: value }));
  const dropped = team?.dropped ?? 0;
  replace(el,
    kpi(t("play.cash"), money(dc?.cash ?? team?.cash ?? 0), "kpi-cash", (dc?.cash ?? 0) < 0),
    kpi(t("play.score"), money(team?.score ?? 0), "kpi-score"),
    kpi(`${t("play.served")}${t("play.perMin")}`, String(team?.served ?? 0), "kpi-served"),
    kpi(`${t("play.dropped")}${t("play.perMin")}`, String(dropped), "kpi-dropped", dropped > 0),
    kpi(t("play.utilization"), `${pct(dc?.usefulCpu ?? 0, dc?.capacityCpu ?? 0)}%`, "kpi-util"),
    kpi(t("play.occupancy"), `${pct(dc?.reservedCpu ?? 0, dc?.capacityCpu ?? 0)}%`, "kpi-occ"),
    kpi(t("play.osTax"), t("play.cores", { n: ((dc?.osTaxCpu ?? 0) / 1000).toFixed(1) }), "kpi-ostax"),
  );
}

/**
 * Each app's demand, capacity and dropped requests for the last minute, and under an app that
 * depends on another (Grades on the database) what it is waiting for.
 */
export function renderAppsTable(el: HTMLElement, apps: readonly AppId[], dc: DatacenterView | undefined): void {
  const running = new Set((dc?.instances ?? []).map((i) => i.app));
  const rows = apps.map((a) => {
    const tr = dc?.traffic[a];
    const short = (tr?.capacity ?? 0) < (tr?.demand ?? 0);
    const missing = needs(a).filter((d) => apps.includes(d) && !running.has(d));
    return h("tr", { testid: `app-row-${a}` },
      h("th", { scope: "row" }, t(`app.${a}`), missing.length ? h("span", { class: "note", testid: `app-needs-${a}`, text: t("a11y.needsApp", { app: missing.map((d) => t(`app.${d}`)).join(", ") }) }) : null),
      h("td", { text: String(tr?.demand ?? 0) }),
      h("td", { class: short ? "short" : "", text: String(tr?.capacity ?? 0) }),
      droppedCell(a, tr));
  });
  replace(el,
    h("caption", { class: "sr-only", text: t("a11y.appsCaption") }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("a11y.app") }), perMinute("play.demand"), perMinute("play.capacity"), perMinute("play.dropped"))),
    h("tbody", {}, rows));
}

/** A column header "Demand/min" that may break before its "/min" on a phone, never inside the word. */
function perMinute(key: string): HTMLElement {
  return h("th", { scope: "col" }, t(key), h("wbr"), t("play.perMin"));
}
