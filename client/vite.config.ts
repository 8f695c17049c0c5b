import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import { compression } from "vite-plugin-compression2";

const here = fileURLToPath(new URL(".", import.meta.url));
const BUDGET_KB = 600;
/** What the join page may load before it works: the entry and what it imports statically. */
const INITIAL_BUDGET_KB = 150;

/**
 * Prints the gzip size of all JavaScript shipped (600 kB budget) and of the join page's initial
 * JavaScript, the entry chunk and its static imports (150 kB budget; test/client/bundle.test.ts holds it).
 */
function gzipReport(): Plugin {
  return {
    name: "spike-day-gzip-report",
    apply: "build",
    generateBundle(_options, bundle) {
      let bytes = 0;
      const size = new Map<string, number>();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        const n = gzipSync(chunk.code, { level: 9 }).length;
        size.set(chunk.fileName, n);
        bytes += n;
      }
      const initial = new Set<string>();
      const visit = (name: string) => {
        if (initial.has(name)) return;
        initial.add(name);
        const c = bundle[name];
        if (c?.type === "chunk") c.imports.forEach(visit);
      };
      for (const c of Object.values(bundle)) if (c.type === "chunk" && c.isEntry) visit(c.fileName);
      const first = [...initial].reduce((s, n) => s + (size.get(n) ?? 0), 0) / 1000;
      const kb = bytes / 1000;
      this.info(`JavaScript total: ${kb.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB); join page initial: ${first.toFixed(1)} kB gzip (budget ${INITIAL_BUDGET_KB} kB)`);
      if (kb > BUDGET_KB) this.warn(`JavaScript is over the ${BUDGET_KB} kB gzip budget`);
      if (first > INITIAL_BUDGET_KB) this.warn(`The join page's initial JavaScript is over the ${INITIAL_BUDGET_KB} kB gzip budget`);
    },
  };
}

/**
 * `vite build` makes what ships (client/dist); `vite build --mode test` makes the browser tests'
 * build (client/dist-test), the only one with the `window.__spikeday` test handles compiled in.
 */
export default defineConfig(({ mode }) => ({
  root: here,
  // Every text file also as .br (quality 11) and .gz (level 9), made once here: the server sends
  // what the browser accepts (server/http/static.ts) and never compresses a static file per request.
  plugins: [gzipReport(), compression({ algorithms: ["brotliCompress", "gzip"], include: /\.(html|js|mjs|css|json|svg|txt)$/, threshold: 512, logLevel: "silent" })],
  define: { __TEST_HOOKS__: JSON.stringify(mode === "test") },
  build: {
    outDir: mode === "test" ? "dist-test" : "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 2000,
    // Named chunks for the big libraries (a file list a person can read); both load only when a screen needs them.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: "phaser", test: /node_modules[\\/]phaser/ }, { name: "colyseus", test: /node_modules[\\/](colyseus\.js|@colyseus)/ }] } } },
  },
}));
