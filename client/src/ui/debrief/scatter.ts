import type { ClassRow } from "../../../../shared/debrief/class";
import type { RoundReport } from "../../../../shared/debrief/report";
import { money, t } from "../../i18n";
import { teamColor } from "../teamColors";
import { placeLabels } from "./labels";

const NS = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/**
 * Availability (up) against cost per 1,000 requests served (right is dearer): the teams that got
 * both right sit top left. SVG, so it stays sharp on a projector; each point is named on the chart
 * and carries its numbers as a tooltip.
 */
export function scatter(report: RoundReport, rows: readonly ClassRow[]): SVGSVGElement {
  const pts = rows.filter((r) => r.costPer1k >= 0);
  // On a phone the drawing is narrower rather than the same drawing shrunk: its words stay legible.
  const W = window.innerWidth < 600 ? 420 : 720;
  const H = window.innerWidth < 600 ? 300 : 360;
  const m = { l: 70, r: 24, t: 20, b: 50 };
  const maxCost = Math.max(1, ...pts.map((p) => p.costPer1k)) * 1.1;
  const minAvail = Math.min(9000, ...pts.map((p) => p.availability));
  const x = (c: number) => m.l + (c / maxCost) * (W - m.l - m.r);
  const y = (a: number) => m.t + ((10000 - a) / Math.max(1, 10000 - minAvail)) * (H - m.t - m.b);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "scatter", role: "img", "aria-labelledby": "scatter-title scatter-desc", "data-testid": "debrief-scatter" },
    svg("title", { id: "scatter-title" }, t("debrief.scatter")),
    svg("desc", { id: "scatter-desc" }, `${t("debrief.scatterAlt")} ${pts.map((p) => `${p.name}: ${(p.availability / 100).toFixed(1)}%, ${money(p.costPer1k)}`).join("; ")}`));
  const axis = { stroke: "#56606b", "stroke-width": 1.5 };
  root.append(
    svg("line", { x1: m.l, y1: H - m.b, x2: W - m.r, y2: H - m.b, ...axis }),
    svg("line", { x1: m.l, y1: m.t, x2: m.l, y2: H - m.b, ...axis }),
    svg("text", { x: W - m.r, y: H - 12, "text-anchor": "end", class: "axis-label" }, `${t("debrief.costPer1k")} (${t("debrief.cheaper")})`),
    svg("text", { x: 18, y: (H - m.b + m.t) / 2, "text-anchor": "middle", class: "axis-label", transform: `rotate(-90 18 ${(H - m.b + m.t) / 2})` }, `${t("debrief.availability")} (${t("debrief.better")})`),
    svg("text", { x: m.l - 6, y: y(10000) + 4, "text-anchor": "end", class: "tick" }, "100%"),
    svg("text", { x: m.l - 6, y: y(minAvail) + 4, "text-anchor": "end", class: "tick" }, `${(minAvail / 100).toFixed(0)}%`),
    svg("text", { x: m.l, y: H - m.b + 18, "text-anchor": "middle", class: "tick" }, money(0)),
    svg("text", { x: x(maxCost / 1.1), y: H - m.b + 18, "text-anchor": "middle", class: "tick" }, money(maxCost / 1.1)));
  // Names are not measured (no layout yet): ~10 px a character at the labels' 16 px bold is enough to keep them apart.
  const spots = placeLabels(pts.map((p) => ({ x: x(p.costPer1k), y: y(p.availability), w: Math.max(40, p.name.length * 10) })),
    { width: W - 4, top: m.t + 12, bottom: H - m.b - 4, labelW: 90, lineH: 17, gap: 13 });
  pts.forEach((p, i) => {
    const spot = spots[i];
    const cx = x(p.costPer1k);
    const cy = y(p.availability);
    // A name moved off its point's line is tied back to it, so it cannot be read as a neighbour's.
    const moved = Math.abs(spot.y - (cy + 5)) > 2;
    root.append(svg("g", { class: p.ranked ? "pt" : "pt unranked" },
      svg("title", {}, `${p.name}: ${(p.availability / 100).toFixed(1)}%, ${money(p.costPer1k)}`),
      moved ? svg("line", { x1: cx, y1: cy, x2: spot.x + (spot.end ? 2 : -2), y2: spot.y - 5, stroke: "#56606b", "stroke-width": 1.2 }) : "",
      svg("circle", { cx, cy, r: 9, fill: teamColor(p.team), stroke: "#111418", "stroke-width": 1.5 }),
      svg("text", { x: spot.x, y: spot.y, class: "pt-label", "text-anchor": spot.end ? "end" : "start" }, p.name)));
  });
  return root;
}
