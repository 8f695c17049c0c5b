/**
 * Multi-resource (vector) bin packing onto servers of a few types, as the game needs it: every
 * item reserves CPU, memory and GPUs, a server of a type holds what fits in all three at once, and
 * two items with the same exclusive key (two processes wanting one port on one OS) never share.
 * Lower bounds and a first-fit-decreasing packing; integers only, stable order.
 */
import { ceilDiv, lowerBound, reducedCapacity } from "./binpack";

export const RESOURCES = ["cpu", "mem", "gpu"] as const;
export type Resource = (typeof RESOURCES)[number];
export type Vec = Record<Resource, number>;

export interface VectorItem {
  need: Vec;
  /** Items with the same non-null key cannot share a server. */
  key: string | null;
}

export interface BinType {
  cap: Vec;
  price: number;
}

export interface VectorBin {
  /** Index into the bin types. */
  type: number;
  load: Vec;
  /** Indices into the items, in the order they were placed. */
  items: number[];
}

export interface VectorBound {
  /**
   * Per resource: ⌈Σ need / largest capacity⌉, and Martello–Toth L2 on that resource alone with
   * the capacity reduced to the most a subset of the items can load it (see reducedCapacity).
   */
  l1: Vec;
  l2: Vec;
  /**
   * When only some types offer a resource (GPUs): at least l2 of those servers, and they hold less
   * of the other resources than the biggest type, so the rest must come from more servers.
   */
  special: number;
  /** Items sharing a key each need a server of their own. */
  exclusive: number;
  /** The best of the above: no packing of these items uses fewer servers. */
  bound: number;
}

const zero = (): Vec => ({ cpu: 0, mem: 0, gpu: 0 });
const PPM = 1_000_000;

/** The largest capacity of any type, per resource. */
export function largest(types: readonly BinType[]): Vec {
  const c = zero();
  for (const t of types) for (const r of RESOURCES) c[r] = Math.max(c[r], t.cap[r]);
  return c;
}

function fitsIn(need: Vec, load: Vec, cap: Vec): boolean {
  return need.cpu + load.cpu <= cap.cpu && need.mem + load.mem <= cap.mem && need.gpu + load.gpu <= cap.gpu;
}

export function vectorBound(items: readonly VectorItem[], types: readonly BinType[]): VectorBound {
  const big = largest(types);
  const demand = zero();
  for (const it of items) for (const r of RESOURCES) demand[r] += it.need[r];
  const l1 = zero();
  const l2 = zero();
  const sizes = {} as Record<Resource, number[]>;
  for (const r of RESOURCES) {
    sizes[r] = items.map((it) => it.need[r]).filter((x) => x > 0);
    if (demand[r] === 0) continue;
    if (big[r] === 0) throw new RangeError(`items need ${r} that no server type offers`);
    l1[r] = ceilDiv(demand[r], big[r]);
    l2[r] = lowerBound(sizes[r], big[r]);
  }
  // n_s servers able to give resource s load at most A_r of r each, any server at most B_r (both
  // reduced to what subsets of the items reach): n ≥ n_s + ⌈(D_r − n_s·A_r)⁺ / B_r⌉, which grows
  // with n_s (A_r ≤ B_r), so n_s = l2_s gives the least.
  let special = 0;
  for (const s of RESOURCES) {
    const able = types.filter((t) => t.cap[s] > 0);
    if (demand[s] === 0 || able.length === types.length) continue;
    const a = largest(able);
    for (const r of RESOURCES) {
      if (r === s || demand[r] === 0) continue;
      const ar = a[r] > 0 ? reducedCapacity(sizes[r], a[r]) : 0;
      special = Math.max(special, l2[s] + ceilDiv(Math.max(0, demand[r] - l2[s] * ar), reducedCapacity(sizes[r], big[r])));
    }
  }
  const perKey = new Map<string, number>();
  let exclusive = 0;
  for (const it of items) {
    if (it.key === null) continue;
    const n = (perKey.get(it.key) ?? 0) + 1;
    perKey.set(it.key, n);
    exclusive = Math.max(exclusive, n);
  }
  const bound = Math.max(special, exclusive, ...RESOURCES.map((r) => Math.max(l1[r], l2[r])));
  return { l1, l2, special, exclusive, bound };
}

/**
 * Size of a vector relative to the largest capacities, in parts per million: the largest share and
 * the sum, over the resources `only` has (all when null).
 */
function shares(v: Vec, big: Vec, only: Vec | null): { max: number; sum: number } {
  let max = 0;
  let sum = 0;
  for (const r of RESOURCES) {
    if (big[r] === 0 || (only && only[r] === 0)) continue;
    const s = Math.trunc((v[r] * PPM) / big[r]);
    max = Math.max(max, s);
    sum += s;
  }
  return { max, sum };
}

/**
 * First-fit decreasing for vectors: items by their largest share of a server (then by the sum of
 * shares, then input order), each into the first open server where it fits in every resource and
 * clashes with no key. A new server is of the biggest type the item fits on (most capacity in the
 * resources this item needs, so a web server does not open a GPU node; the cheaper on a tie). At the end each server is swapped for the
 * cheapest type that still holds its load, which changes no count.
 */
export function vectorFfd(items: readonly VectorItem[], types: readonly BinType[]): VectorBin[] {
  const big = largest(types);
  const keyOf = items.map((it) => shares(it.need, big, null));
  const order = items.map((_, i) => i);
  order.sort((a, b) => keyOf[b].max - keyOf[a].max || keyOf[b].sum - keyOf[a].sum || a - b);
  const bins: VectorBin[] = [];
  const keys: Set<string>[] = [];
  for (const i of order) {
    const it = items[i];
    let placed = false;
    for (let b = 0; b < bins.length && !placed; b++) {
      const bin = bins[b];
      if ((it.key !== null && keys[b].has(it.key)) || !fitsIn(it.need, bin.load, types[bin.type].cap)) continue;
      for (const r of RESOURCES) bin.load[r] += it.need[r];
      bin.items.push(i);
      if (it.key !== null) keys[b].add(it.key);
      placed = true;
    }
    if (placed) continue;
    let pick = -1;
    let pickSize = 0;
    for (let t = 0; t < types.length; t++) {
      if (!fitsIn(it.need, zero(), types[t].cap)) continue;
      const size = shares(types[t].cap, big, it.need).sum;
      if (pick < 0 || size > pickSize || (size === pickSize && types[t].price < types[pick].price)) {
        pick = t;
        pickSize = size;
      }
    }
    if (pick < 0) throw new RangeError(`item ${i} fits on no server type`);
    bins.push({ type: pick, load: { ...it.need }, items: [i] });
    keys.push(new Set(it.key === null ? [] : [it.key]));
  }
  for (const bin of bins) {
    for (let t = 0; t < types.length; t++) {
      if (types[t].price < types[bin.type].price && fitsIn(bin.load, zero(), types[t].cap)) bin.type = t;
    }
  }
  return bins;
}
