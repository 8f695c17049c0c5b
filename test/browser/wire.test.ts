/**
 * What a student's phone downloads, measured on the wire in Chromium (issue 20, finding 6): the
 * production build, served as `npm start` serves it, to a fresh phone that opens the join link
 * (≤ 150 kB), then joins, plays a round and reads the debrief (≤ 600 kB in all). Every text
 * response (HTML, JavaScript, CSS, JSON, SVG) comes compressed, brotli first; hashed assets are
 * cached for good, the page itself revalidated; a browser that asks only for gzip gets gzip.
 */
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApp, type RunningApp } from "../../server/app";
import { Cast, expectOk, hostSession, serverRoom, startRound, waitFor, type Player } from "../integration/harness";
import { connectShared, phone, shot } from "./browser";
import { WireMeter } from "./wire";
import type { Browser } from "playwright-core";

let BASE = "";
/** What ships (`npm run build`; the browser project's globalSetup makes it from the current sources). */
const DIST = fileURLToPath(new URL("../../client/dist/", import.meta.url));
const JOIN_PAGE_KB = 150;
const WHOLE_GAME_KB = 600;

let app: RunningApp;
let browser: Browser;
const cast = new Cast();

beforeAll(async () => {
  if (!existsSync(`${DIST}index.html`)) throw new Error("client/dist is missing: the browser project's globalSetup builds it");
  app = await startApp({ port: 0, staticDir: DIST });
  BASE = `http://localhost:${app.port}`;
  browser = await connectShared(inject("chromiumEndpoint"));
});

afterAll(async () => {
  await cast.closeAll();
  await browser?.close();
  await app?.close();
});

describe("bytes on the wire", () => {
  it("the join page ≤ 150 kB and the whole game ≤ 600 kB, every text response compressed", async () => {
    const { code, host } = await hostSession(BASE, cast);
    expectOk(await host.host({ type: "configure", tickRate: 4 }));
    const { page } = await phone(browser, "en");
    const meter = await WireMeter.attach(page);

    await page.goto(`${BASE}/join/${code}`);
    await page.getByTestId("join-nickname").waitFor();
    await page.waitForLoadState("networkidle");
    const joinKb = meter.kb;
    console.log(`join page: ${joinKb.toFixed(1)} kB in ${meter.responses.length} responses\n${meter.report()}`);
    expect(joinKb, meter.report()).toBeLessThanOrEqual(JOIN_PAGE_KB);

    await page.getByTestId("join-nickname").fill("Ann");
    await page.getByTestId("join-submit").click();
    await page.getByTestId("pick-team-0").tap();
    await waitFor(() => [...host.state.seats.values()].some((s) => s.nickname === "Ann" && s.team === 0));
    await startRound(host as Player);
    await page.getByTestId("play-view").waitFor();
    await page.getByTestId("datacenter-canvas").waitFor();
    expectOk(await host.host({ type: "endRound" }));
    await waitFor(() => serverRoom(code).session.phase === "over");
    await page.getByTestId("debrief-view").waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    await shot(page, "wire-debrief-phone");
    console.log(`whole game: ${meter.kb.toFixed(1)} kB in ${meter.responses.length} responses\n${meter.report()}`);
    expect(meter.kb, meter.report()).toBeLessThanOrEqual(WHOLE_GAME_KB);
    expect(meter.uncompressed()).toEqual([]);
    // Brotli where the browser takes it (Chromium does), for every asset worth compressing.
    const assets = meter.responses.filter((r) => r.url.includes("/assets/") && statSync(`${DIST}${new URL(r.url).pathname.slice(1)}`).size > 1000);
    expect(assets.length).toBeGreaterThan(20);
    expect(assets.filter((r) => r.encoding !== "br").map((r) => r.url)).toEqual([]);
  });

  it("hashed assets are immutable, the page revalidates, and gzip is served to who asks only for gzip", async () => {
    const html = await fetch(`${BASE}/join/ABCDEF`, { headers: { "accept-encoding": "gzip" } });
    expect(html.headers.get("content-encoding")).toBe("gzip");
    expect(html.headers.get("cache-control")).toMatch(/no-cache/);
    expect(html.headers.get("vary")).toMatch(/accept-encoding/i);
    const text = await html.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(text)![1];
    const br = await fetch(`${BASE}${asset}`, { headers: { "accept-encoding": "br, gzip" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("content-type")).toMatch(/javascript/);
    expect(br.headers.get("cache-control")).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
    // Made once by the build, not per request: what is sent is the .br file beside the asset, byte for byte.
    expect(Number(br.headers.get("content-length"))).toBe(statSync(`${DIST}${asset.slice(1)}.br`).size);
    const plain = await fetch(`${BASE}${asset}`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect((await plain.text()).length).toBeGreaterThan(1000);
  });
});
