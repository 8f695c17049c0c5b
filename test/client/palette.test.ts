/**
 * The racks' labels keep WCAG AA contrast (issue 14: canvas labels measured 1.2–3.6:1 as load
 * filled behind them): a server's header on its frame, delivered or on its way, failing or not;
 * every label inside a box on its opaque plate (≥ 7:1, so no app's fill can matter); the "no
 * servers yet" line on the canvas; the selection outline ≥ 3:1 against what it is drawn on
 * (WCAG 1.4.11, non-text contrast). Computed with WCAG 2.1's relative-luminance formula.
 */
import { describe, expect, it } from "vitest";
import { appColor } from "../../client/src/scenes/layout";
import { BACKGROUND, COLORS, DELIVERING_ALPHA, LABEL } from "../../client/src/scenes/palette";

type Rgb = [number, number, number];
const rgb = (c: string | number): Rgb => {
  const n = typeof c === "number" ? c : parseInt(c.replace("#", ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};
const luminance = ([r, g, b]: Rgb): number => {
  const lin = (v: number) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a: Rgb, b: Rgb): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
/** `top` drawn at `alpha` over `under`. */
const over = (top: Rgb, alpha: number, under: Rgb): Rgb => top.map((v, i) => Math.round(v * alpha + under[i] * (1 - alpha))) as Rgb;

describe("the racks' colours", () => {
  it("computes contrast as WCAG does", () => {
    expect(contrast(rgb("#000000"), rgb("#ffffff"))).toBeCloseTo(21, 5);
    expect(contrast(rgb("#d55e00"), rgb("#ffffff"))).toBeCloseTo(3.87, 1); // the measured warning colour
  });

  it("keeps a server's header readable on its frame, delivered or on its way, failing or not", () => {
    const frames = [rgb(COLORS.frame), over(rgb(COLORS.frame), DELIVERING_ALPHA, rgb(BACKGROUND))];
    for (const frame of frames) {
      expect(contrast(rgb(LABEL.header), frame)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(rgb(LABEL.headerFailed), frame)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("puts every label inside a box on a plate no fill can wash out", () => {
    expect(LABEL.plate).toMatch(/^#[0-9a-f]{6}$/); // opaque: no alpha
    expect(contrast(rgb(LABEL.onPlate), rgb(LABEL.plate))).toBeGreaterThanOrEqual(7);
    // Without the plate, a label on a full load of some apps' colours would fail: the plate is what holds it.
    const worst = Math.min(...["web", "grades", "db", "payment", "enroll", "train"].map((a) => contrast(rgb(LABEL.onPlate), rgb(appColor(a)))));
    expect(worst).toBeLessThan(4.5);
  });

  it("keeps the empty-datacenter line and the selection outline visible", () => {
    expect(contrast(rgb(LABEL.empty), rgb(BACKGROUND))).toBeGreaterThanOrEqual(4.5);
    for (const under of [COLORS.frame, COLORS.bar, COLORS.vm]) expect(contrast(rgb(COLORS.select), rgb(under))).toBeGreaterThanOrEqual(3);
  });
});
