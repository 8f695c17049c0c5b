/**
 * axe-core on every student screen and state past the lobby (issue 14): the briefing, the play
 * screen (with a server's details open, and while paused), the failure dialog's absence until asked,
 * and the debrief, in English and Chinese, at 1366×768 and on a 390×844 phone (and in English at
 * 200 % zoom, where the page must reflow with nothing sideways); and the join form's
 * error tied to its fields. The teacher is a colyseus.js client. Reports in test/artifacts/axe/,
 * screenshots in test/artifacts/.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Cast, expectOk, hostSession, waitFor } from "../integration/harness";
import { expectAccessible } from "./axe";
import { device, shot, type SizeName } from "./browser";
import { serveClient } from "./serve";
import { sidewaysOverflow } from "./steps";

const env = serveClient();
const cast = new Cast();
afterAll(() => cast.closeAll());

describe("every student screen passes axe", () => {
  for (const lang of ["en", "zh-CN"] as const) {
    for (const size of ["laptop", "phone", ...(lang === "en" ? ["zoom"] : [])] as SizeName[]) {
      it(`briefing, play, details, paused, debrief (${lang}, ${size})`, async () => {
        const s = await hostSession(env.base, cast);
        expectOk(await s.host.host({ type: "configure", scenario: "exam-morning", tickRate: 4 }));
        const { ctx, page } = await device(env.browser, size, lang);
        await page.goto(`${env.base}/join/${s.code}`);
        await page.getByTestId("join-nickname").fill(`Ax${size}`);
        await page.getByTestId("join-submit").click();
        await page.getByTestId("pick-team-0").click();
        await expect.poll(() => page.getByTestId("lobby-hint").textContent()).toMatch(/Alpha/);

        expectOk(await s.host.host({ type: "start" }));
        await page.getByTestId("briefing-view").waitFor();
        await expect.poll(() => page.title()).toMatch(lang === "en" ? /^Briefing/ : /^任务简报/);
        await expectAccessible(page, `briefing-${lang}-${size}`);
        expect(await sidewaysOverflow(page)).toBe(0);
        await shot(page, `screens-briefing-${lang}-${size}`);

        expectOk(await s.host.host({ type: "start" }));
        await page.getByTestId("play-view").waitFor();
        await page.getByTestId("dc-item-s1").waitFor();
        await expectAccessible(page, `play-${lang}-${size}`);
        // A server's details, opened from the list.
        await page.getByTestId("dc-item-s1").click();
        await page.getByTestId("selection").waitFor();
        expect(await page.getByTestId("selection-contents").count()).toBe(1);
        await expectAccessible(page, `play-details-${lang}-${size}`);
        expect(await sidewaysOverflow(page)).toBe(0);
        await shot(page, `screens-play-${lang}-${size}`);
        await shot(page, `screens-play-${lang}-${size}-full`, true);

        expectOk(await s.host.host({ type: "pause" }));
        await page.getByTestId("paused-note").waitFor();
        // The bar says so too, on a phone as well (where "Playing" is left out of it).
        await expect.poll(() => page.getByTestId("phase").isVisible()).toBe(true);
        if (size === "phone") expect(await page.getByTestId("phase").textContent()).toMatch(lang === "en" ? /Paused/ : /暂停/);
        await expectAccessible(page, `play-paused-${lang}-${size}`);
        expectOk(await s.host.host({ type: "resume" }));
        // The failure page is never opened for the student.
        expect(await page.getByTestId("failure-page").count()).toBe(0);

        expectOk(await s.host.host({ type: "endRound" }));
        await waitFor(() => s.host.state.phase === "over");
        await page.getByTestId("debrief-view").waitFor();
        await expect.poll(() => page.getByTestId("debrief-team-0").textContent()).toMatch(/\$/);
        await expectAccessible(page, `debrief-${lang}-${size}`);
        await shot(page, `screens-debrief-${lang}-${size}`, true);
        expect(await sidewaysOverflow(page)).toBe(0);
        await ctx.close();
      });
    }
  }

  it("ties the join form's error to its fields", async () => {
    const { ctx, page } = await device(env.browser, "phone", "en");
    await page.goto(`${env.base}/join/ZZZZZZ`);
    await page.getByTestId("join-nickname").fill("Nobody");
    await page.getByTestId("join-submit").click();
    await expect.poll(() => page.getByTestId("join-error").textContent()).not.toBe("");
    for (const id of ["join-code", "join-nickname"]) {
      expect(await page.getByTestId(id).getAttribute("aria-describedby")).toBe("join-error");
      expect(await page.getByTestId(id).getAttribute("aria-invalid")).toBe("true");
    }
    await expectAccessible(page, "landing-error-phone");
    await ctx.close();
  });
});
