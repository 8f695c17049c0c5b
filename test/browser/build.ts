import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The client build the browser tests and browser benchmarks load: the test build, the one with the
 * `window.__spikeday` handles (`npm test` builds it first).
 */
export const CLIENT_DIST = fileURLToPath(new URL("../../client/dist-test/", import.meta.url));

if (!existsSync(`${CLIENT_DIST}index.html`)) {
  throw new Error("client/dist-test is missing: run `npm run build:test` (npm test does it for you)");
}
