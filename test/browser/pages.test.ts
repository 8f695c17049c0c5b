/**
 * The students' other pages, for every student (issues 11 and 14): the front page (no code yet),
 * past sessions, the replay upload page and the page a student lands on when the session is over,
 * in English and Chinese at 1366×768 and on a 390×844 phone: axe finds no serious or critical
 * WCAG 2.1 A/AA violation, each has its own title, nothing scrolls sideways, and on the phone every
 * control is a 44 px touch target. Screenshots in test/artifacts/, axe reports in test/artifacts/axe/.
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

async function expectFit(page: Page, name: string, size: SizeName): Promise<void> {
  await expectAccessible(page, name);
  expect(await sidewaysOverflow(page), `${name} scrolls sideways`).toBe(0);
  if (size === "phone") expect(await smallTargets(page), `${name}: small targets`).toEqual([]);
  await shot(page, name, true);
}

describe("the students' other pages", () => {
  for (const lang of ["en", "zh-CN"] as const) {
    for (const size of ["laptop", "phone"] as SizeName[]) {
      it(`front page, past sessions, replay upload and the end of a session (${lang}, ${size})`, async () => {
        const { ctx, page } = await device(env.browser, size, lang);
        const titles = new Set<string>();

        await page.goto(`${env.base}/`);
        await page.getByTestId("join-form").waitFor();
        titles.add(await page.title());
        await expectFit(page, `pages-front-${lang}-${size}`, size);

        await page.goto(`${env.base}/sessions`);
        await page.getByTestId("sessions-empty").or(page.locator("[data-testid=sessions-list] > *")).first().waitFor();
        titles.add(await page.title());
        await expectFit(page, `pages-sessions-${lang}-${size}`, size);

        await page.goto(`${env.base}/replay`);
        await page.getByTestId("replay-file").waitFor({ state: "attached" });
        titles.add(await page.title());
        await expectFit(page, `pages-replay-upload-${lang}-${size}`, size);

        // In a session the teacher ends: the student is told so, on a page of its own.
        const s = await hostSession(env.base, cast);
        await page.goto(`${env.base}/join/${s.code}`);
        await page.getByTestId("join-nickname").fill(`End${size}`);
        await page.getByTestId("join-submit").click();
        await page.getByTestId("lobby-view").waitFor();
        titles.add(await page.title());
        expectOk(await s.host.host({ type: "endSession" }));
        await page.getByTestId("closed").waitFor();
        await expect.poll(() => page.getByTestId("closed").textContent()).not.toBe("");
        titles.add(await page.title());
        await expectFit(page, `pages-closed-${lang}-${size}`, size);

        // Every page said where it was: five pages, five titles.
        expect(titles.size).toBe(5);
        await ctx.close();
      });
    }
  }
});
