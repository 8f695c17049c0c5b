/** A point's name on a chart: where its text starts (or ends, when anchored at the end). */
export interface LabelSpot { x: number; y: number; end: boolean }
/** A point, and the width of its name if known (otherwise the box's `labelW`). */
export interface LabelPoint { x: number; y: number; w?: number }

export interface LabelBox {
  /** The drawing's width, and the band of baselines labels may use from top to bottom. */
  width: number;
  top: number;
  bottom: number;
  /** A name's room on the chart: its width when a point does not give its own, and the line height. */
  labelW: number;
  lineH: number;
  /** Gap between a point and its name; also the points' radius names keep clear of. */
  gap: number;
}

/**
 * Names beside their points, none over another name or over another team's point: to the right
 * of a point if it fits, else to its left; a name with no room on its line moves a line down or up,
 * whichever side is free first, never out of the band. Points are placed top to bottom so the
 * result does not depend on the order of the rows.
 */
export function placeLabels(points: readonly LabelPoint[], box: LabelBox): LabelSpot[] {
  const spots: LabelSpot[] = new Array(points.length);
  const placed: (LabelSpot & { w: number })[] = [];
  const span = (s: LabelSpot & { w: number }): [number, number] => (s.end ? [s.x - s.w, s.x] : [s.x, s.x + s.w]);
  // A baseline y: the text's ink from y − lineH·0.75 to y + lineH·0.25.
  const clearOfLabels = (s: LabelSpot & { w: number }) => placed.every((q) => {
    const [a0, a1] = span(s);
    const [b0, b1] = span(q);
    return a1 <= b0 || b1 <= a0 || Math.abs(q.y - s.y) >= box.lineH;
  });
  const r = box.gap - 2;
  const clearOfPoints = (s: LabelSpot & { w: number }, own: number) => points.every((p, j) => {
    if (j === own) return true;
    const [a0, a1] = span(s);
    return p.x + r <= a0 || a1 <= p.x - r || p.y - r >= s.y + box.lineH * 0.25 || s.y - box.lineH * 0.75 >= p.y + r;
  });
  const order = points.map((_, i) => i).sort((a, b) => points[a].y - points[b].y || points[a].x - points[b].x);
  for (const i of order) {
    const p = points[i];
    const w = p.w ?? box.labelW;
    const home = Math.min(box.bottom, Math.max(box.top, p.y + 5));
    const right = { x: p.x + box.gap, y: home, end: false, w };
    const left = { x: p.x - box.gap, y: home, end: true, w };
    const sides = [right, left].filter((s) => span(s)[0] >= 0 && span(s)[1] <= box.width);
    if (sides.length === 0) sides.push(p.x > box.width / 2 ? left : right);
    const candidates: (LabelSpot & { w: number })[] = [...sides];
    for (let k = 1; k <= points.length + 1; k++) {
      for (const dy of [k * box.lineH, -k * box.lineH]) {
        const y = home + dy;
        if (y >= box.top && y <= box.bottom) candidates.push(...sides.map((s) => ({ ...s, y })));
      }
    }
    const spot = candidates.find((s) => clearOfLabels(s) && clearOfPoints(s, i))
      ?? candidates.find((s) => clearOfLabels(s)) ?? candidates[0];
    spots[i] = { x: spot.x, y: spot.y, end: spot.end };
    placed.push(spot);
  }
  return spots;
}
