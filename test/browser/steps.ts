/** Steps a student takes in the team view, shared by the browser suites. */
import { expect } from "vitest";
import type { Page } from "playwright-core";

/** Sends a command through the command panel and waits until it is queued. */
export async function send(page: Page, action: string, fields: Record<string, string> = {}): Promise<void> {
  await page.getByTestId("cmd-action").selectOption(action);
  for (const [field, value] of Object.entries(fields)) await page.getByTestId(`cmd-${field}`).selectOption(value);
  await page.getByTestId("cmd-submit").click();
  await expect.poll(() => page.getByTestId("cmd-status").textContent(), { timeout: 10_000 }).toMatch(/Queued|已排队/);
}

/** Number of instances the page's datacenter shows (the canvas layout the scene drew). */
export async function instanceCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __spikeday: { instances(): number } }).__spikeday.instances());
}

/** A point inside a box on the canvas (a server's: right of what is already on it); scrolled into view. */
export async function boxPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const to = await page.evaluate((box) => {
    const r = (window as unknown as { __spikeday: { boxRect(id: string): DOMRect | null } }).__spikeday.boxRect(box);
    return r && { x: r.x + r.width * 0.8, y: r.y + r.height * 0.6 };
  }, id);
  expect(to).not.toBeNull();
  return to!;
}

/** Waits until the game clock in the top bar has moved on by `minutes` (each minute is a redraw of everything). */
export async function waitMinutes(page: Page, minutes: number): Promise<void> {
  const read = async () => {
    const [h, m] = ((await page.getByTestId("clock").textContent()) ?? "00:00").split(":").map(Number);
    return h * 60 + m;
  };
  const start = await read();
  await expect.poll(read, { timeout: 30_000 }).toBeGreaterThanOrEqual(start + minutes);
}

/**
 * Controls smaller than a 44 px touch target on the page (by test id or text, with their size). A
 * control marked `data-equivalent="<testid>"` is let off only while that control, which does the
 * same job, is on the page and 44 px itself (WCAG 2.5.5's "equivalent" exception).
 */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>("main button, main input, main select, main summary, main a[href], header select, header a[href], [role=treeitem] > .dc-text")]
    .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden" && !(el as HTMLInputElement).disabled)
    .filter((el) => {
      const equivalent = el.dataset.equivalent ? document.querySelector<HTMLElement>(`[data-testid="${el.dataset.equivalent}"]`) : null;
      const r = equivalent?.getBoundingClientRect();
      return !(r && r.height >= 44 && r.width >= 44);
    })
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ el, r }) => r.height < 44 || (r.width < 44 && el.tagName !== "SPAN" && !(el instanceof HTMLInputElement && el.type === "checkbox")))
    .map(({ el, r }) => `${el.dataset.testid ?? el.textContent?.slice(0, 30)} ${Math.round(r.width)}×${Math.round(r.height)}`));
}

/**
 * How far the page reaches past the screen's width, in CSS px (0: nothing scrolls sideways). Measured
 * against the viewport the page was opened with: a phone browser zooms out to fit a page that is
 * too wide, and then `window.innerWidth` grows with it and would hide the overflow.
 */
export async function sidewaysOverflow(page: Page): Promise<number> {
  const width = page.viewportSize()!.width;
  return page.evaluate((w) => Math.max(0, document.documentElement.scrollWidth - w), width);
}
