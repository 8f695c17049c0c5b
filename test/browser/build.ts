import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The client build the browser tests and browser benchmarks load: the test build, the one with the
 * `window.__spikeday` handles. The browser tests' globalSetup builds it when its sources changed
 * (test/setup/builds.ts); a benchmark run alone needs `npm run build:test` first.
 */
export const CLIENT_DIST = fileURLToPath(new URL("../../client/dist-test/", import.meta.url));

if (!existsSync(`${CLIENT_DIST}index.html`)) {
  throw new Error("client/dist-test is missing: run `npm run build:test` (the browser tests build it themselves)");
}
