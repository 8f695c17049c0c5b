/**
 * One lesson end to end in Debian Chromium: a teacher hosts; four students in their own browser
 * contexts (one a 390×844 touch phone, one in Chinese) join two teams by code; the round runs fast;
 * students deploy through the command panel and by drag-and-drop; the projector's leaderboard moves;
 * a student reloads and is back in the team; the round ends and the debrief shows numbers.
 * Screenshots of every screen land in test/artifacts/.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { desktop, phone, shot } from "./browser";
import { serveClient } from "./serve";
import { boxPoint, instanceCount, send, sidewaysOverflow } from "./steps";

const env = serveClient();

async function joinAs(page: Page, code: string, nickname: string): Promise<void> {
  await page.goto(`${env.base}/join/${code}`);
  await expect.poll(() => page.getByTestId("join-code").inputValue()).toBe(code);
  await page.getByTestId("join-nickname").fill(nickname);
  await page.getByTestId("join-submit").click();
  await page.getByTestId("lobby-view").waitFor();
}

async function leaderboard(page: Page): Promise<string[]> {
  return page.getByTestId("leaderboard").locator("tbody tr").allTextContents();
}

describe("a lesson in the browser", () => {
  it("hosts, joins, plays, reloads and debriefs", async () => {
    // The teacher creates a session from the landing page.
    const { page: host } = await desktop(env.browser, "en");
    await host.goto(env.base);
    await shot(host, "landing-en");
    await host.getByTestId("host-new").click();
    await host.getByTestId("room-code").waitFor();
    const code = (await host.getByTestId("room-code").textContent())!.trim();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    await expect.poll(() => host.getByTestId("join-qr").getAttribute("src")).toMatch(/^data:image\/png/);
    // The projector's window, opened from the teacher's page in the same browser (the same host secret).
    const proj = await host.context().newPage();
    await proj.setViewportSize({ width: 1920, height: 1080 });
    await proj.goto(`${env.base}/projector/${code}`);
    await proj.getByTestId("projector-page").waitFor();

    // Four students: two desktops (one in Chinese), a phone with touch, and a fourth desktop.
    const { page: ann } = await desktop(env.browser, "en");
    const { page: bo } = await desktop(env.browser, "zh-CN");
    const { page: cai } = await phone(env.browser, "en");
    const { page: dee } = await desktop(env.browser, "en");
    await joinAs(ann, code, "Ann");
    await joinAs(bo, code, "小博");
    await joinAs(cai, code, "Cai");
    await joinAs(dee, code, "Dee");
    await shot(bo, "lobby-zh");
    await shot(cai, "lobby-phone", true);
    await ann.getByTestId("pick-team-0").click();
    await bo.getByTestId("pick-team-0").click();
    await cai.getByTestId("pick-team-1").tap();
    await dee.getByTestId("pick-team-1").click();
    await expect.poll(() => proj.getByTestId("team-card-0").textContent()).toContain("小博");
    await expect.poll(() => proj.getByTestId("team-card-1").textContent()).toContain("Cai");
    await expect.poll(() => host.getByTestId("host-lobby").textContent()).toContain("Cai");
    await shot(host, "host-lobby", true);

    // The teacher sets exam-morning at the fastest speed and opens the briefing.
    // A lesson-plan preset is applied at once, with the speed chosen beside it (no separate Apply).
    await host.getByTestId("host-preset1").click();
    await expect.poll(() => host.getByTestId("host-current").textContent()).toMatch(/The old era · 1×/);
    await host.getByTestId("host-tickrate").selectOption("4");
    await host.getByTestId("host-preset3").click();
    await expect.poll(() => host.getByTestId("host-current").textContent()).toMatch(/Exam-result morning · 4× · \$50,000 · 5 host layers/);
    await host.getByTestId("host-start").click();
    await ann.getByTestId("briefing-view").waitFor();
    await expect.poll(() => ann.getByTestId("forecast-lines").textContent()).toMatch(/rush starts between 09:40 and 10:10/);
    await shot(ann, "briefing-en", true);
    await shot(bo, "briefing-zh", true);
    // The clock starts from the top bar, where the teacher's quick controls stay in reach.
    await host.getByTestId("bar-go").click();
    for (const p of [ann, bo, cai, dee]) await p.getByTestId("play-view").waitFor();

    // Chinese screens really are in Chinese (and the CJK font is there to draw them).
    expect(await bo.getByTestId("phase").textContent()).toBe("进行中");
    expect(await bo.evaluate(() => document.fonts.check('16px "Noto Sans CJK SC"'))).toBe(true);

    // Team Alpha builds through the command panel: a container host and two portal containers.
    await send(ann, "installLayer", { server: "s1", layer: "container-host" });
    await send(bo, "deploy", { target: "s1", app: "web" });
    await send(bo, "deploy", { target: "s1", app: "grades" });
    await expect.poll(() => instanceCount(ann), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);

    // … and by drag-and-drop: a container host dropped from the catalogue onto the second server's
    // canvas box, then a portal container dropped onto it.
    await dragOntoServer(ann, "cat-layer-container-host", "s2");
    await expect.poll(() => ann.getByTestId("team-feed").textContent(), { timeout: 10_000 }).toMatch(/Ann installed Container host on s2/);
    await dragOntoServer(ann, "cat-app-web", "s2");
    await expect.poll(() => ann.getByTestId("team-feed").textContent(), { timeout: 10_000 }).toMatch(/Ann deployed Portal on s2/);

    // A refused drop says why, in the engine's words, and sends nothing: a database wants 8 cores,
    // a small server has fewer left.
    await dragOntoServer(ann, "cat-app-db", "s2", false);
    await expect.poll(() => ann.getByTestId("toasts").textContent()).toMatch(/Not enough CPU: needs 8 cores/);

    // Team Bravo plays from the phone's command panel.
    await cai.getByTestId("cmd-action").scrollIntoViewIfNeeded();
    await send(cai, "installLayer", { server: "s3", layer: "bare-linux" });
    await send(cai, "deploy", { target: "s3", app: "web" });
    await expect.poll(() => dee.getByTestId("team-feed").textContent(), { timeout: 10_000 }).toMatch(/Cai deployed Portal on s3/);

    // … and by touch, with no drag across a long page: tap a catalogue item, then tap the server.
    await cai.getByTestId("catalogue-toggle").tap();
    await cai.getByTestId("cat-layer-container-host").tap();
    await expect.poll(() => cai.getByTestId("drag-ghost").textContent()).toMatch(/Now tap a server/);
    const s4 = await boxPoint(cai, "s4");
    await cai.touchscreen.tap(s4.x, s4.y);
    await expect.poll(() => dee.getByTestId("team-feed").textContent(), { timeout: 10_000 }).toMatch(/Cai installed Container host on s4/);
    expect(await cai.getByTestId("drag-ghost").count()).toBe(0);

    // The projector's leaderboard follows the money.
    const before = await leaderboard(proj);
    await expect.poll(async () => (await leaderboard(proj)).join("|"), { timeout: 15_000 }).not.toBe(before.join("|"));
    await shot(ann, "play-en");
    await shot(bo, "play-zh");
    await shot(cai, "play-phone", true);
    await shot(proj, "projector-live");

    // The teacher pauses and resumes from the top bar; students see it.
    await host.getByTestId("bar-pause").click();
    await expect.poll(() => dee.getByTestId("phase").textContent()).toBe("Paused");
    await expect.poll(() => dee.getByTestId("paused-note").isVisible()).toBe(true);
    await host.getByTestId("bar-resume").click();
    await expect.poll(() => dee.getByTestId("phase").textContent()).toBe("Playing");
    await expect.poll(() => dee.getByTestId("paused-note").isVisible()).toBe(false);

    // A reload puts the student back in the same team with the same view.
    await dee.reload();
    await dee.getByTestId("play-view").waitFor();
    await expect.poll(() => dee.getByTestId("status").textContent()).toContain("Bravo");
    await expect.poll(() => dee.getByTestId("team-feed").textContent(), { timeout: 10_000 }).toMatch(/Cai deployed Portal/);

    // The teacher ends the round; everyone gets a debrief with their numbers.
    await host.getByTestId("host-endround").click();
    await host.getByTestId("confirm-endround-yes").click();
    await ann.getByTestId("debrief-view").waitFor();
    await expect.poll(() => ann.getByTestId("debrief-team-0").textContent()).toMatch(/Availability \d+\.\d%/);
    expect(await ann.getByTestId("debrief-money-0").textContent()).toMatch(/Revenue\+\$[\d,]+/);
    expect(await ann.getByTestId("debrief-cards-0").locator("article").count()).toBeGreaterThan(0);
    await bo.getByTestId("debrief-view").waitFor();
    await cai.getByTestId("debrief-view").waitFor();
    await host.getByTestId("debrief-view").waitFor();
    // The refusal Ann never dismissed went with the round: it does not cover her debrief's cards.
    expect(await ann.getByTestId("toast-bad").count()).toBe(0);
    await shot(ann, "debrief-en", true);
    await shot(bo, "debrief-zh", true);
    await shot(cai, "debrief-phone", true);
    await shot(host, "debrief-host", true);

    // Phones never scroll sideways.
    for (const p of [cai]) expect(await sidewaysOverflow(p)).toBe(0);
  });
});

/** Drags a catalogue item onto a server's box on the canvas with the mouse. */
async function dragOntoServer(page: Page, item: string, server: string, expectOk = true): Promise<void> {
  const source = page.getByTestId(item);
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = await boxPoint(page, server);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await expect.poll(async () => `${await page.getByTestId("drag-ghost").getAttribute("class")}: ${await page.getByTestId("drag-ghost").textContent()}`)
    .toMatch(expectOk ? /^drag-ghost ok/ : /^drag-ghost bad/);
  await page.mouse.up();
}
