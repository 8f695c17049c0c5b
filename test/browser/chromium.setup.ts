/**
 * The browser project's globalSetup. One Chromium for every browser test file: starting
 * it costs seconds on a busy machine, once per run instead of once per file. Each file connects to
 * it and makes its own contexts (own cookies, storage and pages), so files stay isolated.
 */
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { ensureBuild } from "../setup/builds";
import { ARGS, CHROMIUM } from "./browser";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket endpoint (playwright's launchServer). */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The pages the tests open are the test build's (client/dist-test), and wire.test.ts measures what
  // ships (client/dist): both made here if their sources changed.
  await ensureBuild("test");
  await ensureBuild("production");
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: ARGS });
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return () => server.close();
}
