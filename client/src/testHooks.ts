/**
 * Handles the browser tests read through `window.__spikeday` (where the canvas drew a box, how many
 * instances it shows). Vite replaces `__TEST_HOOKS__` at build time: true only in the tests' build
 * (`npm run build:test`), so the production bundle carries none of this (a unit test checks it).
 */
declare const __TEST_HOOKS__: boolean;

export const TEST_HOOKS: boolean = typeof __TEST_HOOKS__ !== "undefined" && __TEST_HOOKS__;

type Hooks = Record<string, unknown>;

/** Adds `hooks` to the page's test handle. Call as `if (TEST_HOOKS) exposeForTests(…)` so production builds drop the call. */
export function exposeForTests(hooks: Hooks): void {
  if (!TEST_HOOKS) return;
  const w = window as unknown as { __spikeday?: Hooks };
  w.__spikeday = { ...(w.__spikeday ?? {}), ...hooks };
}

/** Removes handles whose objects are gone (a destroyed scene). */
export function withdrawFromTests(...keys: string[]): void {
  if (!TEST_HOOKS) return;
  const w = window as unknown as { __spikeday?: Hooks };
  for (const k of keys) delete w.__spikeday?.[k];
}
