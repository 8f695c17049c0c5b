import "./host.css";
// The class debrief shown here comes without the debrief screen that would bring its styles.
import "../debrief/debrief.css";
import { isCurrentReport, type RoundReport } from "../../../../shared/debrief/report";
import { clock, money, t } from "../../i18n";
import { datacenterOf, serversOf } from "../../model/datacenter";
import type { ClassView } from "../../model/types";
import { midRound } from "../../store/selectors";
import type { SeriesBook } from "../../store/series";
import { bannerText } from "../bannerText";
import { classView } from "../debrief/classView";
import { Spotlight } from "../debrief/spotlight";
import { briefingView, forecastLines } from "../briefing";
import { h, replace } from "../dom";
import { spikeLine } from "../spike";
import { teamColor } from "../teamColors";
import { LobbyBoard } from "./lobbyBoard";
import { TeamTiles } from "./teamTiles";

/** How many banners the projector keeps up at once (newest first). */
const BANNERS_SHOWN = 3;

/** "1:05" from seconds. */
export function minutesSeconds(s: number): string {
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Why the clock is stopped, in a sentence for the class (null while it runs). */
export function stoppedLine(view: ClassView): string | null {
  const restarts = view.freeze.secondsLeft > 0 ? ` ${t("projector.restartsIn", { time: minutesSeconds(view.freeze.secondsLeft) })}` : "";
  if (view.phase === "paused") return t("projector.paused");
  if (view.phase === "frozen") return (view.freeze.everyone ? t("projector.frozen") : t("projector.hold")) + restarts;
  return null;
}

/**
 * What the class sees: the names arriving in the lobby, the briefing, then the clock, what
 * happened (in words), the leaderboard and each team's traffic and datacenter, and once the round
 * is over and its report is in, the class debrief (ui/debrief: the podium, every team on one
 * chart, a team in the spotlight). Large type, high contrast, no controls. Also the replay
 * viewer's class view.
 */
export class Projector {
  readonly el = h("div", { class: "projector", testid: "projector" });
  private readonly main = h("section", { class: "stack board" });
  private readonly lobby = new LobbyBoard();
  private readonly tiles = new TeamTiles();
  private readonly clockEl = h("div", { class: "host-clock", testid: "host-clock" });
  private readonly title = h("div", { class: "board-title" });
  private readonly spike = h("div", { class: "board-spike", testid: "board-spike" });
  private readonly stopped = h("div", { class: "stopped-band", testid: "clock-stopped", role: "status" });
  private readonly banners = h("ul", { class: "board-banners", testid: "board-banners" });
  private readonly board = h("table", { class: "leaderboard", testid: "leaderboard" });
  private briefing: { destroy(): void } | null = null;
  private debrief: { el: HTMLElement; destroy(): void } | null = null;
  private readonly spotlight = new Spotlight(this.el);
  private view: ClassView | null = null;
  private mode = "";

  constructor() {
    this.el.append(this.main);
  }

  /**
   * `book`: every team's minutes so far (the live charts). `reports`: finished rounds; once the
   * round shown is over and its report is here, the class debrief.
   */
  update(view: ClassView, book: SeriesBook, reports: readonly RoundReport[] = []): void {
    this.view = view;
    const report = view.phase === "over" ? reports.find((r) => r.round === view.round.number && isCurrentReport(r)) : undefined;
    const mode = report ? `debrief-${report.round}` : midRound(view) || view.phase === "over" ? "live" : view.phase === "briefing" ? "briefing" : "lobby";
    if (mode !== this.mode) this.enter(mode, view, report);
    if (mode === "lobby") this.lobby.update(view);
    else if (mode === "live") this.renderLive(view, book);
  }

  private enter(mode: string, view: ClassView, report: RoundReport | undefined): void {
    this.mode = mode;
    this.destroyParts();
    // After a round the class debrief needs the whole width.
    this.el.classList.toggle("debrief-mode", report !== undefined);
    if (report) {
      this.debrief = classView(report, {
        myTeam: null, reveal: true, download: true,
        spotlight: (team) => this.spotlight.open(report, team, this.view ? serversOf(datacenterOf(this.view, team)) : undefined),
      });
      this.main.replaceChildren(this.debrief.el);
    } else if (mode === "lobby") this.main.replaceChildren(this.lobby.el);
    else if (mode === "briefing") {
      const b = briefingView(view, null);
      this.briefing = b;
      this.main.replaceChildren(b.el);
    } else {
      // One screen, no scrolling: the standings and what happened on the left, every team's traffic on the right.
      this.main.replaceChildren(
        h("div", { class: "board-head", testid: "projector-top" }, this.clockEl, h("div", { class: "stack" }, this.title, this.spike)),
        h("div", { class: "board-body" }, h("div", { class: "stack board-left" }, this.board, this.stopped, this.banners), this.tiles.el));
    }
  }

  private renderLive(view: ClassView, book: SeriesBook): void {
    setText(this.clockEl, clock(view.round.startMinute + view.tick));
    setText(this.title, `${t(`scenario.${view.round.scenario}`)} · ${t(`phase.${view.phase}`)}`);
    setText(this.spike, spikeLine(view) ?? (view.phase === "over" ? "" : forecastLines(view)[0] ?? ""));
    const stopped = stoppedLine(view);
    this.stopped.hidden = stopped === null;
    setText(this.stopped, stopped ?? "");
    replace(this.banners, ...view.banners.slice(-BANNERS_SHOWN).reverse().map((b) => h("li", { class: `board-banner ${b.kind === "spike" ? "spike" : ""}` },
      h("span", { class: "when", text: clock(view.round.startMinute + b.tick) }),
      b.team >= 0 ? h("span", { class: "swatch", "aria-hidden": "true", style: { background: teamColor(b.team) } }) : null,
      h("span", { text: bannerText(b, view) }))));
    // Ranked as the debrief ranks: students' teams by score, bots after them with no place (a bot is a reference, not a classmate).
    const anyStudents = view.teams.some((team) => !team.bot);
    const ranked = [...view.teams].sort((a, b) => Number(a.bot) - Number(b.bot) || b.score - a.score);
    replace(this.board,
      h("caption", { class: "sr-only", text: t("host.leaderboard") }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "#" }), h("th", { scope: "col", text: t("common.team") }), h("th", { scope: "col", text: t("debrief.score") }),
        h("th", { scope: "col", text: t("debrief.availability") }), h("th", { scope: "col", text: `${t("host.dropped")}${t("play.perMin")}` }))),
      h("tbody", {}, ranked.map((team, rank) => h("tr", { testid: `leader-row-${team.index}` },
        h("td", { testid: `leader-rank-${team.index}`, text: team.bot && anyStudents ? "—" : String(rank + 1) }),
        h("th", { scope: "row" }, h("span", { class: "swatch", "aria-hidden": "true", style: { background: teamColor(team.index) } }), team.name,
          team.bot ? h("small", { class: "muted", text: ` (${t("common.bot")})` }) : null),
        h("td", { testid: `leader-score-${team.index}`, text: money(team.score) }),
        h("td", { text: `${(team.availability / 100).toFixed(1)}%` }),
        h("td", { class: team.dropped > 0 ? "bad-text" : "", text: String(team.dropped) })))));
    this.tiles.update(view, book);
  }

  private destroyParts(): void {
    this.spotlight.close();
    this.debrief?.destroy();
    this.debrief = null;
    this.briefing?.destroy();
    this.briefing = null;
  }

  destroy(): void {
    this.destroyParts();
    this.tiles.destroy();
  }
}

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
