import QRCode from "qrcode";
import { clock, money, t } from "../../i18n";
import { datacenterOf, serversOf } from "../../model/datacenter";
import type { ClassView } from "../../model/types";
import { midRound, seatsOf } from "../../store/selectors";
import { chartLine, type SeriesBook } from "../../store/series";
import { forecastLines, briefingView } from "../briefing";
import { lineChart, type LineChart } from "../charts";
import { h } from "../dom";
import { spikeLine } from "../spike";
import { teamCards, teamCardsKey } from "../teamCards";
import { teamColor } from "../teamColors";
import { drawMinimap } from "./minimap";
import { isCurrentReport, type RoundReport } from "../../../../shared/debrief/report";
import { classView } from "../debrief/classView";
import { Spotlight } from "../debrief/spotlight";

interface Tile {
  el: HTMLElement;
  chart: LineChart;
  canvas: HTMLCanvasElement;
  stats: HTMLElement;
}

/**
 * What the class sees on the projector: how to join (code, QR, URL) and, once playing, the clock,
 * the leaderboard, each team's traffic and a minimap of each datacenter. Large type, high contrast.
 */
export class Projector {
  readonly el = h("div", { class: "projector", testid: "projector" });
  private readonly join = h("section", { class: "panel joinbox", testid: "joinbox" });
  private readonly main = h("section", { class: "stack", style: { minWidth: "0" } });
  private tiles: Tile[] = [];
  private tilesKey = "";
  private briefing: { destroy(): void } | null = null;
  private mode = "";
  private cardsKey = "";
  private debrief: { el: HTMLElement; destroy(): void } | null = null;
  private readonly spotlight = new Spotlight(this.el);
  private view: ClassView | null = null;

  /** `code` null: no join box (the replay viewer shows a past match). */
  constructor(code: string | null) {
    if (code === null) {
      this.el.style.gridTemplateColumns = "1fr";
      this.el.append(this.main);
      return;
    }
    const url = `${location.protocol}//${location.host}/join/${code}`;
    const qr = h("img", { alt: t("host.scan"), testid: "join-qr" });
    void QRCode.toDataURL(url, { margin: 1, width: 440, errorCorrectionLevel: "M" }).then((src) => { qr.src = src; });
    this.join.append(
      h("div", { class: "muted", text: t("host.code") }),
      h("div", { class: "code", testid: "room-code", text: code }),
      qr,
      h("div", { class: "muted", text: t("host.joinAt") }),
      h("div", { class: "url", testid: "join-url", text: url }));
    this.el.append(this.join, this.main);
  }

  /**
   * `book`: every team's minutes so far (the live charts). `reports`: finished rounds; once the
   * round shown is over and its report is here, the projector shows the class debrief.
   */
  update(view: ClassView, book: SeriesBook, reports: readonly RoundReport[] = []): void {
    this.view = view;
    const report = view.phase === "over" ? reports.find((r) => r.round === view.round.number && isCurrentReport(r)) : undefined;
    const live = midRound(view) || view.phase === "over";
    const mode = report ? `debrief-${report.round}` : live ? "live" : view.phase === "briefing" ? "briefing" : "lobby";
    if (mode !== this.mode) {
      this.mode = mode;
      // After a round the class debrief needs the whole width; the join box comes back for the next round.
      this.el.classList.toggle("debrief-mode", report !== undefined);
      this.cardsKey = "";
      this.destroyParts();
      this.main.replaceChildren();
    }
    if (mode === "lobby") this.renderLobby(view);
    else if (mode === "briefing") this.renderBriefing(view);
    else if (report) this.renderDebrief(report);
    else this.renderLive(view, book);
  }

  /** The class debrief, built once per round: the podium revealed, every team on one chart, the table, a team in the spotlight. */
  private renderDebrief(report: RoundReport): void {
    if (this.debrief) return;
    this.debrief = classView(report, {
      myTeam: null, reveal: true, download: true,
      spotlight: (team) => this.spotlight.open(report, team, this.view ? serversOf(datacenterOf(this.view, team)) : undefined),
    });
    this.main.replaceChildren(this.debrief.el);
  }

  private renderLobby(view: ClassView): void {
    const key = teamCardsKey(view);
    if (key === this.cardsKey) return;
    this.cardsKey = key;
    const students = seatsOf(view).filter((s) => s.role === "student");
    this.main.replaceChildren(
      h("h1", { style: { fontSize: "2.4rem" }, text: `${t("host.students", { count: students.length })}` }),
      teamCards(view, -1));
  }

  private renderBriefing(view: ClassView): void {
    const key = teamCardsKey(view);
    if (this.briefing) {
      if (key === this.cardsKey) return;
      this.cardsKey = key;
      const cards = this.main.querySelector("[data-testid=lobby-teams]");
      cards?.replaceWith(teamCards(view, -1));
      return;
    }
    this.cardsKey = key;
    const b = briefingView(view, teamCards(view, -1));
    this.briefing = b;
    this.main.replaceChildren(b.el);
  }

  private renderLive(view: ClassView, book: SeriesBook): void {
    const key = view.teams.map((x) => x.name).join("|") + view.round.number;
    if (key !== this.tilesKey) this.buildTiles(view, key);
    const spike = spikeLine(view);
    const ranked = [...view.teams].sort((a, b) => b.score - a.score);
    const header = h("div", { class: "row" },
      h("div", { class: "host-clock", testid: "host-clock", text: clock(view.round.startMinute + view.tick) }),
      h("div", { class: "stack" },
        h("b", { style: { fontSize: "1.4rem" }, text: `${t(`scenario.${view.round.scenario}`)} · ${t(`phase.${view.phase}`)}` }),
        h("span", { style: { fontSize: "1.2rem" }, text: spike ?? (view.phase === "over" ? "" : forecastLines(view)[0] ?? "") })));
    const board = h("table", { class: "leaderboard", testid: "leaderboard" },
      h("thead", {}, h("tr", {}, h("th", { text: "#" }), h("th", { text: t("common.team") }), h("th", { text: t("debrief.score") }), h("th", { text: t("debrief.availability") }), h("th", { text: `${t("host.dropped")}${t("play.perMin")}` }))),
      h("tbody", {}, ranked.map((team, rank) => h("tr", { testid: `leader-row-${team.index}` },
        h("td", { text: String(rank + 1) }),
        h("td", {}, h("span", { class: "swatch", style: { background: teamColor(team.index) } }), team.name, team.bot ? h("small", { class: "muted", text: ` (${t("common.bot")})` }) : null),
        h("td", { testid: `leader-score-${team.index}`, text: money(team.score) }),
        h("td", { text: `${(team.availability / 100).toFixed(1)}%` }),
        h("td", { style: { color: team.dropped > 0 ? "var(--bad)" : "inherit" }, text: String(team.dropped) })))));
    const banners = view.banners.slice(-3).reverse().map((b) => h("div", { class: `banner ${b.kind === "spike" ? "spike" : ""}` },
      `${clock(view.round.startMinute + b.tick)} · ${b.team >= 0 ? view.teams[b.team]?.name ?? "" : t("common.all")} · ${t(`incident.${b.kind}`)}${b.app ? ` (${t(`app.${b.app}`)})` : ""}`));
    const first = this.main.firstChild;
    const grid = this.main.querySelector(".team-grid");
    const top = h("div", { class: "stack", testid: "projector-top" }, header, ...banners, board);
    if (first && first !== grid) first.replaceWith(top);
    else this.main.prepend(top);
    this.updateTiles(view, book);
  }

  private buildTiles(view: ClassView, key: string): void {
    this.tiles.forEach((x) => x.chart.destroy());
    this.tilesKey = key;
    this.tiles = view.teams.map((team, i) => {
      const chart = lineChart([
        { label: t("host.served"), color: "#0072b2", width: 2 },
        { label: t("host.dropped"), color: "#d55e00", width: 2, fill: "rgba(213,94,0,0.2)" },
      ], () => view.round.startMinute, 110, undefined, false);
      const canvas = h("canvas", { class: "minimap", testid: `minimap-${i}` });
      const stats = h("div", { class: "muted" });
      const legend = h("div", { class: "row muted", style: { fontSize: "0.9rem" } },
        h("span", { style: { color: "var(--served)", fontWeight: "700" }, text: `— ${t("host.served")}` }),
        h("span", { style: { color: "var(--dropped)", fontWeight: "700" }, text: `— ${t("host.dropped")}` }));
      const el = h("section", { class: "panel team-tile", testid: `team-tile-${i}` },
        h("h3", {}, h("span", { class: "swatch", style: { background: teamColor(i), width: "1em", height: "1em", display: "inline-block", borderRadius: "3px" } }), team.name),
        stats, chart.el, legend, canvas);
      return { el, chart, canvas, stats };
    });
    this.main.querySelector(".team-grid")?.remove();
    this.main.append(h("div", { class: "team-grid" }, this.tiles.map((x) => x.el)));
  }

  private updateTiles(view: ClassView, book: SeriesBook): void {
    const ticks = view.round.ticks;
    const xs = Array.from({ length: ticks }, (_, i) => i);
    const minutes = book.round === view.round.number ? book.teams : [];
    view.teams.forEach((team, i) => {
      const tile = this.tiles[i];
      if (!tile) return;
      tile.chart.set(xs, [chartLine(minutes[i]?.served, ticks), chartLine(minutes[i]?.dropped, ticks)]);
      tile.stats.textContent = `${money(team.score)} · ${team.servers} ${t("debrief.servers")} · ${team.bot ? t("common.bot") : t("lobby.members", { count: team.members })}`;
      drawMinimap(tile.canvas, serversOf(datacenterOf(view, i)), view.tick);
    });
  }

  private destroyParts(): void {
    this.spotlight.close();
    this.debrief?.destroy();
    this.debrief = null;
    this.briefing?.destroy();
    this.briefing = null;
    this.tiles.forEach((x) => x.chart.destroy());
    this.tiles = [];
    this.tilesKey = "";
  }

  destroy(): void {
    this.destroyParts();
  }
}
