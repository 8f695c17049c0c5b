/**
 * The students' screens for every student (issue 14): axe-core finds no serious or critical WCAG
 * 2.1 A/AA violation on the join page and the lobby (en and zh, laptop 1366×768 and phone 390×844);
 * the live regions are there from page load; each screen has its own title; a keyboard-only
 * student joins and picks a team, focus moving to the next thing to do each time. The teacher is a
 * colyseus.js client here. Screenshots and axe reports land in test/artifacts/.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { Cast, expectOk, hostSession } from "../integration/harness";
import { expectAccessible } from "./axe";
import { device, shot, type SizeName } from "./browser";
import { serveClient } from "./serve";
import { sidewaysOverflow, smallTargets } from "./steps";

const env = serveClient();
const cast = new Cast();
afterAll(() => cast.closeAll());

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName ?? "");

describe("the join page and the lobby, for every student", () => {
  for (const lang of ["en", "zh-CN"] as const) {
    for (const size of ["laptop", "phone"] as SizeName[]) {
      it(`passes axe and is played by keyboard (${lang}, ${size})`, async () => {
        const { code } = await hostSession(env.base, cast);
        const { ctx, page } = await device(env.browser, size, lang);
        await page.goto(`${env.base}/join/${code}`);
        await page.getByTestId("join-form").waitFor();
        // Both live regions exist before anything happens (a region made later misses its first message).
        expect(await page.getByTestId("live-polite").getAttribute("aria-live")).toBe("polite");
        expect(await page.getByTestId("live-assertive").getAttribute("aria-live")).toBe("assertive");
        await expect.poll(() => page.title()).toBe(lang === "en" ? "Join a class · Spike Day" : "加入课堂 · 流量高峰日");
        // The link filled the code in: the nickname field has the focus.
        expect(await focused(page)).toBe("join-nickname");
        await expectAccessible(page, `landing-${lang}-${size}`);
        if (size === "phone") expect(await smallTargets(page)).toEqual([]);
        expect(await sidewaysOverflow(page)).toBe(0);
        await shot(page, `a11y-landing-${lang}-${size}`, true);

        // Keyboard only: type a nickname, Enter; the lobby opens with the first team's Join button focused.
        await page.keyboard.type(lang === "en" ? "Kim" : "小金");
        await page.keyboard.press("Enter");
        await page.getByTestId("lobby-view").waitFor();
        await expect.poll(() => focused(page)).toBe("pick-team-0");
        await expect.poll(() => page.title()).toMatch(new RegExp(`${code}`));
        // A classmate arrives: the lobby updates in place, the focus stays on the button.
        const mate = await cast.join(env.base, code, { nickname: `Mate${size}${lang}` });
        expectOk(await mate.chooseTeam(0));
        await expect.poll(() => page.getByTestId("team-card-0").textContent()).toContain(`Mate${size}${lang}`);
        expect(await focused(page)).toBe("pick-team-0");
        await expectAccessible(page, `lobby-${lang}-${size}`);
        if (size === "phone") expect(await smallTargets(page)).toEqual([]);

        // Enter on it: in the team; focus on the line saying what happens next.
        await page.keyboard.press("Enter");
        await expect.poll(() => focused(page)).toBe("lobby-hint");
        await expect.poll(() => page.getByTestId("lobby-hint").textContent()).toMatch(lang === "en" ? /You are in Alpha\. Waiting for the teacher/ : /你已加入 Alpha/);
        await shot(page, `a11y-lobby-${lang}-${size}`, true);
        expect(await sidewaysOverflow(page)).toBe(0);
        await ctx.close();
      });
    }
  }
});
