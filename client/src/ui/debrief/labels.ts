/** A point's name on a chart: where its text starts (or ends, when anchored at the end). */
export interface LabelSpot { x: number; y: number; end: boolean }

export interface LabelBox {
  /** The drawing's width, and the band labels may use from top to bottom. */
  width: number;
  top: number;
  bottom: number;
  /** A name's room on the chart: its width (text is not measured: names are short) and line height. */
  labelW: number;
  lineH: number;
  /** Gap between a point and its name. */
  gap: number;
}

/**
 * Names beside their points without overlapping: to the right of a point, or to its left near the
 * right edge; a name that would sit on another moves a line down, or up, whichever is free first,
 * never out of the band. Points are placed top to bottom so the nudging is stable.
 */
export function placeLabels(points: readonly { x: number; y: number }[], box: LabelBox): LabelSpot[] {
  const spots: LabelSpot[] = new Array(points.length);
  const placed: LabelSpot[] = [];
  const order = points.map((_, i) => i).sort((a, b) => points[a].y - points[b].y || points[a].x - points[b].x);
  const clear = (s: LabelSpot) => placed.every((q) => {
    const [a0, a1] = s.end ? [s.x - box.labelW, s.x] : [s.x, s.x + box.labelW];
    const [b0, b1] = q.end ? [q.x - box.labelW, q.x] : [q.x, q.x + box.labelW];
    return a1 <= b0 || b1 <= a0 || Math.abs(q.y - s.y) >= box.lineH;
  });
  for (const i of order) {
    const p = points[i];
    const end = p.x + box.gap + box.labelW > box.width;
    const x = end ? p.x - box.gap : p.x + box.gap;
    const home = Math.min(box.bottom, Math.max(box.top, p.y + 5));
    let spot: LabelSpot = { x, y: home, end };
    for (let k = 1; k <= 2 * points.length && !clear(spot); k++) {
      const step = Math.ceil(k / 2) * box.lineH * (k % 2 === 1 ? 1 : -1);
      const y = home + step;
      if (y < box.top || y > box.bottom) continue;
      spot = { x, y, end };
    }
    spots[i] = spot;
    placed.push(spot);
  }
  return spots;
}
