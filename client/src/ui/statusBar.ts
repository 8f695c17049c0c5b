import { clock, money, t } from "../i18n";
import type { RoomIntents } from "../net/types";
import { isTeacher, myDatacenter, myTeam } from "../store/selectors";
import type { AppState } from "../store/state";
import { h } from "./dom";
import { quickBar, type HostControls } from "./host/run";
import { spikeLine } from "./spike";

/**
 * The live part of the top bar: phase, clock, spike countdown, team and cash, the room code, and
 * for the teacher the quick controls. Built once and updated in place, so a focused button stays
 * focused as the clock ticks.
 */
export class StatusBar {
  readonly el = h("div", { class: "row", testid: "status" });
  private readonly phase = h("span", { class: "pill", style: { color: "#fff" }, testid: "phase" });
  private readonly clock = h("span", { class: "big", testid: "clock" });
  private readonly spike = h("span", { testid: "spike-countdown" });
  private readonly team = h("span");
  private readonly cash = h("span", { class: "big", testid: "status-cash" });
  private readonly code = h("span", { class: "pill", style: { color: "#fff" }, testid: "room-code-small" });
  private quick: HostControls | null = null;

  constructor(private readonly room: RoomIntents) {
    this.el.append(this.phase, this.clock, this.spike, this.team, this.cash, this.code);
  }

  update(s: AppState): void {
    const view = s.view;
    if (!view) return;
    const playing = view.phase !== "lobby";
    setText(this.phase, t(`phase.${view.phase}`));
    // A phone's bar leaves out "Playing" (the running clock says it) and keeps "Paused", "Briefing"…
    this.phase.dataset.phase = view.phase;
    setText(this.clock, playing ? clock(view.round.startMinute + view.tick) : null);
    setText(this.spike, playing ? spikeLine(view) : null);
    const team = view.teams[myTeam(s)];
    const dc = myDatacenter(s);
    setText(this.team, team ? team.name : null);
    // Cash and score side by side, named: the score (cash + what the owned servers would sell for) is what the leaderboard and debrief rank.
    setText(this.cash, team && dc && playing ? `${t("play.cash")} ${money(dc.cash)} · ${t("play.score")} ${money(team.score)}` : null);
    setText(this.code, view.code);
    if (isTeacher(s) && !view.practice) {
      if (!this.quick) {
        this.quick = quickBar(this.room, { startRound: true });
        this.el.append(this.quick.el);
      }
      this.quick.update(view);
    }
  }
}

/** Shows `el` with `text`, or takes it out of the bar (null). */
function setText(el: HTMLElement, text: string | null): void {
  el.hidden = text === null;
  const shown = text ?? "";
  if (el.textContent !== shown) el.textContent = shown;
}
