import type { LayerId } from "../engine/data";
import type { CachedLayer } from "../engine/types";

/** A host's image-layer cache on the wire: "debian@9,nginx@9" (it changes only when a pull starts). */
export function encodeCache(cache: readonly CachedLayer[]): string {
  return cache.map((c) => `${c.layer}@${c.at}`).join(",");
}

export function decodeCache(text: string): CachedLayer[] {
  if (!text) return [];
  return text.split(",").map((part) => {
    const at = part.lastIndexOf("@");
    return { layer: part.slice(0, at) as LayerId, at: Number(part.slice(at + 1)) };
  });
}
