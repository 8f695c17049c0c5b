/**
 * Phones and tablets first-class (issue 11, the students' side), at 390×844 (phone), 820×1180
 * (tablet) and 1024×768: the racks are drawn at their box's size the moment the round starts, after
 * a reload and for a student let in mid-round (they were once 0×0 on tablets until a resize); the
 * top bar (clock, cash, spike) stays on screen however far the page scrolls; the catalogue comes
 * before the racks; rack labels are 12 px or more; nothing scrolls sideways; every control is a
 * 44 px touch target; a late joiner is never told to wait for a start that has happened. The
 * teacher is a colyseus.js client. Screenshots in test/artifacts/.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { Cast, expectOk, hostSession, startRound, waitFor } from "../integration/harness";
import { device, shot, type SizeName } from "./browser";
import { serveClient } from "./serve";
import { sidewaysOverflow, smallTargets } from "./steps";

const env = serveClient();
const cast = new Cast();
afterAll(() => cast.closeAll());

type Size = { width: number; height: number; boxWidth: number; boxHeight: number };
const canvasSize = (page: Page) => page.evaluate(() => (window as unknown as { __spikeday: { canvasSize(): Size } }).__spikeday.canvasSize());
const smallestLabel = (page: Page) => page.evaluate(() => (window as unknown as { __spikeday: { smallestLabel(): number } }).__spikeday.smallestLabel());

/** The racks are drawn, at the size of their box (give or take rounding), as soon as the play screen shows. */
async function expectRacksSized(page: Page): Promise<void> {
  await page.getByTestId("play-view").waitFor();
  await expect.poll(async () => (await canvasSize(page)).width, { timeout: 5_000 }).toBeGreaterThan(100);
  const size = await canvasSize(page);
  expect(size.height).toBeGreaterThan(100);
  expect(Math.abs(size.width - size.boxWidth)).toBeLessThanOrEqual(2);
  expect(Math.abs(size.height - size.boxHeight)).toBeLessThanOrEqual(2);
}

async function joinAs(page: Page, code: string, nickname: string): Promise<void> {
  await page.goto(`${env.base}/join/${code}`);
  await page.getByTestId("join-nickname").fill(nickname);
  await page.getByTestId("join-submit").click();
  await page.getByTestId("lobby-view").waitFor();
}

describe("phones and tablets", () => {
  for (const size of ["phone", "tablet", "small"] as SizeName[]) {
    it(`draws the racks on first paint, keeps the top bar and the catalogue in reach (${size})`, async () => {
      const s = await hostSession(env.base, cast);
      expectOk(await s.host.host({ type: "configure", scenario: "exam-morning", tickRate: 2 }));
      const { page } = await device(env.browser, size, "en");
      await joinAs(page, s.code, `Pat${size}`);
      await page.getByTestId("pick-team-0").click();
      await startRound(s.host);

      // Round start.
      await expectRacksSized(page);
      expect(await smallestLabel(page)).toBeGreaterThanOrEqual(12);
      await shot(page, `device-play-${size}`);
      await shot(page, `device-play-${size}-full`, true);

      // The catalogue comes before the racks on the page (a phone reaches it without scrolling past them).
      const cat = (await page.getByTestId("catalogue-toggle").boundingBox())!;
      const racks = (await page.getByTestId("datacenter-canvas").boundingBox())!;
      expect(cat.y < racks.y || cat.x + cat.width <= racks.x).toBe(true);

      // The racks never hold the page: vertical swipes and pinch-zoom belong to the page, and the wheel
      // over the racks scrolls the page when the racks have nowhere to scroll.
      expect(await page.getByTestId("datacenter-canvas").evaluate((el) => getComputedStyle(el).touchAction)).toBe("pan-y pinch-zoom");
      if (size === "small") {
        const r = (await page.getByTestId("datacenter-canvas").boundingBox())!;
        await page.mouse.move(r.x + r.width / 2, r.y + Math.min(r.height / 2, 200));
        await page.mouse.wheel(0, 300);
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      }

      // Scrolled to the bottom: the clock and the cash are still on screen.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      for (const id of ["clock", "status-cash"]) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual((await page.evaluate(() => window.innerHeight)));
      }
      // On a phone the sticky bar is two rows (clock, spike, team; cash, score, language), not a quarter of the screen.
      if (size === "phone") expect((await page.locator(".room-top .topbar").boundingBox())!.height).toBeLessThanOrEqual(100);
      await shot(page, `device-play-${size}-scrolled`);
      expect(await sidewaysOverflow(page)).toBe(0);
      if (size !== "small") expect(await smallTargets(page)).toEqual([]);

      // After a reload.
      await page.reload();
      await expectRacksSized(page);

      // A student let in mid-round: told a round is running (never "waiting for the teacher to start"), then the racks at once.
      const { page: late } = await device(env.browser, size, "en");
      await joinAs(late, s.code, `Late${size}`);
      await expect.poll(() => late.getByTestId("lobby-view").textContent()).toMatch(/A round is running/);
      expect(await late.getByTestId("lobby-view").textContent()).not.toMatch(/Waiting for the teacher to start/);
      await shot(late, `device-late-lobby-${size}`);
      await late.getByTestId("pick-team-1").click();
      await expect.poll(() => late.getByTestId("lobby-hint").textContent()).toMatch(/Waiting for the teacher to let you into Bravo/);
      const seat = await waitFor(() => [...s.host.state.seats.values()].find((x) => x.nickname === `Late${size}` && x.asks === 1));
      expectOk(await s.host.host({ type: "approve", seat: seat.seat }));
      await expectRacksSized(late);
      expect(await sidewaysOverflow(late)).toBe(0);
      await page.context().close();
      await late.context().close();
    });
  }
});
