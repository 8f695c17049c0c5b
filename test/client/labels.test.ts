/**
 * The class scatter names every team beside its point. Teams with the same availability and a
 * similar cost sit on top of each other (bots playing one strategy often do): their names must
 * not overlap, must stay inside the drawing, and the name of a point at the right edge goes left.
 */
import { describe, expect, it } from "vitest";
import { placeLabels, type LabelBox, type LabelSpot } from "../../client/src/ui/debrief/labels";

const BOX: LabelBox = { width: 416, top: 32, bottom: 246, labelW: 90, lineH: 17, gap: 13 };

function overlaps(a: LabelSpot, b: LabelSpot): boolean {
  const span = (s: LabelSpot) => (s.end ? [s.x - BOX.labelW, s.x] : [s.x, s.x + BOX.labelW]);
  const [a0, a1] = span(a);
  const [b0, b1] = span(b);
  return a0 < b1 && b0 < a1 && Math.abs(a.y - b.y) < BOX.lineH;
}

describe("the scatter's names", () => {
  it("sits a lone name just right of its point", () => {
    expect(placeLabels([{ x: 100, y: 100 }], BOX)).toEqual([{ x: 113, y: 105, end: false }]);
  });

  it("puts a name left of a point near the right edge, so it is not cut off", () => {
    const [spot] = placeLabels([{ x: 380, y: 100 }], BOX);
    expect(spot).toEqual({ x: 367, y: 105, end: true });
  });

  it("keeps eight teams at the same point apart and inside the drawing", () => {
    const spots = placeLabels(Array.from({ length: 8 }, () => ({ x: 200, y: 120 })), BOX);
    for (let i = 0; i < spots.length; i++) {
      expect(spots[i].y).toBeGreaterThanOrEqual(BOX.top);
      expect(spots[i].y).toBeLessThanOrEqual(BOX.bottom);
      for (let j = 0; j < i; j++) expect(overlaps(spots[i], spots[j]), `${i} and ${j}`).toBe(false);
    }
  });

  it("moves names up when the points sit at the bottom of the chart (100 % availability is the top, the worst the bottom)", () => {
    const spots = placeLabels([{ x: 150, y: 246 }, { x: 160, y: 246 }, { x: 170, y: 246 }], BOX);
    expect(spots.every((s) => s.y <= BOX.bottom)).toBe(true);
    expect(new Set(spots.map((s) => s.y)).size).toBe(3);
  });

  it("leaves names of points far apart where they are", () => {
    const spots = placeLabels([{ x: 80, y: 60 }, { x: 300, y: 60 }], BOX);
    expect(spots.map((s) => s.y)).toEqual([65, 65]);
  });
});
