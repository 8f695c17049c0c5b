/**
 * What ships: the production build carries no test handles (`window.__spikeday` and what it
 * exposes), while the browser tests' build does; the join page's initial JavaScript (what
 * index.html names: the entry script and its modulepreloads) stays within 150 kB gzip, Phaser
 * outside it. Both builds are made here into temporary folders.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { build } from "vite";

const CONFIG = fileURLToPath(new URL("../../client/vite.config.ts", import.meta.url));
/** Names only test code uses: the handle itself and the hooks hung on it. */
const HOOK_NAMES = ["__spikeday", "boxRect", "canvasSize", "lastSeekMs", "replayTick", "lastDebriefMs", "lastWhatIfMs", "whatIfRuns"];

let dir = "";

async function bundleText(mode: "production" | "test"): Promise<string> {
  const outDir = join(dir, mode);
  await build({ configFile: CONFIG, mode, logLevel: "silent", build: { outDir, emptyOutDir: true } });
  const assets = join(outDir, "assets");
  return readdirSync(assets).filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(assets, f), "utf8")).join("\n");
}

/** The scripts index.html makes the browser fetch before the page runs: its module script and modulepreloads. */
function initialScripts(outDir: string): string[] {
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  return [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => join(outDir, m[1]));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "spikeday-bundle-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A production build takes a couple of seconds, longer on a busy machine.
describe("test hooks", { timeout: 120_000 }, () => {
  it("are compiled out of the production bundle", async () => {
    const js = await bundleText("production");
    expect(js.length).toBeGreaterThan(100_000);
    for (const name of HOOK_NAMES) expect(js.includes(name), `${name} in the production bundle`).toBe(false);
  });

  it("leave the join page's initial JavaScript under 150 kB gzip, without Phaser", async () => {
    await bundleText("production");
    const files = initialScripts(join(dir, "production"));
    expect(files.length).toBeGreaterThan(0);
    const texts = files.map((f) => readFileSync(f, "utf8"));
    const kb = texts.reduce((s, text) => s + gzipSync(text, { level: 9 }).length, 0) / 1000;
    expect(kb).toBeLessThanOrEqual(150);
    // Phaser announces itself in its source; none of it may be in what the join page loads first.
    for (const text of texts) expect(text.includes("Phaser v")).toBe(false);
  });

  it("are in the browser tests' build", async () => {
    const js = await bundleText("test");
    for (const name of HOOK_NAMES) expect(js.includes(name), `${name} in the test build`).toBe(true);
  });
});
