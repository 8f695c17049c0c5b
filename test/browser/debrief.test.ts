/**
 * The debrief in Chromium, after a whole round played to its end: the projector (1920×1080) shows
 * the podium and the class, spotlights a team and downloads the class summary; students on phones
 * (390×844, one in English, one in Chinese) read their own team first, open the packing card, try a
 * what-if and download their team's debrief; every money figure on a page agrees with the others.
 * A match log opened in the replay viewer gets the what-if overlay. Screenshots in test/artifacts/.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { playLogged } from "../../shared/sim/log";
import { startBotMatch } from "../../shared/sim/run";
import { ARTIFACTS, phone, shot } from "./browser";
import { serveClient } from "./serve";
import { send, sidewaysOverflow } from "./steps";

const env = serveClient();

async function projector(lang: "en" | "zh-CN"): Promise<Page> {
  const ctx = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: lang, acceptDownloads: true });
  await ctx.addInitScript({ content: "window.__name = (f) => f;" });
  await ctx.addInitScript((l) => localStorage.setItem("spikeday.lang", JSON.stringify(l)), lang);
  return ctx.newPage();
}

async function joinAs(page: Page, code: string, nickname: string, team: number): Promise<void> {
  await page.goto(`${env.base}/join/${code}`);
  await expect.poll(() => page.getByTestId("join-code").inputValue()).toBe(code);
  await page.getByTestId("join-nickname").fill(nickname);
  await page.getByTestId("join-submit").click();
  await page.getByTestId("lobby-view").waitFor();
  await page.getByTestId(`pick-team-${team}`).tap();
}

/** "$12,345" / "−$1,234" → dollars. */
const dollars = (text: string | null) => {
  const m = /(−?)\$([\d,]+)/.exec(text ?? "");
  if (!m) throw new Error(`no money in "${text}"`);
  return (m[1] ? -1 : 1) * Number(m[2].replace(/,/g, ""));
};

/** The money on one team's debrief agrees: its headline, the waterfall's last line, its row in the class table. */
async function moneyAgrees(page: Page, team: number): Promise<number> {
  const headline = dollars(await page.getByTestId(`debrief-team-${team}`).locator(".team-name").textContent());
  const total = dollars(await page.getByTestId(`debrief-money-${team}`).locator("tr.wf-total .wf-amount").textContent());
  const amounts = await page.getByTestId(`debrief-money-${team}`).locator("tbody tr:not(.wf-total) .wf-amount").allTextContents();
  const row = dollars(await page.getByTestId(`class-row-${team}`).locator("td").nth(1).textContent());
  expect(total).toBe(headline);
  expect(row).toBe(headline);
  expect(amounts.map(dollars).reduce((a, b) => a + b, 0)).toBe(headline);
  return headline;
}

/** The podium's reveal has played to its end (an animation, so awaited, not slept through). */
async function revealed(page: Page): Promise<void> {
  await page.getByTestId("podium").locator(".step").first().waitFor();
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

describe("the debrief in the browser", () => {
  it("plays Double-12 to its end, then the projector, two phones and the downloads", async () => {
    const host = await projector("en");
    await host.goto(env.base);
    await host.getByTestId("host-new").click();
    await host.getByTestId("room-code").waitFor();
    const code = (await host.getByTestId("room-code").textContent())!.trim();
    // The projector's window: the teacher's page opens it in the same browser (same host secret).
    const proj = await host.context().newPage();
    await proj.goto(`${env.base}/projector/${code}`);
    await proj.getByTestId("projector-page").waitFor();

    const { page: ann } = await phone(env.browser, "en");
    const { page: bo } = await phone(env.browser, "zh-CN");
    await joinAs(ann, code, "Ann", 0);
    await joinAs(bo, code, "小博", 1);
    await expect.poll(() => host.getByTestId("team-card-1").textContent()).toContain("小博");
    await host.getByTestId("host-bot-2").selectOption("containers-autoscale");
    await host.getByTestId("host-bot-3").selectOption("vm-preprovision");
    await host.getByTestId("host-tickrate").selectOption("4");
    await host.getByTestId("host-preset4").click();
    await expect.poll(() => host.getByTestId("host-current").textContent()).toMatch(/Double-12 midnight · 4×/);
    await host.getByTestId("host-start").click();
    await ann.getByTestId("briefing-view").waitFor();
    await host.getByTestId("bar-go").click();
    await ann.getByTestId("play-view").waitFor();

    // Alpha puts payments beside the portal (a shared kernel); Bravo keeps the database apart.
    await send(ann, "installLayer", { server: "s1", layer: "container-host" });
    await send(ann, "installLayer", { server: "s2", layer: "bare-linux" });
    await send(ann, "deploy", { target: "s1", app: "web" });
    await send(ann, "deploy", { target: "s1", app: "payment" });
    // A 4-core database: the default 8 would not fit beside the OS on a small server.
    await ann.getByTestId("cmd-action").selectOption("deploy");
    await ann.getByTestId("cmd-target").selectOption("s2");
    await ann.getByTestId("cmd-app").selectOption("db");
    await ann.getByTestId("cmd-cpu").fill("4000");
    await ann.getByTestId("cmd-submit").click();
    await expect.poll(() => ann.getByTestId("cmd-status").textContent(), { timeout: 10_000 }).toMatch(/Queued/);
    await send(bo, "installLayer", { server: "s3", layer: "container-host" });
    await send(bo, "deploy", { target: "s3", app: "web" });

    // The whole round, to its last minute (about 50 s at 4×).
    for (const p of [ann, bo, host]) await p.getByTestId("debrief-view").waitFor({ timeout: 150_000 });
    expect(await host.getByTestId("phase").textContent()).toBe("Round over");

    // The projector: the podium (students only), the bots apart, every team on one chart, the table.
    await proj.getByTestId("podium").waitFor();
    const podium = await proj.getByTestId("podium").textContent();
    expect(await proj.getByTestId("podium-apart").textContent()).toMatch(/containers-autoscale.*vm-preprovision|vm-preprovision.*containers-autoscale/);
    expect(podium).toMatch(/Alpha|Bravo/);
    expect(await proj.getByTestId("class-row-2").locator("td").first().textContent()).toBe("—");
    await revealed(proj); // third, second, first
    // The two bots' lines say they are bots; the students' do not.
    const legend = (await proj.getByTestId("class-chart").textContent()) ?? "";
    expect(legend.match(/\(bot\)/g)?.length).toBe(2);
    expect(legend).not.toMatch(/(Alpha|Bravo) \(bot\)/);
    await shot(proj, "debrief-projector-en");
    await proj.getByTestId("debrief-compare").scrollIntoViewIfNeeded();
    await shot(proj, "debrief-projector-table-en");

    // A team in the spotlight: its racks, money, cards and what-if, full screen; the packing card opens.
    await proj.getByTestId("spotlight-0").click();
    await proj.getByTestId("spotlight").waitFor();
    await expect.poll(() => proj.getByTestId("whatif-result-0").textContent(), { timeout: 20_000 }).toMatch(/Had containers with payments in VMs of their own run your datacenter from the start/);
    await moneyAgrees(proj, 0);
    const alphaScore = dollars(await proj.getByTestId("spotlight").locator(".team-name").textContent());
    expect(await proj.getByTestId("spotlight").getByTestId("card-compliance").textContent()).toMatch(/surcharge of 5 cents/);
    await shot(proj, "debrief-spotlight-en");
    await proj.getByTestId("spotlight").getByTestId("packing-details").locator("summary").click();
    await expect.poll(() => proj.getByTestId("spotlight").getByTestId("packing-details").getAttribute("open")).not.toBeNull();
    await shot(proj, "debrief-spotlight-cards-en");
    await proj.keyboard.press("Escape");
    await expect.poll(() => proj.getByTestId("spotlight").count()).toBe(0);

    // The class summary, one PNG page.
    const download = proj.waitForEvent("download");
    await proj.getByTestId("download-summary").first().click();
    const png = await download;
    expect(png.suggestedFilename()).toBe("spikeday-round1-class.png");
    await png.saveAs(`${ARTIFACTS}debrief-summary.png`);
    expect(readFileSync(`${ARTIFACTS}debrief-summary.png`).subarray(1, 4).toString()).toBe("PNG");

    // The same in Chinese.
    await proj.getByTestId("lang-switch").selectOption("zh-CN");
    await expect.poll(() => proj.getByTestId("podium").textContent()).toMatch(/领奖台/);
    await proj.getByTestId("podium-reveal").click();
    await revealed(proj);
    await shot(proj, "debrief-projector-zh");
    expect(await proj.getByTestId("projector").innerText()).not.toMatch(/\{\{|\}\}|undefined|NaN|\b(?:debrief|card)\.[a-zA-Z]/);

    // Students: their own team first, every money figure agreeing, the what-if and the packing card.
    for (const [page, team, lang] of [[ann, 0, "en"], [bo, 1, "zh"]] as const) {
      await expect.poll(() => page.getByTestId(`whatif-result-${team}`).locator("[data-testid=card-what-if]").count(), { timeout: 20_000 }).toBe(1);
      const first = await page.getByTestId("debrief-view").locator("section.team-debrief").first().getAttribute("data-testid");
      expect(first).toBe(`debrief-team-${team}`);
      const score = await moneyAgrees(page, team);
      // The top bar's score (cash plus what the servers would sell for) is the debrief's.
      expect(dollars(/(?:Score|得分)\s*(−?\$[\d,]+)/.exec((await page.getByTestId("status-cash").textContent()) ?? "")?.[1] ?? null)).toBe(score);
      if (team === 0) expect(score).toBe(alphaScore);
      await page.getByTestId(`debrief-cards-${team}`).getByTestId("packing-details").locator("summary").tap();
      await shot(page, `debrief-phone-${lang}`, true);
      // Every sentence filled in, in the page's language: no placeholder, no missing key.
      expect(await page.getByTestId("debrief-view").innerText()).not.toMatch(/\{\{|\}\}|undefined|NaN|\b(?:debrief|card)\.[a-zA-Z]/);
      expect(await sidewaysOverflow(page)).toBe(0);
    }
    expect(await ann.getByTestId("card-spike").textContent()).toMatch(/When the spike hit at 00:0\d/);
    expect(await bo.getByTestId("card-spike").textContent()).toMatch(/高峰在 00:0\d 到来/);
    // A card names a strategy, never its bot id, in Chinese as in English (the picker keeps the id).
    for (const [page, team] of [[ann, 0], [bo, 1]] as const) {
      expect(await page.getByTestId(`debrief-team-${team}`).locator("article.card").allInnerTexts()).not.toContainEqual(expect.stringMatching(/hybrid-isolate-payment|containers-reactive|containers-autoscale|vm-preprovision/));
    }

    // Another what-if: a strategy and a minute of the student's choosing.
    await ann.getByTestId("whatif-bot-0").selectOption("containers-reactive");
    await ann.getByTestId("whatif-from-0").selectOption({ label: "23:30" });
    await ann.getByTestId("whatif-run-0").tap();
    await expect.poll(() => ann.getByTestId("whatif-result-0").textContent(), { timeout: 20_000 }).toMatch(/Had reactive containers taken over your datacenter at 23:30/);
    const ms = Number(/(\d+) ms/.exec((await ann.getByTestId("whatif-ms-0").textContent()) ?? "")?.[1]);
    expect(ms).toBeGreaterThanOrEqual(0);
    await ann.getByTestId("whatif-chart-0").scrollIntoViewIfNeeded();
    await shot(ann, "debrief-whatif-phone-en");

    // The team's own debrief to keep.
    const mine = bo.waitForEvent("download");
    await bo.getByTestId("download-team-1").tap();
    const teamPng = await mine;
    await teamPng.saveAs(`${ARTIFACTS}debrief-team-zh.png`);
    expect(readFileSync(`${ARTIFACTS}debrief-team-zh.png`).subarray(1, 4).toString()).toBe("PNG");
  });

  it("overlays a what-if on a match log in the replay viewer", async () => {
    const bots = ["containers-autoscale", "vm-preprovision", "bare-metal", "idle"];
    const log = playLogged(startBotMatch("exam-morning", bots, 5), bots, "2026-01-01T00:00:00.000Z");
    const page = await projector("en");
    await page.goto(`${env.base}/replay`);
    await page.getByTestId("replay-file").setInputFiles({ name: "round.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(log)) });
    await page.getByTestId("replay-verdict").waitFor({ state: "attached" }); // folded under Technical details when verified
    await page.getByTestId("replay-whatif-team").selectOption("3");
    await page.getByTestId("replay-whatif").click();
    await expect.poll(() => page.getByTestId("whatif-result-3").textContent(), { timeout: 20_000 }).toMatch(/Had reactive containers .* more requests/);
    await page.getByTestId("whatif-chart-3").scrollIntoViewIfNeeded();
    await shot(page, "replay-whatif");
  });
});
