import "./host.css";
import type { ActivityMessage, HostCommand } from "../../../../shared/protocol/messages";
import { money, t } from "../../i18n";
import type { ClassView } from "../../model/types";
import { midRound, seatsOf } from "../../store/selectors";
import { h, option } from "../dom";
import { teamColor } from "../teamColors";
import { minutesSeconds } from "./projector";

/** Idle thresholds the teacher can pick (seconds of playable time without a command). */
const IDLE_AFTER = [30, 60, 120, 180, 300];
/** How long extra time lasts (seconds; 0: until the teacher resumes). */
const HOLD_FOR = [30, 60, 120, 180, 0];

interface Row {
  el: HTMLTableRowElement;
  cells: HTMLElement[];
  extra: HTMLButtonElement;
}

/**
 * The teacher's view of the class during a round: each team's score and how long since it last
 * did anything, each student's idle time (playable time since their last command) and actions,
 * and extra time for a team or one student. Rows are built once per roster and updated in place,
 * so a focused "Extra time" button keeps its focus as the numbers move.
 */
export class ClassPanel {
  private readonly idleAfter = h("select", { testid: "idle-after" }, IDLE_AFTER.map((s) => option(String(s), s < 60 ? t("host.seconds", { n: s }) : t("common.minutes", { n: s / 60 }), s === 60)));
  private readonly holdFor = h("select", { testid: "hold-for" }, HOLD_FOR.map((s) => option(String(s), s === 0 ? t("host.untilResume") : s < 60 ? t("host.seconds", { n: s }) : t("common.minutes", { n: s / 60 }), s === 60)));
  private readonly note = h("p", { class: "muted", testid: "class-note" });
  private readonly teamBody = h("tbody");
  private readonly studentBody = h("tbody");
  readonly el = h("section", { class: "panel class-panel", testid: "class-panel", "aria-labelledby": "class-title" },
    h("h2", { id: "class-title", text: t("host.class") }),
    h("div", { class: "row" }, h("label", { class: "inline" }, t("host.idleAfter"), this.idleAfter), h("label", { class: "inline" }, t("host.holdLength"), this.holdFor)),
    this.note,
    h("table", { class: "class-table", testid: "class-teams" },
      h("caption", { class: "sr-only", text: t("common.teams") }),
      h("thead", {}, h("tr", {}, ...["host.team", "host.score", "host.studentsCol", "host.lastAction", "host.extraTime"].map((k) => h("th", { scope: "col", text: t(k) })))),
      this.teamBody),
    h("table", { class: "class-table", testid: "class-students" },
      h("caption", { class: "sr-only", text: t("host.studentsCol") }),
      h("thead", {}, h("tr", {}, ...["host.studentsCol", "host.team", "host.lastAction", "host.extraTime"].map((k) => h("th", { scope: "col", text: t(k) })))),
      this.studentBody));
  private teamRows: Row[] = [];
  private studentRows = new Map<number, Row>();
  private key = "";

  constructor(private readonly run: (action: HostCommand) => Promise<boolean>) {}

  private holdSeconds(): { seconds?: number } {
    const s = Number(this.holdFor.value);
    return s > 0 ? { seconds: s } : {};
  }

  update(view: ClassView, activity: ActivityMessage | null): void {
    const students = seatsOf(view).filter((s) => s.role === "student");
    const key = `${view.teams.map((x) => `${x.name}:${x.bot}`).join("|")}#${students.map((s) => `${s.seat}:${s.nickname}`).join("|")}`;
    if (key !== this.key) this.build(view, key);
    const live = midRound(view);
    const report = activity && activity.round === view.round.number ? activity : null;
    const limit = Number(this.idleAfter.value);
    // Time since the last command (of playable time: a stopped clock does not make anyone idle), said in words, not by colour alone.
    const idleText = (idleS: number | undefined, commands: number) => {
      if (idleS === undefined) return "—";
      const time = minutesSeconds(idleS);
      if (idleS >= limit) return `${t("host.idleFor", { time })}${commands > 0 ? ` · ${t("host.actions", { count: commands })}` : ""}`;
      return commands === 0 ? t("host.noActionYet", { time }) : `${t("host.ago", { time })} · ${t("host.actions", { count: commands })}`;
    };
    this.note.textContent = report ? "" : t("host.noActivity");
    view.teams.forEach((team, i) => {
      const row = this.teamRows[i];
      if (!row) return;
      const a = report?.teams.find((x) => x.team === i);
      const members = students.filter((s) => s.team === i);
      const idle = report ? report.seats.filter((s) => s.team === i && s.idleS >= limit).length : 0;
      setText(row.cells[1], money(team.score));
      setText(row.cells[2], team.bot ? t("common.bot") : `${members.length}${idle > 0 ? ` · ${t("host.idleCount", { count: idle })}` : ""}`);
      setText(row.cells[3], team.bot ? "—" : idleText(a?.idleS, a?.commands ?? 0));
      row.el.classList.toggle("is-idle", (a?.idleS ?? 0) >= limit);
      row.extra.disabled = !live || !!team.bot || members.length === 0;
    });
    for (const s of students) {
      const row = this.studentRows.get(s.seat);
      if (!row) continue;
      const a = report?.seats.find((x) => x.seat === s.seat);
      setText(row.cells[0], `${s.nickname}${s.connected ? "" : ` (${t("host.offline")})`}`);
      setText(row.cells[1], view.teams[s.team]?.name ?? "—");
      setText(row.cells[2], idleText(a?.idleS, a?.commands ?? 0));
      row.el.classList.toggle("is-idle", (a?.idleS ?? 0) >= limit);
      row.extra.disabled = !live || s.team < 0;
    }
  }

  private build(view: ClassView, key: string): void {
    this.key = key;
    const extra = (who: string, action: () => HostCommand, testid: string) => h("button", {
      type: "button", testid, text: t("host.extraTime"), "aria-label": t("host.extraTimeFor", { who }),
      onclick: () => void this.run(action()),
    });
    this.teamRows = view.teams.map((team, i) => {
      const cells = [h("th", { scope: "row" }, h("span", { class: "swatch", "aria-hidden": "true", style: { background: teamColor(i) } }), team.name), h("td"), h("td"), h("td")];
      const button = extra(team.name, () => ({ type: "freeze", teams: [i], ...this.holdSeconds() }), `extra-team-${i}`);
      return { el: h("tr", { testid: `class-team-${i}` }, ...cells, h("td", {}, button)), cells, extra: button };
    });
    this.teamBody.replaceChildren(...this.teamRows.map((r) => r.el));
    this.studentRows.clear();
    for (const s of seatsOf(view).filter((x) => x.role === "student")) {
      const cells = [h("th", { scope: "row" }), h("td"), h("td")];
      const button = extra(s.nickname, () => ({ type: "freeze", seats: [s.seat], ...this.holdSeconds() }), `extra-seat-${s.seat}`);
      this.studentRows.set(s.seat, { el: h("tr", { testid: `class-student-${s.seat}` }, ...cells, h("td", {}, button)), cells, extra: button });
    }
    this.studentBody.replaceChildren(...[...this.studentRows.values()].map((r) => r.el));
  }
}

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
