import { moneyLines, wholeDollars } from "../../../../shared/debrief/money";
import type { RoundReport } from "../../../../shared/debrief/report";
import { lang, t } from "../../i18n";
import { h } from "../dom";

const dollars = (n: number) => `${n < 0 ? "−" : ""}$${Math.abs(n).toLocaleString(lang() === "zh-CN" ? "zh-CN" : "en-US")}`;

/**
 * The money waterfall of one team: a table (each line's amount in whole dollars, rounded so that
 * they add up to the score shown) with a floating bar per line from the running total before it to
 * the one after. Lines of zero are left out; the score closes it.
 */
export function moneyWaterfall(report: RoundReport, team: number): HTMLElement {
  const r = report.results[team];
  const lines = moneyLines(r, report.budget, report.facts[team]);
  const shown = wholeDollars(lines);
  const score = Math.round(r.score / 100);
  let run = 0;
  const steps = lines.map((l, i) => {
    const from = run;
    run += shown[i];
    return { line: l.line, amount: shown[i], from, to: run };
  }).filter((s) => s.amount !== 0 || s.line === "budget");
  const lo = Math.min(0, ...steps.map((s) => Math.min(s.from, s.to)));
  const hi = Math.max(1, ...steps.map((s) => Math.max(s.from, s.to)));
  const x = (v: number) => ((v - lo) * 100) / (hi - lo);
  const bar = (a: number, b: number, cls: string) => h("span", {
    class: `wf-bar ${cls}`, "aria-hidden": "true", style: { left: `${x(Math.min(a, b))}%`, width: `${Math.max(0.4, Math.abs(x(b) - x(a)))}%` },
  });
  const row = (label: string, amount: string, track: HTMLElement, cls = "") => h("tr", { class: cls },
    h("th", { scope: "row", text: label }), h("td", { class: "wf-track" }, track), h("td", { class: "wf-amount", text: amount }));
  return h("table", { class: "waterfall", testid: `debrief-money-${team}` },
    h("caption", { class: "sr-only", text: t("debrief.waterfallCaption") }),
    h("tbody", {},
      steps.map((s) => row(t(`debrief.line.${s.line}`), s.line === "budget" ? dollars(s.amount) : `${s.amount < 0 ? "−" : "+"}${dollars(Math.abs(s.amount))}`,
        h("div", { class: "wf-lane" }, bar(s.from, s.to, s.line === "budget" ? "base" : s.amount < 0 ? "down" : "up")))),
      row(t("debrief.line.score"), dollars(score), h("div", { class: "wf-lane" }, bar(0, score, "total")), "wf-total")));
}
