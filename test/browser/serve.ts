import { afterAll, beforeAll, inject } from "vitest";
import type { Browser } from "playwright-core";
import { startApp, type RunningApp } from "../../server/app";
import { connectShared } from "./browser";
import { CLIENT_DIST } from "./build";

/**
 * A real server on a free port serving the built client, and a connection to the run's shared
 * Chromium, for the test file that calls this; both are closed after it (the contexts the file
 * made go with the connection).
 */
export function serveClient(): { readonly base: string; readonly browser: Browser } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp({ port: 0, staticDir: CLIENT_DIST });
    browser = await connectShared(inject("chromiumEndpoint"));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get base() {
      if (!app) throw new Error("the server starts in beforeAll");
      return `http://localhost:${app.port}`;
    },
    get browser() {
      if (!browser) throw new Error("the browser starts in beforeAll");
      return browser;
    },
  };
}
