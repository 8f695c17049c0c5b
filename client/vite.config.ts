import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const BUDGET_KB = 600;

/** Prints the gzip size of all JavaScript shipped, against the 600 kB budget. */
function gzipReport(): Plugin {
  return {
    name: "spike-day-gzip-report",
    apply: "build",
    generateBundle(_options, bundle) {
      let bytes = 0;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === "chunk") bytes += gzipSync(chunk.code, { level: 9 }).length;
      }
      const kb = bytes / 1000;
      this.info(`JavaScript total: ${kb.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
      if (kb > BUDGET_KB) this.warn(`JavaScript is over the ${BUDGET_KB} kB gzip budget`);
    },
  };
}

/**
 * `vite build` makes what ships (client/dist); `vite build --mode test` makes the browser tests'
 * build (client/dist-test), the only one with the `window.__spikeday` test handles compiled in.
 */
export default defineConfig(({ mode }) => ({
  root: here,
  plugins: [gzipReport()],
  define: { __TEST_HOOKS__: JSON.stringify(mode === "test") },
  build: { outDir: mode === "test" ? "dist-test" : "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 2000 },
}));
