/**
 * Replays in Chromium: a bot-played match from the live server re-simulated in the browser ends on
 * the server's final hash; seeking, team views, share links; and each bad log gets a clear error.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startApp, type RunningApp } from "../../server/app";
import { openSqlite } from "../../server/store/open";
import type { Store } from "../../server/store/Store";
import { verifyLog } from "../../shared/log/verify";
import type { MatchLogFile } from "../../shared/log/format";
import { Cast, expectOk, hostSession, startRound, waitFor } from "../integration/harness";
import { expectAccessible } from "./axe";
import { connectShared, desktop, device, shot } from "./browser";
import { CLIENT_DIST } from "./build";
import { sidewaysOverflow, smallTargets } from "./steps";

let BASE = "";
let app: RunningApp;
let browser: Browser;
let store: Store;
let dir: string;
const cast = new Cast();
let code = "";
let secret = "";
let roundId = "";
let log: MatchLogFile;

beforeAll(async () => {
  dir = mkdtempSync(joinPath(tmpdir(), "spikeday-replay-"));
  store = openSqlite(dir);
  app = await startApp({ port: 0, staticDir: CLIENT_DIST, services: { store } });
  BASE = `http://localhost:${app.port}`;
  browser = await connectShared(inject("chromiumEndpoint"));
  const s = await hostSession(BASE, cast);
  code = s.code;
  secret = s.hostSecret;
  const bots = ["containers-autoscale", "vm-preprovision", "bare-metal", "hybrid-isolate-payment"] as const;
  for (let team = 0; team < 4; team++) expectOk(await s.host.host({ type: "setBot", team, bot: bots[team] }));
  expectOk(await s.host.host({ type: "configure", tickRate: 4 }));
  await startRound(s.host);
  await waitFor(() => s.host.state.tick >= 70, 40_000);
  expectOk(await s.host.host({ type: "endRound" }));
  await waitFor(() => s.host.state.phase === "over");
  roundId = (await store.rounds(code))[0].id;
  log = (await store.exportLog(roundId))!;
}, 90_000);

afterAll(async () => {
  await cast.closeAll();
  await browser?.close();
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function teacherPage(): Promise<Page> {
  const { ctx, page } = await desktop(browser, "en");
  await ctx.addInitScript(([c, s]) => localStorage.setItem(`spikeday.host.${c}`, JSON.stringify(s)), [code, secret]);
  return page;
}

async function upload(page: Page, name: string, text: string | Buffer): Promise<string> {
  await page.goto(`${BASE}/replay`);
  await page.getByTestId("replay-file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
  await page.getByTestId("replay-message").or(page.getByTestId("replay-verdict")).first().waitFor({ state: "attached" });
  return (await page.getByTestId("replay-message").or(page.getByTestId("replay-verdict")).first().textContent()) ?? "";
}

describe("replays in the browser", () => {
  for (const lang of ["en", "zh-CN"] as const) {
    it(`puts the match first for a class, ends on the end state and copies its link (${lang})`, async () => {
      const { ctx, page } = await device(browser, "laptop", lang);
      await ctx.addInitScript(([c, s]) => localStorage.setItem(`spikeday.host.${c}`, JSON.stringify(s)), [code, secret]);
      await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
      await page.goto(`${BASE}/replay/${roundId}?session=${code}`);
      await page.getByTestId("leaderboard").waitFor();
      // The match is on screen at 1366×768 and as wide as the page; hashes and timings are folded away.
      const main = (await page.getByTestId("replay-main").boundingBox())!;
      expect(main.y).toBeLessThan(768);
      expect(main.width).toBeGreaterThan(1366 * 0.9);
      expect(await page.getByTestId("replay-hash").isVisible()).toBe(false);
      expect(await page.getByTestId("replay-slider").getAttribute("aria-label")).toBeTruthy();
      await expectAccessible(page, `replay-${lang}`);
      await shot(page, `replay-class-${lang}`);

      // Played to the end: the end state stays, and the button offers to play it again.
      await page.getByTestId("replay-speed").selectOption("32");
      await page.getByTestId("replay-slider").fill(String(log.final!.tick - 3));
      await page.getByTestId("replay-play").click();
      await page.getByTestId("replay-end").waitFor();
      expect(await page.getByTestId("replay-play").textContent()).toMatch(lang === "en" ? /Play again/ : /重新播放/);
      expect(await page.getByTestId("replay-slider").inputValue()).toBe(String(log.final!.tick));
      await shot(page, `replay-end-${lang}`);

      // The link copies in one press.
      await page.getByTestId("copy-link").click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
      await ctx.close();
    });
  }

  it("re-simulates the live match to the server's final hash, and seeks anywhere", async () => {
    const page = await teacherPage();
    await page.goto(`${BASE}/sessions`);
    await page.getByTestId(`session-${code}`).waitFor();
    expect(await page.getByTestId("round-row-1").textContent()).toMatch(/Exam-result morning/);
    await shot(page, "sessions", true);
    await page.getByTestId("round-replay-1").click();
    // A verified log says so in the folded technical details (a diverging one says so up top).
    await page.getByTestId("replay-verdict").waitFor({ state: "attached" });
    expect(await page.getByTestId("replay-verdict").textContent()).toMatch(/all \d+ state hashes match/);
    expect(await page.getByTestId("replay-hash").textContent()).toBe(log.final!.hash);
    expect(log.final!.hash).toBe(verifyLog(log).finalHash);
    expect(await page.getByTestId("marker-decision").count()).toBeGreaterThan(3);

    // Seek to the end and back: the clock and the leaderboard follow.
    await page.getByTestId("replay-slider").fill(String(log.final!.tick));
    await expect.poll(() => page.getByTestId("replay-clock").textContent()).toBe("07:10");
    await page.getByTestId("leaderboard").waitFor();
    await shot(page, "replay-projector", true);
    await page.getByTestId("replay-slider").fill("30");
    await expect.poll(() => page.getByTestId("replay-clock").textContent()).toBe("06:30");
    await page.getByTestId("replay-view-select").selectOption("1");
    await page.getByTestId("replay-canvas").waitFor();
    // The team's racks are drawn, not collapsed to nothing under the controls.
    expect((await page.getByTestId("replay-canvas").boundingBox())!.height).toBeGreaterThan(300);
    await expect.poll(() => page.getByTestId("replay-team-panel").textContent()).toMatch(/Bravo/);
    await page.getByTestId("replay-play").click();
    await expect.poll(() => page.getByTestId("replay-clock").textContent(), { timeout: 10_000 }).not.toBe("06:30");
    await page.getByTestId("replay-play").click();
    await shot(page, "replay-team", true);
  });

  it("catches an edited log at the tick it stops matching, as Node does", async () => {
    const edited = structuredClone(log);
    const i = edited.entries.findIndex((e) => e.type === "command" && e.command.type === "buyServer");
    expect(i).toBeGreaterThan(-1);
    const e = edited.entries[i] as Extract<MatchLogFile["entries"][number], { type: "command" }>;
    (e.command as { model: string }).model = (e.command as { model: string }).model === "large" ? "small" : "large";
    const node = verifyLog(edited).replayer.divergence!;
    expect(node).not.toBeNull();
    expect(node.tick).toBeGreaterThanOrEqual(e.tick);
    expect(node.tick).toBeLessThanOrEqual(60);
    const page = await teacherPage();
    const verdict = await upload(page, "edited.json", JSON.stringify(edited));
    expect(verdict).toContain(`diverges at minute ${node.tick} `);
    expect(verdict).toContain(`last matching checkpoint is minute ${node.since}`);
    await shot(page, "replay-diverged");
  });

  it("does not call a log checked when nothing in it can disagree: stripped checkpoints, edited results (issue 12, finding 6)", async () => {
    const page = await teacherPage();
    const richer = structuredClone(log);
    richer.final!.results[0].score += 10_000_000;
    expect(await upload(page, "richer.json", JSON.stringify(richer))).toMatch(/Not proven: its results were edited \(Alpha score: the log says \d+, the replay gives \d+\)/);
    const stripped = structuredClone(log);
    stripped.entries = stripped.entries.filter((e) => e.type !== "hash");
    expect(await upload(page, "stripped.json", JSON.stringify(stripped))).toMatch(/Not proven: \d+ state checkpoints were removed \(the first at minute 60\)/);
    const beyond = structuredClone(log);
    beyond.final = { ...beyond.final!, tick: 999, hash: "0123456789abcdef" };
    expect(await upload(page, "beyond.json", JSON.stringify(beyond))).toMatch(/Not proven: its final hash is at minute 999/);
  });

  it("explains each unreadable upload: too large, cut off, another format version, wrong shape, another engine", async () => {
    const page = await teacherPage();
    const big = joinPath(dir, "big.json");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 32));
    await page.goto(`${BASE}/replay`);
    await page.getByTestId("replay-file").setInputFiles(big);
    await expect.poll(() => page.getByTestId("replay-message").textContent()).toMatch(/too large \(the limit is 10 MB\)/);
    expect(await upload(page, "cut.json", JSON.stringify(log).slice(0, 4000))).toMatch(/not readable JSON/);
    expect(await upload(page, "v9.json", JSON.stringify({ ...log, header: { ...log.header, format: 9 } }))).toMatch(/format version 9; .* reads version 1/);
    expect(await upload(page, "shape.json", JSON.stringify({ hello: "world" }))).toMatch(/not a Spike Day match log \(at header\)/);
    expect(await upload(page, "old.json", JSON.stringify({ ...log, header: { ...log.header, engineVersion: "1.0.0" } })))
      .toMatch(/Recorded with engine 1\.0\.0; this build is engine \d+\.\d+\.\d+\. .*cannot be shown here/);
  });

  it("opens through a share link without the secret, and not without it", async () => {
    const made = await fetch(`${BASE}/api/rounds/${roundId}/shares`, { method: "POST", headers: { "x-host-secret": secret } });
    const { id } = await made.json() as { id: string };
    const { page } = await desktop(browser, "zh-CN");
    await page.goto(`${BASE}/replay/${roundId}?share=${id}`);
    await page.getByTestId("replay-verdict").waitFor({ state: "attached" });
    expect(await page.getByTestId("replay-verdict").textContent()).toMatch(/状态哈希都与日志一致/);
    await shot(page, "replay-shared-zh");
    await page.goto(`${BASE}/replay/${roundId}`);
    await expect.poll(() => page.getByTestId("replay-message").textContent()).toMatch(/无权打开/);
  });

  for (const lang of ["en", "zh-CN"] as const) {
    it(`opens a share link on a student's phone: the match first, nothing sideways, 44 px targets, axe (${lang})`, async () => {
      const made = await fetch(`${BASE}/api/rounds/${roundId}/shares`, { method: "POST", headers: { "x-host-secret": secret } });
      const { id } = await made.json() as { id: string };
      const { ctx, page } = await device(browser, "phone", lang);
      await page.goto(`${BASE}/replay/${roundId}?share=${id}`);
      await page.getByTestId("leaderboard").waitFor();
      await page.getByTestId("replay-verdict").waitFor({ state: "attached" });
      // The match starts on the first screen; the technical details are folded below it.
      expect((await page.getByTestId("replay-main").boundingBox())!.y).toBeLessThan(844);
      expect(await page.getByTestId("replay-hash").isVisible()).toBe(false);
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(await smallTargets(page)).toEqual([]);
      await expectAccessible(page, `replay-phone-${lang}`);
      await shot(page, `replay-phone-${lang}`);
      await shot(page, `replay-phone-${lang}-full`, true);
      await ctx.close();
    });
  }
});
