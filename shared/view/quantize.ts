/**
 * Per-tick figures that are synced coarser than the engine keeps them: finer detail would change
 * on almost every tick, costing bandwidth for nothing a player can see. One place for the steps,
 * so the live view and the replay show the same numbers.
 */

/** Instance load is sent in steps of this many percent. */
export const LOAD_STEP_PCT = 5;
/** Server busy CPU is sent in steps of this many millicores. */
export const BUSY_CPU_STEP = 250;

/** Share of an instance's CPU doing work, in percent, rounded to LOAD_STEP_PCT. */
export function quantizeLoad(usedCpu: number, cpu: number): number {
  if (cpu <= 0) return 0;
  const steps = 100 / LOAD_STEP_PCT;
  return Math.min(100, Math.round((usedCpu * steps) / cpu) * LOAD_STEP_PCT);
}

export function quantizeBusyCpu(busyCpu: number): number {
  return Math.round(busyCpu / BUSY_CPU_STEP) * BUSY_CPU_STEP;
}
