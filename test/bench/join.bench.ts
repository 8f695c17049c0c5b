/**
 * Join-link-to-lobby benchmark (issue 11): a phone (390×844, touch, CPU throttled 4× through
 * Chromium's DevTools protocol) opens a join link on the production build, types a nickname and
 * joins; measured from the navigation's start to the lobby on screen, the student's typing left out
 * (the form is filled the moment it can be). Each run is a fresh browser context (nothing cached),
 * then once more with the cache warm. Also prints what the join page loaded before it worked.
 * Prints one JSON object. Goal: median and worst under 2,000 ms.
 *   npm run build && npm run bench:join [-- --runs 7 --network wifi --dist other/client/dist]
 *   (--network wifi: 20 Mb/s, 20 ms round trip, a busy school network; default: no network limit)
 */
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startApp } from "../../server/app";
import { launch } from "../browser/browser";
import { percentile } from "./stats";

const PORT = 2721;
const BASE = `http://localhost:${PORT}`;
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
/** `--dist DIR`: another build to measure (an older commit's, for a before/after). */
const DIST = arg("dist", fileURLToPath(new URL("../../client/dist/", import.meta.url))).replace(/\/?$/, "/");
const RUNS = Number(arg("runs", "7"));
const NETWORK = arg("network", "none");

/** What index.html makes the browser fetch before the page runs, gzip-compressed. */
function initialJsKb(): number {
  const html = readFileSync(`${DIST}index.html`, "utf8");
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  return files.reduce((s, f) => s + gzipSync(readFileSync(`${DIST}${f}`), { level: 9 }).length, 0) / 1000;
}

async function main(): Promise<void> {
  const app = await startApp({ port: PORT, staticDir: DIST });
  const browser = await launch();
  const cold: number[] = [];
  const formReady: number[] = [];
  let warm = 0;
  try {
    const res = await fetch(`${BASE}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const { code } = (await res.json()) as { code: string };
    const ctxOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: "en" };
    const once = async (ctx: Awaited<ReturnType<typeof browser.newContext>>, nickname: string) => {
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      if (NETWORK === "wifi") {
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: 2_500_000, uploadThroughput: 1_250_000 });
      }
      const t0 = Date.now();
      await page.goto(`${BASE}/join/${code}`, { waitUntil: "commit" });
      const nick = page.getByTestId("join-nickname");
      await nick.waitFor();
      const t1 = Date.now();
      await nick.fill(nickname);
      const typed = Date.now() - t1;
      await page.getByTestId("join-submit").click();
      await page.getByTestId("lobby-view").waitFor();
      const total = Date.now() - t0 - typed;
      await page.close();
      return { total, form: t1 - t0 };
    };
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext(ctxOptions);
      const r = await once(ctx, `bench${i}`);
      cold.push(r.total);
      formReady.push(r.form);
      if (i === RUNS - 1) warm = (await once(ctx, `warm${i}`)).total;
      await ctx.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
  console.log(JSON.stringify({
    bench: "join-to-lobby", profile: "390×844 phone, CPU 4× slower", network: NETWORK, runs: RUNS,
    initialJsKbGzip: Number(initialJsKb().toFixed(1)),
    joinFormMs: { median: percentile(formReady, 50), max: Math.max(...formReady) },
    joinToLobbyMs: { median: percentile(cold, 50), p90: percentile(cold, 90), max: Math.max(...cold), all: cold },
    warmCacheMs: warm,
    goalMs: 2000,
    ok: percentile(cold, 50) <= 2000 && Math.max(...cold) <= 2000,
  }, null, 2));
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
