import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium (CI installs it with apt); Playwright's own browser download cannot work here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];
export const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));

/** A Chromium of its own (benchmarks and scripts; the browser tests share one: connectShared). */
export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * The browser tests' Chromium, started once per run by chromium.setup.ts. Closing what this returns
 * closes the contexts this file made and leaves the browser to the other files.
 */
export async function connectShared(endpoint: string): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.connect(endpoint);
}

/** Functions handed to page.evaluate are transpiled by tsx, which may wrap them in `__name()`. */
const NAME_SHIM = "window.__name = (f) => f;";

export async function desktop(browser: Browser, lang: "en" | "zh-CN" = "en"): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang });
  await ctx.addInitScript({ content: NAME_SHIM });
  await ctx.addInitScript((l) => localStorage.setItem("spikeday.lang", JSON.stringify(l)), lang);
  return { ctx, page: await ctx.newPage() };
}

/** A 390×844 touch phone. */
export async function phone(browser: Browser, lang: "en" | "zh-CN" = "en"): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: lang });
  await ctx.addInitScript({ content: NAME_SHIM });
  await ctx.addInitScript((l) => localStorage.setItem("spikeday.lang", JSON.stringify(l)), lang);
  return { ctx, page: await ctx.newPage() };
}

/** The sizes the issues name: a laptop, a tablet and a phone (touch), the 1024×768 small laptop, and the laptop zoomed to 200 %. */
export const SIZES = {
  laptop: { width: 1366, height: 768 },
  tablet: { width: 820, height: 1180 },
  phone: { width: 390, height: 844 },
  small: { width: 1024, height: 768 },
  /** A 1366×768 laptop at 200 % browser zoom (WCAG 1.4.4 and 1.4.10: the page reflows, nothing sideways). */
  zoom: { width: 683, height: 384 },
} as const;
export type SizeName = keyof typeof SIZES;

/** A browser context at one of SIZES (tablet and phone with touch), in `lang`. */
export async function device(browser: Browser, size: SizeName, lang: "en" | "zh-CN" = "en"): Promise<{ ctx: BrowserContext; page: Page }> {
  const touch = size === "phone" || size === "tablet";
  const ctx = await browser.newContext({ viewport: SIZES[size], deviceScaleFactor: touch || size === "zoom" ? 2 : 1, isMobile: touch, hasTouch: touch, locale: lang });
  await ctx.addInitScript({ content: NAME_SHIM });
  await ctx.addInitScript((l) => localStorage.setItem("spikeday.lang", JSON.stringify(l)), lang);
  return { ctx, page: await ctx.newPage() };
}

export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage });
}
