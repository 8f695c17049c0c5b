import { clock, t } from "../../i18n";
import { datacenterOf, serversOf } from "../../model/datacenter";
import type { ClassView } from "../../model/types";
import { chartLine, type Minutes, type SeriesBook } from "../../store/series";
import { lineChart, type LineChart } from "../charts";
import { h } from "../dom";
import { teamColor } from "../teamColors";
import { drawMinimap, minimapSummary } from "./minimap";

interface Tile {
  el: HTMLElement;
  chart: LineChart;
  figure: HTMLElement;
  canvas: HTMLCanvasElement;
  map: HTMLElement;
  stats: HTMLElement;
}

/** A round number to put at the top of a chart: 1, 2 or 5 times a power of ten, at least `v`. */
export function niceCeiling(v: number): number {
  if (v <= 0) return 10;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function worst(list: Minutes | undefined): { value: number; minute: number } {
  let best = { value: 0, minute: 0 };
  (list ?? []).forEach((v, i) => { if (v !== null && v > best.value) best = { value: v, minute: i }; });
  return best;
}

/**
 * Each team's traffic and datacenter, side by side. Every chart has the same y-scale (the class's
 * highest minute so far), so a tall line means a busy team, not a small axis; each chart and map
 * says in words what it shows (its text alternative, and a line under the map).
 */
export class TeamTiles {
  private readonly grid = h("div", { class: "team-grid" });
  private tiles: Tile[] = [];
  private key = "";
  private yMax = 10;
  private readonly scale = h("p", { class: "muted scale-note", testid: "chart-scale" });
  readonly el = h("div", { class: "stack tiles" }, this.scale, this.grid);

  update(view: ClassView, book: SeriesBook): void {
    const key = view.teams.map((x) => x.name).join("|") + view.round.number;
    if (key !== this.key) this.build(view, key);
    const ticks = view.round.ticks;
    const xs = Array.from({ length: ticks }, (_, i) => i);
    const minutes = book.round === view.round.number ? book.teams : [];
    const top = Math.max(0, ...minutes.flatMap((m) => [...m.served, ...m.dropped].map((v) => v ?? 0)));
    this.yMax = niceCeiling(top);
    this.scale.textContent = t("projector.scale", { max: this.yMax.toLocaleString() });
    this.grid.dataset.ymax = String(this.yMax);
    view.teams.forEach((team, i) => {
      const tile = this.tiles[i];
      if (!tile) return;
      const m = minutes[i];
      tile.chart.set(xs, [chartLine(m?.served, ticks), chartLine(m?.dropped, ticks)]);
      const last = view.tick - 1;
      const bad = worst(m?.dropped);
      tile.figure.setAttribute("aria-label", last < 0 || !m
        ? t("projector.chartAltNone", { team: team.name })
        : t("projector.chartAlt", {
          team: team.name, served: m.served[last] ?? 0, dropped: m.dropped[last] ?? 0, worst: bad.value, at: clock(view.round.startMinute + bad.minute),
        }));
      const servers = serversOf(datacenterOf(view, i));
      drawMinimap(tile.canvas, servers, view.tick);
      const summary = minimapSummary(servers, view.tick);
      tile.canvas.setAttribute("aria-label", t("projector.map", { team: team.name, summary }));
      if (tile.map.textContent !== summary) tile.map.textContent = summary;
      const stats = `${team.bot ? t("common.bot") : t("lobby.members", { count: team.members })}`;
      if (tile.stats.textContent !== stats) tile.stats.textContent = stats;
    });
  }

  private build(view: ClassView, key: string): void {
    this.destroy();
    this.key = key;
    this.tiles = view.teams.map((team, i) => {
      const chart = lineChart([
        { label: t("host.served"), color: "#0072b2", width: 3 },
        { label: t("host.dropped"), color: "#b34100", width: 3, fill: "rgba(213,94,0,0.2)" },
      ], () => view.round.startMinute, 130, undefined, false, () => [0, this.yMax], "700 16px system-ui, sans-serif");
      // The chart is a picture to a screen reader: its label says what it shows.
      const figure = h("div", { role: "img", testid: `chart-${i}` }, chart.el);
      const canvas = h("canvas", { class: "minimap", role: "img", testid: `minimap-${i}` });
      const map = h("p", { class: "map-text", testid: `minimap-text-${i}` });
      const stats = h("span", { class: "muted" });
      const el = h("section", { class: "panel team-tile", testid: `team-tile-${i}`, "aria-label": team.name },
        h("h3", {}, h("span", { class: "swatch", style: { background: teamColor(i) } }), team.name, stats),
        figure,
        h("div", { class: "row legend", "aria-hidden": "true" },
          h("span", { class: "served-key", text: `— ${t("host.served")}` }),
          h("span", { class: "dropped-key", text: `— ${t("host.dropped")}` })),
        canvas, map);
      return { el, chart, figure, canvas, map, stats };
    });
    this.grid.style.setProperty("--cols", String(view.teams.length <= 4 ? 2 : 3));
    this.grid.replaceChildren(...this.tiles.map((x) => x.el));
  }

  destroy(): void {
    this.tiles.forEach((x) => x.chart.destroy());
    this.tiles = [];
    this.key = "";
  }
}
