/**
 * The class scatter names every team beside its point. Teams with the same availability and a
 * similar cost sit on top of each other (bots playing one strategy often do): their names must
 * not overlap each other or another team's point, must stay inside the drawing, and the name of
 * a point at the right edge goes to its left.
 */
import { describe, expect, it } from "vitest";
import { placeLabels, type LabelBox, type LabelSpot } from "../../client/src/ui/debrief/labels";

const BOX: LabelBox = { width: 416, top: 32, bottom: 246, labelW: 90, lineH: 17, gap: 13 };

const span = (s: LabelSpot) => (s.end ? [s.x - BOX.labelW, s.x] : [s.x, s.x + BOX.labelW]);
function overlaps(a: LabelSpot, b: LabelSpot): boolean {
  const [a0, a1] = span(a);
  const [b0, b1] = span(b);
  return a0 < b1 && b0 < a1 && Math.abs(a.y - b.y) < BOX.lineH;
}
/** A name's text (baseline y, ~13 px of ink above it) over a point's circle (radius 9). */
function covers(s: LabelSpot, p: { x: number; y: number }): boolean {
  const [a0, a1] = span(s);
  return a0 < p.x + 9 && p.x - 9 < a1 && s.y - 13 < p.y + 9 && p.y - 9 < s.y + 4;
}

function checkAll(points: { x: number; y: number }[]): LabelSpot[] {
  const spots = placeLabels(points, BOX);
  spots.forEach((s, i) => {
    expect(s.y).toBeGreaterThanOrEqual(BOX.top);
    expect(s.y).toBeLessThanOrEqual(BOX.bottom);
    const [a0, a1] = span(s);
    expect(a0).toBeGreaterThanOrEqual(0);
    expect(a1).toBeLessThanOrEqual(BOX.width);
    spots.forEach((o, j) => { if (j < i) expect(overlaps(s, o), `names ${i} and ${j}`).toBe(false); });
    points.forEach((p, j) => { if (j !== i) expect(covers(s, p), `name ${i} over point ${j}`).toBe(false); });
  });
  return spots;
}

describe("the scatter's names", () => {
  it("sits a lone name just right of its point", () => {
    expect(placeLabels([{ x: 100, y: 100 }], BOX)).toEqual([{ x: 113, y: 105, end: false }]);
  });

  it("puts a name left of a point near the right edge, so it is not cut off", () => {
    expect(placeLabels([{ x: 380, y: 100 }], BOX)).toEqual([{ x: 367, y: 105, end: true }]);
  });

  it("keeps eight teams at the same point apart, inside the drawing", () => {
    checkAll(Array.from({ length: 8 }, () => ({ x: 200, y: 120 })));
  });

  it("keeps a name off a neighbour's point: two bots a few pixels apart (a class seen on a phone)", () => {
    const spots = checkAll([{ x: 72, y: 74 }, { x: 100, y: 80 }, { x: 280, y: 246 }, { x: 316, y: 256 }]);
    // Room to the right of the first point is taken by the second: its name goes on another line, still beside it.
    expect(Math.abs(spots[0].y - 79)).toBeLessThanOrEqual(2 * BOX.lineH);
  });

  it("moves names up when the points sit at the bottom of the chart (the lowest availability)", () => {
    const spots = checkAll([{ x: 150, y: 246 }, { x: 160, y: 246 }, { x: 170, y: 246 }]);
    expect(spots.some((s) => s.y < 246)).toBe(true);
  });

  it("leaves names of points far apart where they are", () => {
    const spots = placeLabels([{ x: 80, y: 60 }, { x: 300, y: 60 }], BOX);
    expect(spots.map((s) => [s.y, s.end])).toEqual([[65, false], [65, false]]);
  });
});

describe("names of different lengths", () => {
  it("keeps a long name off a short one's line when they would touch", () => {
    const points = [{ x: 40, y: 100, w: 240 }, { x: 200, y: 104, w: 40 }];
    const [long, short] = placeLabels(points, BOX);
    // The long name runs past the second point: one of them moves a line, and neither covers the other.
    const spanOf = (s: LabelSpot, w: number) => (s.end ? [s.x - w, s.x] : [s.x, s.x + w]);
    const [a0, a1] = spanOf(long, 240);
    const [b0, b1] = spanOf(short, 40);
    expect(a1 <= b0 || b1 <= a0 || Math.abs(long.y - short.y) >= BOX.lineH).toBe(true);
    expect(a0 < 200 + 9 && 200 - 9 < a1 && long.y - 13 < 104 + 9 && 104 - 9 < long.y + 4).toBe(false);
  });
});
