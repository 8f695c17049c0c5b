/**
 * One-dimensional bin packing: the L1 and Martello–Toth L2 lower bounds and first-fit decreasing.
 * Integers only (sizes and capacity are safe integers), no floating-point division, stable order:
 * the same input gives the same bins on every machine.
 */

/** ⌈a / b⌉ for non-negative integers, exactly: (a − a mod b) is a multiple of b, so the division is exact. */
export function ceilDiv(a: number, b: number): number {
  const r = a % b;
  return (a - r) / b + (r > 0 ? 1 : 0);
}

function check(sizes: readonly number[], capacity: number): void {
  if (!Number.isSafeInteger(capacity) || capacity <= 0) throw new RangeError(`bin capacity must be a positive integer, got ${capacity}`);
  for (let i = 0; i < sizes.length; i++) {
    const s = sizes[i];
    if (!Number.isSafeInteger(s) || s <= 0 || s > capacity) {
      throw new RangeError(`item ${i} has size ${s}: sizes must be integers from 1 to the capacity ${capacity}`);
    }
  }
}

/** L1 = ⌈Σ size / capacity⌉: the bins the total volume needs. */
export function lowerBoundL1(sizes: readonly number[], capacity: number): number {
  check(sizes, capacity);
  let sum = 0;
  for (const s of sizes) sum += s;
  return ceilDiv(sum, capacity);
}

/** First index in the ascending array whose value is ≥ x (or > x when `strict`). */
function search(sorted: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? sorted[mid] <= x : sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Martello–Toth L2 (1990). For a threshold K ≤ C/2: items bigger than C − K (J1) and items in
 * (C/2, C − K] (J2) each need a bin of their own; items in [K, C/2] (J3) can only go into the room
 * the J2 bins leave, or into new bins. L2 = max over K of
 *   |J1| + |J2| + max(0, ⌈(Σ J3 − (|J2|·C − Σ J2)) / C⌉),
 * where only K = 0 and the item sizes ≤ C/2 need trying. Always ≥ L1 (K = 0) and ≤ the optimum.
 * O(n log n): one sort, then binary searches on prefix sums.
 */
export function lowerBoundL2(sizes: readonly number[], capacity: number): number {
  check(sizes, capacity);
  const n = sizes.length;
  if (n === 0) return 0;
  const sorted = Float64Array.from(sizes).sort();
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + sorted[i];
  const sum = (from: number, to: number) => prefix[to] - prefix[from];
  // Items with 2s ≤ C are [0, half); items with 2s > C are [half, n).
  const half = search(sorted, Math.floor(capacity / 2), true);
  let best = 0;
  let prevK = -1;
  for (let i = -1; i < half; i++) {
    const k = i < 0 ? 0 : sorted[i];
    if (k === prevK) continue;
    prevK = k;
    const j1From = search(sorted, capacity - k, true);
    const j2 = Math.max(0, j1From - half);
    const j1 = n - Math.max(j1From, half);
    const j3From = search(sorted, k, false);
    const j3Sum = j3From < half ? sum(j3From, half) : 0;
    const room = j2 * capacity - sum(half, half + j2);
    const extra = j3Sum > room ? ceilDiv(j3Sum - room, capacity) : 0;
    best = Math.max(best, j1 + j2 + extra);
  }
  return best;
}

function gcd(a: number, b: number): number {
  while (b > 0) [a, b] = [b, a % b];
  return a;
}

/** Bitset words we are willing to touch finding a reduced capacity (about 10 ms at worst). */
const SUBSET_SUM_BUDGET = 1 << 24;

/**
 * The largest load some subset of the items reaches without exceeding the capacity (items bigger
 * than the capacity take no part). No bin of any
 * packing holds more, so the bounds stay valid on it and often get stronger: 2-core containers on
 * a host with 7.65 cores of room never load it beyond 6. A subset-sum over a bitset in units of
 * the sizes' common divisor; when that would be too much work, the capacity rounded down to a
 * multiple of the divisor.
 */
export function reducedCapacity(sizes: readonly number[], capacity: number): number {
  check(sizes.filter((s) => s <= capacity), capacity);
  let g = 0;
  for (const s of sizes) if (s <= capacity) g = gcd(s, g);
  if (g === 0) return capacity;
  const top = Math.floor(capacity / g);
  const counts = new Map<number, number>();
  for (const s of sizes) if (s <= capacity) counts.set(s / g, (counts.get(s / g) ?? 0) + 1);
  const words = (top >>> 5) + 1;
  let copies = 0;
  for (const [u, k] of counts) copies += Math.min(k, Math.floor(top / u));
  if (copies * words > SUBSET_SUM_BUDGET) return top * g;
  const reach = new Uint32Array(words);
  reach[0] = 1;
  const reached = () => (reach[top >>> 5] >>> (top & 31)) & 1;
  for (const [u, k] of [...counts].sort((a, b) => b[0] - a[0])) {
    const ws = u >>> 5;
    const bs = u & 31;
    for (let c = Math.min(k, Math.floor(top / u)); c > 0 && !reached(); c--) {
      // reach |= reach << u, from the top word down so each copy is used once.
      for (let i = words - 1; i >= ws; i--) {
        let v = reach[i - ws] << bs;
        if (bs > 0 && i - ws - 1 >= 0) v |= reach[i - ws - 1] >>> (32 - bs);
        reach[i] |= v;
      }
    }
  }
  for (let b = top; b >= 0; b--) if ((reach[b >>> 5] >>> (b & 31)) & 1) return b * g;
  return 0;
}

/**
 * The best bound here: Martello–Toth L2 on the reduced capacity (and on the full one, whichever
 * is higher; every bin of a packing fits both). Never above the optimum.
 */
export function lowerBound(sizes: readonly number[], capacity: number): number {
  const full = lowerBoundL2(sizes, capacity);
  const reduced = reducedCapacity(sizes, capacity);
  // An item alone is a subset, so every item fits the reduced capacity.
  return reduced < capacity && sizes.length > 0 ? Math.max(full, lowerBoundL2(sizes, reduced)) : full;
}

export interface Packing {
  /** Bins used. */
  bins: number;
  /** The bin of each item, by the item's index in the input. */
  binOf: number[];
  /** The load of each bin. */
  loads: number[];
}

/**
 * Item indices by size, largest first; equal sizes keep their input order, so the packing does not
 * depend on the sort implementation.
 */
export function decreasingOrder(sizes: readonly number[]): number[] {
  const n = sizes.length;
  let max = 0;
  for (const s of sizes) max = Math.max(max, s);
  // Fast path: one exact integer key per item, (max − size)·n + index, sorted as numbers.
  if ((max + 1) * n < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (max - sizes[i]) * n + i;
    keys.sort();
    return Array.from(keys, (k) => k % n);
  }
  const order = Array.from(sizes, (_, i) => i);
  order.sort((a, b) => sizes[b] - sizes[a] || a - b);
  return order;
}

/**
 * First-fit decreasing: items largest first, each into the lowest-numbered bin with room.
 * A max-tree over bin residuals finds that bin in O(log n) (unopened bins have the full capacity,
 * so the leftmost fitting leaf is either an open bin or the next new one): O(n log n) overall.
 * Johnson's and Dósa's bound: FFD ≤ 11/9·OPT + 6/9.
 */
export function firstFitDecreasing(sizes: readonly number[], capacity: number): Packing {
  check(sizes, capacity);
  const n = sizes.length;
  let leaves = 1;
  while (leaves < Math.max(1, n)) leaves *= 2;
  const tree = new Float64Array(2 * leaves).fill(capacity);
  const binOf = new Array<number>(n).fill(-1);
  let bins = 0;
  for (const item of decreasingOrder(sizes)) {
    const s = sizes[item];
    let node = 1;
    while (node < leaves) node = tree[2 * node] >= s ? 2 * node : 2 * node + 1;
    const bin = node - leaves;
    tree[node] -= s;
    for (node >>= 1; node >= 1; node >>= 1) tree[node] = Math.max(tree[2 * node], tree[2 * node + 1]);
    binOf[item] = bin;
    if (bin + 1 > bins) bins = bin + 1;
  }
  const loads = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) loads[binOf[i]] += sizes[i];
  return { bins, binOf, loads };
}
