/**
 * A whole round with the keyboard only (issue 14): join, pick a team, build a container host and
 * put the portal and the payment service on it from the accessible datacenter list and the
 * catalogue, hear the spike and the minute's figures in the live regions, open and leave the
 * failure dialog (focus trapped, given back), dismiss a refusal, play the round out to its last
 * minute and read the debrief. Nothing is clicked; every step is Tab, arrows, Enter, Space or
 * Escape. What the live regions said is recorded from page load by a MutationObserver. The
 * teacher is a colyseus.js client.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { Cast, expectOk, hostSession, startRound, waitFor } from "../integration/harness";
import { expectAccessible } from "./axe";
import { device, shot } from "./browser";
import { serveClient } from "./serve";
import { waitMinutes } from "./steps";

const env = serveClient();
const cast = new Cast();
afterAll(() => cast.closeAll());

/** Records every text the two live regions are given, from the first paint. */
const RECORD_LIVE = `
  window.__said = { polite: [], assertive: [] };
  document.addEventListener("DOMContentLoaded", () => {
    for (const kind of ["polite", "assertive"]) {
      const el = document.getElementById("live-" + kind);
      new MutationObserver(() => { if (el.textContent) window.__said[kind].push(el.textContent); }).observe(el, { childList: true, characterData: true, subtree: true });
    }
  });`;

const said = (page: Page, kind: "polite" | "assertive") => page.evaluate((k) => (window as unknown as { __said: Record<string, string[]> }).__said[k].join("\n"), kind);
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  return el?.dataset.testid ?? el?.id ?? el?.tagName ?? "";
});

/** Presses Tab (or Shift+Tab) until the element with `testid` has the focus. */
async function tabTo(page: Page, testid: string, back = false, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)) === testid) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${testid} (last: ${await focused(page)})`);
}

/** On a focused closed <select>, ArrowDown until the chosen option's text matches. */
async function chooseByKeyboard(page: Page, text: RegExp): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const current = await page.evaluate(() => { const s = document.activeElement as HTMLSelectElement; return s.options[s.selectedIndex]?.text ?? ""; });
    if (text.test(current)) return;
    await page.keyboard.press(i < 10 ? "ArrowDown" : "ArrowUp");
  }
  throw new Error(`no option matching ${text}`);
}

/** In the datacenter list: arrows to the item whose id is `id`, then Enter (its details open, focus on the first action). */
async function openInList(page: Page, id: string): Promise<void> {
  await tabTo(page, `dc-item-${(await page.evaluate(() => (document.querySelector("[role=tree] [tabindex='0']") as HTMLElement | null)?.dataset.id ?? ""))}`);
  for (let i = 0; i < 40 && (await focused(page)) !== `dc-item-${id}`; i++) await page.keyboard.press("ArrowDown");
  expect(await focused(page)).toBe(`dc-item-${id}`);
  await page.keyboard.press("Enter");
}

async function submitPanel(page: Page): Promise<void> {
  await tabTo(page, "cmd-submit");
  await page.keyboard.press("Enter");
  await expect.poll(() => page.getByTestId("cmd-status").textContent(), { timeout: 10_000 }).toMatch(/Queued/);
}

describe("a round with the keyboard only", () => {
  // A whole round at 4× runs about a minute of real time after the spike; a busy machine may double it.
  it("joins, builds, hears the spike and reads the debrief without a pointer", { timeout: 300_000 }, async () => {
    const s = await hostSession(env.base, cast);
    expectOk(await s.host.host({ type: "configure", scenario: "double-12", tickRate: 4 }));
    const { ctx, page } = await device(env.browser, "laptop", "en");
    await ctx.addInitScript({ content: RECORD_LIVE });
    await page.goto(`${env.base}/join/${s.code}`);
    await page.getByTestId("join-nickname").waitFor();
    expect(await focused(page)).toBe("join-nickname");
    await page.keyboard.type("Keys");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("pick-team-0");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("lobby-hint");

    await startRound(s.host);
    await page.getByTestId("play-view").waitFor();
    // The round opens on the datacenter list's heading; one Tab more is the list.
    await expect.poll(() => focused(page)).toBe("dc-list-title");
    await expect.poll(() => page.title()).toMatch(/Your datacenter/);
    await expectAccessible(page, "play-keyboard-start");

    // s1: its details open from the list; "Install a host layer…" fills the command panel.
    await page.keyboard.press("Tab");
    await openInList(page, "s1");
    await expect.poll(() => focused(page)).toBe("sel-install");
    expect(await page.getByTestId("selection").textContent()).toMatch(/Running here/);
    // Minutes go by (the figures in the details change): the focused button keeps the focus.
    await waitMinutes(page, 2);
    expect(await focused(page)).toBe("sel-install");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("cmd-layer");
    await chooseByKeyboard(page, /Container host/);
    await submitPanel(page);
    await expect.poll(() => page.getByTestId("dc-item-s1").textContent(), { timeout: 20_000 }).toMatch(/Container host/);
    await expect.poll(() => page.getByTestId("team-feed").textContent(), { timeout: 20_000 }).toMatch(/Container host ready on s1/);

    // The portal from the catalogue: Enter on its button opens the panel with the app filled in, the target next.
    await tabTo(page, "cat-app-web", true);
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("cmd-target");
    expect(await page.getByTestId("cmd-app").inputValue()).toBe("web");
    await chooseByKeyboard(page, /^s1/);
    await submitPanel(page);
    // … and the payment service from the list: s1 → "Deploy an app…" → choose Payments.
    await tabTo(page, `dc-item-${await page.evaluate(() => (document.querySelector("[role=tree] [tabindex='0']") as HTMLElement).dataset.id!)}`, true);
    await openInList(page, "s1");
    await tabTo(page, "sel-deploy");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("cmd-app");
    await chooseByKeyboard(page, /Payments/);
    await submitPanel(page);
    await expect.poll(() => page.locator("[data-testid^=dc-item-] .dc-text").allTextContents().then((t) => t.join("\n")), { timeout: 20_000 }).toMatch(/Payments · container/);

    // A refusal (a VM on a container host) is said at once and stays until dismissed (by keyboard).
    await tabTo(page, "cmd-action", true);
    await chooseByKeyboard(page, /Create a VM/);
    await tabTo(page, "cmd-server");
    await chooseByKeyboard(page, /^s1/);
    await tabTo(page, "cmd-submit");
    await page.keyboard.press("Enter");
    await page.getByTestId("toast-bad").waitFor();
    const refusal = (await page.getByTestId("toast-bad").locator("span").textContent())!;
    await expect.poll(() => said(page, "assertive")).toContain(refusal);
    await tabTo(page, "toast-dismiss");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("toast-bad").count()).toBe(0);

    // The spike is announced (assertive), requests turned away politely, each command once when carried out.
    await expect.poll(() => said(page, "assertive"), { timeout: 90_000 }).toMatch(/The spike is here/);
    await expect.poll(() => said(page, "polite"), { timeout: 30_000 }).toMatch(/turning away [\d,]+ requests a minute/);
    expect(await said(page, "polite")).toMatch(/You deployed Portal on s1/);
    // The teacher's message waits its turn.
    expectOk(await s.host.host({ type: "message", text: "Look at your database", team: null }));
    await expect.poll(() => said(page, "polite")).toMatch(/Look at your database/);

    // Users turned away: the failure page opens only when asked; Tab stays inside; Escape gives focus back.
    await expect.poll(() => page.getByTestId("portal-warning").isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await page.getByTestId("failure-page").count()).toBe(0);
    await tabTo(page, "portal-warning", true, 200);
    await page.keyboard.press("Enter");
    await page.getByTestId("failure-page").waitFor();
    expect(await page.getByTestId("failure-page").getAttribute("aria-labelledby")).toBeTruthy();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !!document.activeElement?.closest("dialog[open]"))).toBe(true);
    }
    await expectAccessible(page, "failure-dialog");
    await shot(page, "keyboard-failure-dialog");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("failure-page").count()).toBe(0);
    expect(await focused(page)).toBe("portal-warning");
    await shot(page, "keyboard-play");

    // The round plays out to its last minute (nobody ends it early): the debrief opens on its heading, readable from the top.
    await waitFor(() => s.host.state.phase === "over", 180_000);
    await page.getByTestId("debrief-view").waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await expect.poll(() => page.getByTestId("debrief-team-0").textContent()).toMatch(/Availability/);
    expect(await page.getByTestId("failure-page").count()).toBe(0);
    await expectAccessible(page, "debrief-keyboard");
    await ctx.close();
  });
});
