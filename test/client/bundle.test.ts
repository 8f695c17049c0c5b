/**
 * What ships: the production build carries no test handles (`window.__spikeday` and what it
 * exposes), while the browser tests' build does; the join page's initial JavaScript (what
 * index.html names: the entry script and its modulepreloads) stays within 150 kB gzip, Phaser
 * outside it. The builds checked are the ones the suites use, made once by the client project's
 * globalSetup (test/setup/builds.ts) from the current sources.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { buildDir, sourcesStamp, type BuildMode } from "../setup/builds";

/** Names only test code uses: the handle itself and the hooks hung on it. */
const HOOK_NAMES = ["__spikeday", "boxRect", "canvasSize", "lastSeekMs", "replayTick", "lastDebriefMs", "lastWhatIfMs", "whatIfRuns"];

function bundleText(mode: BuildMode): string {
  const assets = join(buildDir(mode), "assets");
  return readdirSync(assets).filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(assets, f), "utf8")).join("\n");
}

/** The scripts index.html makes the browser fetch before the page runs: its module script and modulepreloads. */
function initialScripts(outDir: string): string[] {
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  return [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => join(outDir, m[1]));
}

describe("test hooks", () => {
  it("are checked on builds of the sources as they are now", () => {
    const stamp = sourcesStamp();
    for (const mode of ["production", "test"] as const) expect(readFileSync(join(buildDir(mode), ".sources"), "utf8"), mode).toBe(stamp);
  });

  it("are compiled out of the production bundle", () => {
    const js = bundleText("production");
    expect(js.length).toBeGreaterThan(100_000);
    for (const name of HOOK_NAMES) expect(js.includes(name), `${name} in the production bundle`).toBe(false);
  });

  it("leave the join page's initial JavaScript under 150 kB gzip, without Phaser", () => {
    const files = initialScripts(buildDir("production"));
    expect(files.length).toBeGreaterThan(0);
    const texts = files.map((f) => readFileSync(f, "utf8"));
    const kb = texts.reduce((s, text) => s + gzipSync(text, { level: 9 }).length, 0) / 1000;
    expect(kb).toBeLessThanOrEqual(150);
    // Phaser announces itself in its source; none of it may be in what the join page loads first.
    for (const text of texts) expect(text.includes("Phaser v")).toBe(false);
  });

  it("are in the browser tests' build", () => {
    const js = bundleText("test");
    for (const name of HOOK_NAMES) expect(js.includes(name), `${name} in the test build`).toBe(true);
  });
});
