import { isCurrentReport, type RoundReport } from "../../../../shared/debrief/report";
import { classRows } from "../../../../shared/debrief/class";
import { money, t } from "../../i18n";
import type { ServerView } from "../../model/types";
import { h } from "../dom";
import { classView } from "./classView";
import { pct0, pct1 } from "./format";
import { teamDebrief } from "./team";
import "./debrief.css";

export interface DebriefOptions {
  /** A team's racks at the end, when this page has them (the teacher sees every team's, a student their own). */
  racks?: (team: number) => readonly ServerView[] | undefined;
  /** The teacher can put one team on the projector. */
  spotlight?: (team: number) => void;
  /** Leave the class out (the teacher's page shows it on the projector part already). */
  withoutClass?: boolean;
}

/** Parts that hold charts to free when the view goes. */
type Part = { el: HTMLElement; destroy(): void };

/**
 * After a round. A student reads their own team first (its money, its cards, what if), then the
 * whole class; the teacher reads the class first and opens any team. Rounds can be compared
 * (round 2 with VMs against round 3 with containers).
 */
export function debriefView(all: readonly RoundReport[], myTeam: number | null, opts: DebriefOptions = {}): Part {
  const reports = all.filter(isCurrentReport);
  const parts: Part[] = [];
  const report = reports[reports.length - 1];
  if (!report) return { el: h("main", { class: "debrief", testid: "debrief-view" }), destroy: () => {} };
  const keep = (p: Part) => { parts.push(p); return p.el; };
  const student = myTeam !== null && myTeam >= 0 && myTeam < report.teams.length;
  const winner = classRows(report).find((r) => r.rank === 1);
  const el = h("main", { class: "debrief", testid: "debrief-view" },
    h("h1", { text: t("debrief.title", { round: report.round }) }),
    winner ? h("p", { class: "winner", testid: "debrief-winner", text: t("debrief.winner", { team: winner.name }) }) : null,
    student ? keep(teamDebrief(report, myTeam, { racks: opts.racks?.(myTeam), whatIf: true, download: true })) : null,
    opts.withoutClass ? null : keep(classView(report, { myTeam: student ? myTeam : null, spotlight: opts.spotlight, download: !student })),
    student ? null : teamsOpenable(report, opts, parts),
    reports.length > 1 ? h("section", { class: "panel stack" }, h("h2", { text: t("debrief.compare") }), compareRounds(reports, student ? myTeam : null)) : null);
  return { el, destroy: () => parts.forEach((p) => p.destroy()) };
}

/** Every team's own debrief, each built (and its what-if computed) when the teacher opens it. */
function teamsOpenable(report: RoundReport, opts: DebriefOptions, parts: Part[]): HTMLElement {
  return h("section", { class: "stack", testid: "debrief-teams" },
    h("h2", { text: t("common.teams") }),
    report.teams.map((name, team) => {
      const details = h("details", { class: "panel team-details", testid: `debrief-other-${team}` },
        h("summary", { text: `${name} · ${money(report.results[team].score)}` }));
      details.addEventListener("toggle", () => {
        if (!details.open || details.childElementCount > 1) return;
        const part = teamDebrief(report, team, { racks: opts.racks?.(team), level: 3, whatIf: true, download: true });
        parts.push(part);
        details.append(part.el);
      });
      return details;
    }));
}

function compareRounds(reports: readonly RoundReport[], team: number | null): HTMLElement {
  const rows = reports.flatMap((rep) => rep.results
    .filter((r) => team === null || r.team === team)
    .map((r) => h("tr", {},
      h("td", { text: String(rep.round) }),
      h("td", { text: `${t(`scenario.${rep.scenario}`)} (${rep.unlocks.map((l) => t(`layer.${l}`)).join(", ")})` }),
      h("th", { scope: "row", text: rep.teams[r.team] }),
      h("td", { text: money(r.score) }),
      h("td", { text: pct1(r.availability) }),
      h("td", { text: `${pct0(r.utilization)} / ${pct0(r.occupancy)}` }),
      h("td", { text: (r.osTaxCpu / 1000).toFixed(1) }))));
  return h("div", { class: "table-scroll", tabindex: "0" }, h("table", { class: "compare", testid: "debrief-rounds" },
    h("thead", {}, h("tr", {}, [t("debrief.round"), t("debrief.scenario"), t("common.team"), t("debrief.score"), t("debrief.availability"),
      `${t("debrief.utilization")} / ${t("debrief.occupancy")}`, t("debrief.osTax")].map((x) => h("th", { scope: "col", text: x })))),
    h("tbody", {}, rows)));
}

export { classView } from "./classView";
export { teamDebrief } from "./team";
