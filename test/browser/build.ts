import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The built client the browser tests load (`npm test` builds it first). */
export const CLIENT_DIST = fileURLToPath(new URL("../../client/dist/", import.meta.url));

if (!existsSync(`${CLIENT_DIST}index.html`)) {
  throw new Error("client/dist is missing: run `npm run build` (npm test does it for you)");
}
