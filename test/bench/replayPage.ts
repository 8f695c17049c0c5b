/**
 * The replay benches' stage: an 8-team exam morning played by `bots`, served by a real app and
 * uploaded to the replay viewer in headless Chromium; `use` measures on the page, then everything
 * is closed whatever happened.
 */
import type { Page } from "playwright-core";
import { startApp } from "../../server/app";
import { startBotMatch } from "../../shared/sim/run";
import { playLogged } from "../../shared/sim/log";
import type { MatchLogFile } from "../../shared/log/format";
import { desktop, launch } from "../browser/browser";
import { CLIENT_DIST } from "../browser/build";

export async function withReplay<T>(port: number, bots: readonly string[], use: (page: Page, log: MatchLogFile) => Promise<T>): Promise<T> {
  const log = playLogged(startBotMatch("exam-morning", bots, 11), bots, "bench");
  const app = await startApp({ port, staticDir: CLIENT_DIST });
  const browser = await launch();
  try {
    const { page } = await desktop(browser, "en");
    await page.goto(`http://localhost:${port}/replay`);
    await page.getByTestId("replay-file").setInputFiles({ name: "bench.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(log)) });
    await page.getByTestId("replay-verdict").waitFor({ state: "attached" }); // folded under Technical details when verified
    return await use(page, log);
  } finally {
    await browser.close();
    await app.close();
  }
}
