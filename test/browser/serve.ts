import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { startApp, type RunningApp } from "../../server/app";
import { launch } from "./browser";
import { CLIENT_DIST } from "./build";

/**
 * A real server on `port` serving the built client, and Chromium, for the test file that calls
 * this; both are closed after it.
 */
export function serveClient(port: number): { readonly base: string; readonly browser: Browser } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp({ port, staticDir: CLIENT_DIST });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    base: `http://localhost:${port}`,
    get browser() {
      if (!browser) throw new Error("the browser starts in beforeAll");
      return browser;
    },
  };
}
