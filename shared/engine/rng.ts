/**
 * mulberry32: a 32-bit PRNG whose whole state is one integer, so it lives in match state
 * and a replay reproduces every draw.
 */
export function nextRandom(state: number): { state: number; value: number } {
  const s = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(s ^ (s >>> 15), 1 | s);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return { state: s, value: (t ^ (t >>> 14)) >>> 0 };
}

/** A holder for PRNG state so callers can draw several numbers in a row. */
export interface RngHolder {
  rng: number;
}

/** Uniform integer in [min, max], inclusive. */
export function randInt(holder: RngHolder, min: number, max: number): number {
  const r = nextRandom(holder.rng);
  holder.rng = r.state;
  return min + (r.value % (max - min + 1));
}

/** Seed scrambling so that nearby seeds give unrelated streams. */
export function seedState(seed: number): number {
  let h = (seed | 0) ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
