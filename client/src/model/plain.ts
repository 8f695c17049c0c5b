/**
 * A synced row as the store keeps it: lists as arrays, maps as records keyed by string, every
 * level a plain value that nothing changes under the reader. Derived from the row types, so the
 * client's view types follow the synced shape instead of restating it.
 */
export type Plain<T> =
  T extends string | number | boolean | null | undefined ? T
    : T extends ReadonlyMap<string, infer V> ? Record<string, Plain<V>>
      : T extends { readonly length: number; readonly [index: number]: infer U } ? Plain<U>[]
        : { [K in keyof T]: Plain<T[K]> };

/**
 * The plain copy of a row: synced schema objects serialize themselves (toJSON), maps become
 * records, lists arrays. One function for the live room and for rows built from engine state (the
 * replay), so both reach the screens in the same shape.
 */
export function toPlain<T>(row: T): Plain<T> {
  return walk(row) as Plain<T>;
}

function walk(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  const json = (v as { toJSON?: () => unknown }).toJSON;
  if (typeof json === "function") return json.call(v);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), walk(x)]));
  if (Array.isArray(v)) return v.map(walk);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
}
