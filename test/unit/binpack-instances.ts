/**
 * Bin-packing instances whose optimum is known, and an exact solver for small ones: the yardsticks
 * the packing bound is checked against (no OR-Library download needed).
 */
import { randInt, seedState, type RngHolder } from "../../shared/engine/rng";

export interface KnownInstance {
  capacity: number;
  sizes: number[];
  optimum: number;
}

function shuffle<T>(list: T[], rng: RngHolder): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = randInt(rng, 0, i);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/**
 * Falkenauer's triplets: each bin of capacity 1000 is filled exactly by three items, all bigger
 * than a quarter bin, so no bin holds four and OPT = n/3 (= the volume bound). Hard for FFD.
 */
export function triplets(bins: number, seed: number): KnownInstance {
  const rng = { rng: seedState(seed) };
  const sizes: number[] = [];
  for (let b = 0; b < bins; b++) {
    const a = randInt(rng, 380, 490);
    const c = randInt(rng, 251, Math.floor((1000 - a) / 2));
    sizes.push(a, c, 1000 - a - c);
  }
  return { capacity: 1000, sizes: shuffle(sizes, rng), optimum: bins };
}

/** Full bins cut at random points into 2–6 pieces: OPT = the number of bins (nothing is wasted). */
export function cutBins(bins: number, capacity: number, seed: number): KnownInstance {
  const rng = { rng: seedState(seed) };
  const sizes: number[] = [];
  for (let b = 0; b < bins; b++) {
    const pieces = randInt(rng, 2, 6);
    const cuts = new Set<number>();
    while (cuts.size < pieces - 1) cuts.add(randInt(rng, 1, capacity - 1));
    const points = [0, ...[...cuts].sort((x, y) => x - y), capacity];
    for (let i = 1; i < points.length; i++) sizes.push(points[i] - points[i - 1]);
  }
  return { capacity, sizes: shuffle(sizes, rng), optimum: bins };
}

/**
 * Johnson's worst case for FFD, scaled by k, in bins of 4m: an optimum of 9k bins
 * ({2m+1, m+1, m−2} ×6k and {m+2, m+2, m−2, m−2} ×3k) that FFD packs into exactly 11k
 * (m ≥ 11, so that five items of m−2 overflow a bin).
 */
export function johnson(k: number, m: number): KnownInstance & { ffd: number } {
  if (m < 11) throw new RangeError("johnson: m must be at least 11");
  const sizes = [
    ...Array<number>(6 * k).fill(2 * m + 1), ...Array<number>(6 * k).fill(m + 2),
    ...Array<number>(6 * k).fill(m + 1), ...Array<number>(12 * k).fill(m - 2),
  ];
  return { capacity: 4 * m, sizes, optimum: 9 * k, ffd: 11 * k };
}

/** The least number of bins, by branch and bound (items largest first; fine up to a dozen items). */
export function exactOptimum(sizes: readonly number[], capacity: number): number {
  const s = [...sizes].sort((a, b) => b - a);
  const rest = new Array<number>(s.length + 1).fill(0);
  for (let i = s.length - 1; i >= 0; i--) rest[i] = rest[i + 1] + s[i];
  let best = s.length;
  const loads: number[] = [];
  const go = (i: number, room: number): void => {
    if (i === s.length) {
      best = Math.min(best, loads.length);
      return;
    }
    const more = Math.max(0, Math.ceil((rest[i] - room) / capacity));
    if (loads.length + more >= best) return;
    const tried = new Set<number>();
    for (let b = 0; b < loads.length; b++) {
      if (loads[b] + s[i] > capacity || tried.has(loads[b])) continue;
      tried.add(loads[b]);
      loads[b] += s[i];
      go(i + 1, room - s[i]);
      loads[b] -= s[i];
    }
    loads.push(s[i]);
    go(i + 1, room + capacity - s[i]);
    loads.pop();
  };
  go(0, 0);
  return best;
}
