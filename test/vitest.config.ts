import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Four suites: unit (the engine, in-process), client (the browser client's logic, in Node),
 * integration (a real server and real clients), browser (Debian Chromium through playwright-core).
 * Benchmarks live apart, in test/bench.
 */
export default defineConfig({
  root,
  test: {
    projects: [
      // Property tests and whole bot matches take seconds; on a loaded machine many more.
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 60_000 } },
      // The client builds are made once, before the files run, and only when their sources changed.
      { extends: true, test: { name: "client", include: ["test/client/**/*.test.ts"], globalSetup: ["test/setup/client.setup.ts"] } },
      { extends: true, test: { name: "integration", include: ["test/integration/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 } },
      {
        extends: true,
        test: {
          name: "browser", include: ["test/browser/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false,
          // One Chromium for all the files (each makes its own contexts), and the test build made once.
          globalSetup: ["test/browser/chromium.setup.ts"],
          // expect.poll gives up after 1 s by default: on a busy 2-core machine a patch can take longer
          // to reach a page. Polls still finish the moment their condition holds.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
