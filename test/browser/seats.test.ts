/**
 * The teacher's hold on seats, in Debian Chromium: a student arriving mid-round asks for a team and
 * waits; the teacher lets them in from the Seats panel; a kicked student sees why, cannot come back
 * from the same browser under another nickname, and is let back by Undo kick. Screenshots in
 * test/artifacts/.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { desktop, phone, shot } from "./browser";
import { serveClient } from "./serve";

const env = serveClient();

async function joinAs(page: Page, code: string, nickname: string): Promise<void> {
  await page.goto(`${env.base}/join/${code}`);
  await expect.poll(() => page.getByTestId("join-code").inputValue()).toBe(code);
  await page.getByTestId("join-nickname").fill(nickname);
  await page.getByTestId("join-submit").click();
}

describe("seats in the browser", () => {
  it("a latecomer asks and is let in; a kick holds until the teacher undoes it", async () => {
    const { page: host } = await desktop(env.browser, "en");
    await host.goto(env.base);
    await host.getByTestId("host-new").click();
    await host.getByTestId("room-code").waitFor();
    const code = (await host.getByTestId("room-code").textContent())!.trim();
    const { page: ann } = await desktop(env.browser, "en");
    await joinAs(ann, code, "Ann");
    await ann.getByTestId("lobby-view").waitFor();
    await ann.getByTestId("pick-team-0").click();
    await host.getByTestId("host-start").click();
    await host.getByTestId("bar-go").click();
    await ann.getByTestId("play-view").waitFor();

    // Zed arrives mid-round on a phone (in Chinese) and asks for Bravo: the page says to wait.
    const { page: zed } = await phone(env.browser, "zh-CN");
    await joinAs(zed, code, "Zed");
    await zed.getByTestId("lobby-view").waitFor();
    await zed.getByTestId("pick-team-1").tap();
    await expect.poll(() => zed.getByTestId("lobby-hint").textContent()).toMatch(/等待老师同意你加入 Bravo/);
    await shot(zed, "seats-asking-zh");

    // The teacher's Seats panel shows the request; "Let in" puts Zed in Bravo's datacenter.
    const request = host.locator("[data-testid^=host-request-]");
    await expect.poll(() => request.textContent()).toMatch(/Zed asks for Bravo/);
    await expect.poll(() => host.getByTestId("host-seat-count").textContent()).toBe("Seats: 2 of 60");
    await shot(host, "seats-request-en", true);
    await host.locator("[data-testid^=host-approve-]").click();
    await zed.getByTestId("play-view").waitFor();

    // The cap goes up mid-round.
    await host.getByTestId("host-raise-cap").click();
    await expect.poll(() => host.getByTestId("host-seat-count").textContent()).toBe("Seats: 2 of 70");

    // Kicked: Zed is told, and this browser cannot come back under another name.
    const seat = (await host.locator("[data-testid^=host-student-]").filter({ hasText: "Zed" }).getAttribute("data-testid"))!.replace("host-student-", "");
    await host.getByTestId(`host-kick-${seat}`).click();
    await host.getByTestId("confirm-kick-yes").click();
    await zed.getByTestId("closed").waitFor();
    await expect.poll(() => zed.getByTestId("closed").textContent()).toMatch(/老师已将你移出本次课堂/);
    await shot(zed, "seats-kicked-zh");
    await joinAs(zed, code, "Zed2");
    await expect.poll(() => zed.getByTestId("join-error").textContent()).toMatch(/老师已将你移出本次课堂/);
    await expect.poll(() => host.getByTestId("host-kicked").textContent()).toMatch(/Zed/);
    await shot(host, "seats-kicked-en", true);

    // Undo kick: the same browser gets its seat back, in Bravo.
    await host.getByTestId(`host-unkick-${seat}`).click();
    await expect.poll(() => host.getByTestId("host-kicked").textContent()).toBe("");
    await joinAs(zed, code, "Zed");
    await zed.getByTestId("play-view").waitFor();
  });
});
