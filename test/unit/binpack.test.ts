/**
 * One-dimensional bin packing against instances whose optimum is known: the lower bounds never
 * exceed it, first-fit decreasing never exceeds 11/9·OPT + 6/9, and every packing is a real one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ceilDiv, decreasingOrder, firstFitDecreasing, lowerBound, lowerBoundL1, lowerBoundL2, reducedCapacity, type Packing,
} from "../../shared/debrief/binpack";
import { cutBins, exactOptimum, johnson, triplets, type KnownInstance } from "./binpack-instances";

/** Every item in exactly one bin, no bin over capacity, loads as reported. */
function expectValid(p: Packing, sizes: readonly number[], capacity: number): void {
  expect(p.binOf).toHaveLength(sizes.length);
  const loads = new Array<number>(p.bins).fill(0);
  sizes.forEach((s, i) => {
    expect(p.binOf[i]).toBeGreaterThanOrEqual(0);
    expect(p.binOf[i]).toBeLessThan(p.bins);
    loads[p.binOf[i]] += s;
  });
  expect(loads).toEqual(p.loads);
  for (const l of loads) {
    expect(l).toBeGreaterThan(0);
    expect(l).toBeLessThanOrEqual(capacity);
  }
}

/** FFD ≤ 11/9·OPT + 6/9 (Dósa 2007), in integers. */
const withinFfdBound = (ffd: number, opt: number) => 9 * ffd <= 11 * opt + 6;

function checkKnown(inst: KnownInstance): { l2: number; best: number; ffd: number } {
  const { sizes, capacity, optimum } = inst;
  const l1 = lowerBoundL1(sizes, capacity);
  const l2 = lowerBoundL2(sizes, capacity);
  const p = firstFitDecreasing(sizes, capacity);
  expectValid(p, sizes, capacity);
  const best = lowerBound(sizes, capacity);
  expect(l1).toBeLessThanOrEqual(l2);
  expect(l2).toBeLessThanOrEqual(best);
  expect(best).toBeLessThanOrEqual(optimum);
  expect(p.bins).toBeGreaterThanOrEqual(optimum);
  expect(withinFfdBound(p.bins, optimum)).toBe(true);
  return { l2, best, ffd: p.bins };
}

/** L2 straight from its definition: every K from 0 to C/2, every item looked at each time. */
function l2ByDefinition(sizes: readonly number[], c: number): number {
  let best = 0;
  for (let k = 0; 2 * k <= c; k++) {
    const j1 = sizes.filter((s) => s > c - k);
    const j2 = sizes.filter((s) => s <= c - k && 2 * s > c);
    const j3 = sizes.filter((s) => 2 * s <= c && s >= k);
    const room = j2.length * c - j2.reduce((a, b) => a + b, 0);
    const rest = j3.reduce((a, b) => a + b, 0) - room;
    best = Math.max(best, j1.length + j2.length + Math.max(0, Math.ceil(rest / c)));
  }
  return best;
}

/** First fit the slow way: sort with a comparator, scan the bins in order. */
function naiveFfd(sizes: readonly number[], c: number): number[] {
  const loads: number[] = [];
  const binOf = new Array<number>(sizes.length);
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  for (const i of order) {
    let b = loads.findIndex((l) => l + sizes[i] <= c);
    if (b < 0) b = loads.push(0) - 1;
    loads[b] += sizes[i];
    binOf[i] = b;
  }
  return binOf;
}

/** Up to a dozen items, half of them anywhere in a bin and half between a fifth and three fifths (where FFD errs). */
const smallInstance = fc.integer({ min: 10, max: 100 }).chain((capacity) => fc.record({
  capacity: fc.constant(capacity),
  sizes: fc.tuple(
    fc.array(fc.integer({ min: 1, max: capacity }), { maxLength: 5 }),
    fc.array(fc.integer({ min: Math.ceil(capacity / 5), max: Math.floor(capacity / 2) }), { maxLength: 8 }),
  ).map(([a, b]) => [...a, ...b]),
}));

describe("instances with a known optimum", () => {
  it("Falkenauer-style triplets: both bounds reach OPT = n/3; FFD stays within 11/9·OPT + 6/9", () => {
    for (const [bins, seed] of [[20, 1], [40, 2], [83, 3], [167, 4], [500, 5]]) {
      const inst = triplets(bins, seed);
      expect(inst.sizes.reduce((a, b) => a + b, 0)).toBe(bins * inst.capacity);
      const { l2, ffd } = checkKnown(inst);
      expect(l2).toBe(bins);
      // Items are all over a quarter bin and most bins of FFD end up with two: it does worse than OPT.
      expect(ffd).toBeGreaterThan(bins);
    }
  });

  it("full bins cut into pieces: the bounds are exact and FFD stays within its guarantee", () => {
    for (const seed of [11, 12, 13, 14]) {
      for (const [bins, capacity] of [[10, 100], [60, 150], [300, 1000]]) {
        const { l2 } = checkKnown(cutBins(bins, capacity, seed * 100 + bins));
        expect(l2).toBe(bins);
      }
    }
  });

  it("Johnson's worst case: FFD uses exactly 11/9 of the optimum, and L2 proves the optimum", () => {
    for (const [k, m] of [[1, 25], [2, 100], [5, 1000]]) {
      const inst = johnson(k, m);
      const { l2, ffd } = checkKnown(inst);
      expect(ffd).toBe(inst.ffd);
      expect(l2).toBe(inst.optimum);
    }
  });

  it("L2 sees what the volume bound cannot: items over half a bin each need their own", () => {
    const sizes = [...Array<number>(7).fill(60), ...Array<number>(7).fill(45)];
    expect(lowerBoundL1(sizes, 100)).toBe(8);
    expect(lowerBoundL2(sizes, 100)).toBe(11);
    expect(exactOptimum(sizes, 100)).toBe(11);
    expect(firstFitDecreasing(sizes, 100).bins).toBe(11);
  });

  it("small random instances, against an exact solver: L1 ≤ L2 ≤ best bound ≤ OPT ≤ FFD ≤ 11/9·OPT + 6/9", () => {
    let l2Gains = 0;
    let reducedGains = 0;
    let ffdMisses = 0;
    fc.assert(
      fc.property(smallInstance, ({ capacity, sizes }) => {
        const optimum = exactOptimum(sizes, capacity);
        const { l2, best, ffd } = checkKnown({ capacity, sizes, optimum });
        if (l2 > lowerBoundL1(sizes, capacity)) l2Gains++;
        if (best > l2) reducedGains++;
        if (ffd > optimum) ffdMisses++;
      }),
      { numRuns: 400, seed: 9 },
    );
    // The runs are varied enough to exercise every gap.
    expect(l2Gains).toBeGreaterThan(0);
    expect(reducedGains).toBeGreaterThan(0);
    expect(ffdMisses).toBeGreaterThan(0);
  });

  it("a reduced capacity sees that no bin ever fills: ten 4s in bins of 10 need 5, not 4", () => {
    const fours = Array<number>(10).fill(4);
    expect(lowerBoundL2(fours, 10)).toBe(4);
    expect(reducedCapacity(fours, 10)).toBe(8);
    expect(lowerBound(fours, 10)).toBe(5);
    expect(exactOptimum(fours, 10)).toBe(5);
  });
});

describe("the fast algorithms compute what the textbook defines", () => {
  it("L2 by binary search equals L2 by its definition", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }).chain((c) => fc.record({
        c: fc.constant(c), sizes: fc.array(fc.integer({ min: 1, max: c }), { maxLength: 40 }),
      })), ({ c, sizes }) => {
        expect(lowerBoundL2(sizes, c)).toBe(l2ByDefinition(sizes, c));
      }),
      { numRuns: 500 },
    );
  });

  it("FFD through the max-tree puts every item where a plain scan of the bins would", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }).chain((c) => fc.record({
        c: fc.constant(c), sizes: fc.array(fc.integer({ min: 1, max: c }), { maxLength: 300 }),
      })), ({ c, sizes }) => {
        expect(firstFitDecreasing(sizes, c).binOf).toEqual(naiveFfd(sizes, c));
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic and order-blind: any shuffle of the items gives the same bins", () => {
    const inst = triplets(50, 77);
    const a = firstFitDecreasing(inst.sizes, inst.capacity);
    const reversed = firstFitDecreasing([...inst.sizes].reverse(), inst.capacity);
    expect(reversed.bins).toBe(a.bins);
    expect([...reversed.loads].sort()).toEqual([...a.loads].sort());
    expect(firstFitDecreasing(inst.sizes, inst.capacity)).toEqual(a);
    // Equal sizes are taken in input order, with small sizes and with sizes too big for one sort key.
    expect(decreasingOrder([5, 7, 5, 7])).toEqual([1, 3, 0, 2]);
    const huge = 2 ** 52;
    expect(decreasingOrder([huge - 1, huge, 3, huge])).toEqual([1, 3, 0, 2]);
  });

  it("the reduced capacity is the largest subset sum within the capacity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }).chain((c) => fc.record({
        c: fc.constant(c), sizes: fc.array(fc.integer({ min: 1, max: c + 50 }), { maxLength: 12 }),
      })), ({ c, sizes }) => {
        let best = 0;
        for (let mask = 0; mask < 1 << sizes.length; mask++) {
          let sum = 0;
          sizes.forEach((s, i) => { if (mask & (1 << i)) sum += s; });
          if (sum <= c) best = Math.max(best, sum);
        }
        expect(reducedCapacity(sizes, c)).toBe(sizes.some((s) => s <= c) ? best : c);
      }),
      { numRuns: 300 },
    );
    // Past the work budget it falls back to the capacity rounded down to the sizes' common divisor.
    const many = Array.from({ length: 40 }, (_, i) => 2 * (i + 1));
    expect(reducedCapacity(many, 2 ** 31 + 1)).toBe(2 ** 31);
  });

  it("exact integer ceilings, even near 2^53", () => {
    expect(ceilDiv(0, 7)).toBe(0);
    expect(ceilDiv(14, 7)).toBe(2);
    expect(ceilDiv(15, 7)).toBe(3);
    expect(ceilDiv(2 ** 53 - 1, 2 ** 52)).toBe(2);
    expect(ceilDiv(2 ** 53 - 2, 2 ** 53 - 1)).toBe(1);
  });
});

describe("inputs", () => {
  it("no items: no bins", () => {
    expect(lowerBoundL1([], 10)).toBe(0);
    expect(lowerBoundL2([], 10)).toBe(0);
    expect(firstFitDecreasing([], 10)).toEqual({ bins: 0, binOf: [], loads: [] });
  });

  it("refuses sizes that are not whole, not positive or bigger than a bin, and a bad capacity", () => {
    for (const [sizes, c] of [[[1.5], 10], [[0], 10], [[-1], 10], [[11], 10], [[1], 0], [[1], 2.5], [[Number.NaN], 10]] as const) {
      expect(() => firstFitDecreasing(sizes, c)).toThrow(RangeError);
      expect(() => lowerBoundL2(sizes, c)).toThrow(RangeError);
      expect(() => lowerBoundL1(sizes, c)).toThrow(RangeError);
      expect(() => lowerBound(sizes, c)).toThrow(RangeError);
    }
  });
});
