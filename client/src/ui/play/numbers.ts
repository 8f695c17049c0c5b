import { type AppId } from "../../../../shared/engine/data";
import { money, t } from "../../i18n";
import type { DatacenterView, TeamView } from "../../model/types";
import { h, replace } from "../dom";
import { droppedCell } from "../droppedCell";

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

/** Each app's demand, capacity and dropped requests for the last minute. */
export function renderAppsTable(el: HTMLElement, apps: readonly string[], dc: DatacenterView | undefined): void {
  const rows = apps.map((a) => {
    const tr = dc?.traffic[a];
    const short = (tr?.capacity ?? 0) < (tr?.demand ?? 0);
    return h("tr", { testid: `app-row-${a}` },
      h("td", { text: t(`app.${a}`) }),
      h("td", { text: String(tr?.demand ?? 0) }),
      h("td", { class: short ? "short" : "", text: String(tr?.capacity ?? 0) }),
      droppedCell(a as AppId, tr));
  });
  replace(el,
    h("thead", {}, h("tr", {}, h("th", { text: "" }), h("th", { text: t("play.demand") }), h("th", { text: t("play.capacity") }), h("th", { text: t("play.dropped") }))),
    h("tbody", {}, rows));
}
