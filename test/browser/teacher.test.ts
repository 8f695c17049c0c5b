/**
 * The teacher's side of a lesson (issues 11 and 14) in Chromium, in English and Chinese: the
 * teacher's laptop at 1366×768 and the projector's window at 1920×1080 (opened from the laptop in
 * the same browser). The projector has no controls; its room code, link and QR read from the back
 * of the room; names pop into the lobby; 3-2-1 before the clock; incidents in sentences; every team's
 * chart on one scale, each chart and map with a text alternative, its numbers agreeing with the
 * standings; why the clock stopped; the podium at the end. The laptop: join link from the server's
 * reachable address, who is still choosing, Pause/End round keeping focus across ticks, End round /
 * End session / Kick confirmed in a modal (Cancel focused, Escape cancels), a freeze for discussion,
 * extra time for one student, who is idle per team and per student. axe-core on every screen and
 * state (0 serious/critical). Students are colyseus.js clients. Screenshots in test/artifacts/.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { Cast, expectOk } from "../integration/harness";
import { expectAccessible } from "./axe";
import { device, shot } from "./browser";
import { serveClient } from "./serve";

const env = serveClient();
const cast = new Cast();
afterAll(() => cast.closeAll());

const PROJECTOR = { width: 1920, height: 1080 };
/** How long a page may take to show what the server did, on a busy machine (the default poll gives up after 1 s). */
const WAIT = { timeout: 15_000 };

/** The testid of the focused element. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName ?? "");

/** Waits until the teacher's top-bar clock has moved on `n` times (each a redraw of the whole page). */
async function clockTicks(page: Page, n: number): Promise<void> {
  let last = await page.getByTestId("clock").textContent();
  for (let i = 0; i < n; i++) {
    await expect.poll(() => page.getByTestId("clock").textContent(), { timeout: 30_000 }).not.toBe(last);
    last = await page.getByTestId("clock").textContent();
  }
}

/** "1,234" → 1234 (numbers as the page prints them). */
const num = (s: string) => Number(s.replace(/[^\d]/g, ""));

const TEXT = {
  en: {
    students: /3 students have joined/, choosing: /Still choosing a team.*Eve/, countdown: /The clock starts in/,
    incident: /Alpha: server s\d+ died/, frozen: /Clock stopped for a discussion: teams can keep building/,
    hold: /extra time/, idle: /Idle for \d:\d\d/, idleTeam: /1 idle/, acted: /ago · \d+ actions?/,
    quick: { pause: "Pause", freeze: "Freeze: keep building", endRound: "End round" }, soundOn: "Sound on",
    chart: /^(.+?), requests a minute: ([\d,]+) served and ([\d,]+) turned away in the last minute; the worst minute turned ([\d,]+) away/,
    map: /^Datacenter of Alpha: \d+ servers?/, podium: /Podium/,
  },
  "zh-CN": {
    students: /已有 3 名学生加入/, choosing: /还在选择队伍.*Eve/, countdown: /时钟即将开始/,
    incident: /Alpha：服务器 s\d+ 坏了/, frozen: /时钟停下来讨论：各队可以继续搭建/,
    hold: /额外时间/, idle: /已空闲 \d:\d\d/, idleTeam: /1 人空闲/, acted: /前操作过 · \d+ 次操作/,
    quick: { pause: "暂停", freeze: "冻结：继续搭建", endRound: "结束本轮" }, soundOn: "声音：开",
    chart: /^(.+?)，每分钟请求：上一分钟处理 ([\d,]+) 个、拒绝 ([\d,]+) 个；最糟的一分钟在 [\d:]+，拒绝了 ([\d,]+) 个/,
    map: /^Alpha 的数据中心：\d+ 台服务器/, podium: /领奖台/,
  },
} as const;

describe("the teacher's laptop and the projector", () => {
  for (const lang of ["en", "zh-CN"] as const) {
    it(`a round from the lobby to the podium (${lang})`, async () => {
      const say = TEXT[lang];
      const { ctx, page: teacher } = await device(env.browser, "laptop", lang);
      await teacher.goto(env.base);
      await teacher.getByTestId("host-new").click();
      await teacher.getByTestId("room-code").waitFor();
      const code = (await teacher.getByTestId("room-code").textContent())!.trim();

      // The join link is built from where the server says students reach it, not from this browser's address.
      const links = (await (await fetch(`${env.base}/api/links`)).json()) as { base: string };
      await expect.poll(() => teacher.getByTestId("join-url").textContent(), WAIT).toBe(`${links.base.replace(/^https?:\/\//, "")}/join/${code}`);
      await expect.poll(() => teacher.getByTestId("join-qr").getAttribute("src"), WAIT).toMatch(/^data:image\/png/);

      // The projector's window: same browser (the host secret), no controls, big type.
      const href = await teacher.getByTestId("open-projector").getAttribute("href");
      expect(href).toBe(`/projector/${code}`);
      const proj = await ctx.newPage();
      await proj.setViewportSize(PROJECTOR);
      await proj.goto(`${env.base}${href}`);
      await proj.getByTestId("projector-page").waitFor();
      await expect.poll(() => proj.getByTestId("join-qr").getAttribute("src"), WAIT).toMatch(/^data:image\/png/);
      const codeBox = (await proj.getByTestId("room-code").boundingBox())!;
      expect(codeBox.width).toBeGreaterThanOrEqual(0.1 * PROJECTOR.width);
      expect(codeBox.height).toBeGreaterThanOrEqual(100);
      expect((await proj.getByTestId("join-qr").boundingBox())!.width).toBeGreaterThanOrEqual(400);
      expect(await proj.getByTestId("join-url").evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(40);
      // Sound is there, and off until the teacher turns it on; no other button on the projector.
      expect(await proj.locator("button:visible").evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")))).toEqual(["sound-toggle"]);
      expect(await proj.getByTestId("sound-toggle").getAttribute("aria-pressed")).toBe("false");

      // Students arrive: each name pops into its team; one is still choosing.
      const ann = await cast.join(env.base, code, { nickname: "Ann" });
      expectOk(await ann.chooseTeam(0));
      const bo = await cast.join(env.base, code, { nickname: "小博" });
      expectOk(await bo.chooseTeam(1));
      await cast.join(env.base, code, { nickname: "Eve" });
      await expect.poll(() => proj.getByTestId("lobby-count").textContent(), WAIT).toMatch(say.students);
      await expect.poll(() => proj.getByTestId("team-card-1").locator("li.pop").textContent(), WAIT).toBe("小博");
      await expect.poll(() => proj.getByTestId("lobby-teams").textContent(), WAIT).toMatch(say.choosing);
      await expect.poll(() => teacher.getByTestId("host-lobby").textContent(), WAIT).toMatch(say.choosing);
      await expectAccessible(proj, `projector-lobby-${lang}`);
      await shot(proj, `projector-lobby-${lang}`);

      // Bots for the empty teams, a brisk speed (applied at once), then Start round from the top bar.
      await teacher.getByTestId("host-bot-2").selectOption("containers-autoscale");
      await teacher.getByTestId("host-bot-3").selectOption("vm-preprovision");
      await teacher.getByTestId("host-tickrate").selectOption("2");
      await expect.poll(() => teacher.getByTestId("host-current").textContent(), WAIT).toMatch(/2×/);
      await expectAccessible(teacher, `host-lobby-${lang}`);
      await shot(teacher, `host-lobby-${lang}`);
      await teacher.getByTestId("bar-start").click();
      await proj.getByTestId("briefing-view").waitFor();
      await expectAccessible(proj, `projector-briefing-${lang}`);

      // 3-2-1 over everything, on the projector, before the clock runs.
      await teacher.getByTestId("bar-go").click();
      await expect.poll(() => proj.getByTestId("countdown").isVisible(), WAIT).toBe(true);
      expect(await proj.getByTestId("countdown").textContent()).toMatch(say.countdown);
      expect(await proj.getByTestId("countdown-number").textContent()).toMatch(/^[123]$/);
      await shot(proj, `projector-countdown-${lang}`);
      await expect.poll(() => proj.getByTestId("countdown").isVisible(), { timeout: 15_000 }).toBe(false);
      await proj.getByTestId("host-clock").waitFor();

      // Alpha builds; Bravo's student does nothing.
      expectOk(await ann.command({ type: "installLayer", server: "s1", layer: "container-host" }));
      expectOk(await ann.command({ type: "deploy", target: "s1", app: "web" }));

      // Pause and End round keep the keyboard's focus while the clock redraws the bar.
      await teacher.getByTestId("bar-pause").focus();
      await clockTicks(teacher, 2);
      expect(await focused(teacher)).toBe("bar-pause");
      await teacher.getByTestId("bar-endround").focus();
      await clockTicks(teacher, 1);
      expect(await focused(teacher)).toBe("bar-endround");
      // The quick bar speaks the page's language.
      expect(await teacher.getByTestId("bar-pause").textContent()).toBe(say.quick.pause);
      expect(await teacher.getByTestId("bar-freeze").textContent()).toBe(say.quick.freeze);
      expect(await teacher.getByTestId("bar-endround").textContent()).toBe(say.quick.endRound);

      // An incident, said as a sentence on the projector (not "Hardware failure · 2").
      await teacher.getByTestId("host-incident-kind").selectOption("hardware");
      await teacher.getByTestId("host-incident-team").selectOption("0");
      await teacher.getByTestId("host-incident-fire").click();
      await expect.poll(() => proj.getByTestId("board-banners").textContent(), { timeout: 20_000 }).toMatch(say.incident);
      expect(await proj.getByTestId("board-banners").textContent()).not.toMatch(/· \d/);

      // Who is idle: Bravo's student has not acted for the threshold (30 s of running clock); Ann has.
      await teacher.getByTestId("idle-after").selectOption("30");
      const annRow = teacher.getByTestId(`class-student-${ann.welcome.seat}`);
      const boRow = teacher.getByTestId(`class-student-${bo.welcome.seat}`);
      await expect.poll(() => annRow.textContent(), { timeout: 20_000 }).toMatch(say.acted);
      await expect.poll(() => boRow.textContent(), { timeout: 60_000 }).toMatch(say.idle);
      expect(await boRow.getAttribute("class")).toMatch(/is-idle/);
      expect(await teacher.getByTestId("class-team-1").textContent()).toMatch(say.idleTeam);

      // Freeze for a discussion: the projector says so; nothing moves, so its numbers can be checked.
      await teacher.getByTestId("bar-freeze").click();
      await expect.poll(() => proj.getByTestId("clock-stopped").textContent(), WAIT).toMatch(say.frozen);
      await clockSettled(proj, teacher);
      await numbersAgree(proj, teacher, say.chart, say.map);
      await expectAccessible(proj, `projector-frozen-${lang}`);
      await expectAccessible(teacher, `host-playing-${lang}`);
      await shot(proj, `projector-frozen-${lang}`);
      await teacher.evaluate(() => window.scrollTo(0, 0));
      await shot(teacher, `host-frozen-${lang}`);
      await teacher.getByTestId("bar-resume").click();
      await expect.poll(() => proj.getByTestId("clock-stopped").isVisible(), WAIT).toBe(false);

      // Extra time for one student: the clock stops for the rest, and the projector says why.
      await teacher.getByTestId(`extra-seat-${bo.welcome.seat}`).click();
      await expect.poll(() => proj.getByTestId("clock-stopped").textContent(), WAIT).toMatch(say.hold);
      await expect.poll(() => bo.state.phase, WAIT).toBe("frozen");
      await teacher.getByTestId("bar-resume").click();
      await expect.poll(() => bo.state.phase, WAIT).toBe("playing");

      // Kick and End session ask first; Cancel (focused) changes nothing.
      await teacher.getByTestId(`host-kick-${bo.welcome.seat}`).click();
      await teacher.getByTestId("confirm-kick").waitFor();
      expect(await focused(teacher)).toBe("confirm-kick-no");
      await teacher.getByTestId("confirm-kick-no").click();
      await teacher.getByTestId("host-endsession").click();
      await teacher.getByTestId("confirm-endsession").waitFor();
      await teacher.keyboard.press("Escape");
      await expect.poll(() => teacher.getByTestId("confirm-endsession").count(), WAIT).toBe(0);

      // End round: a modal with Cancel focused; Escape keeps the round; the focus comes back.
      await teacher.getByTestId("bar-endround").click();
      await teacher.getByTestId("confirm-endround").waitFor();
      expect(await focused(teacher)).toBe("confirm-endround-no");
      await expectAccessible(teacher, `host-confirm-${lang}`);
      await shot(teacher, `host-confirm-${lang}`);
      await teacher.keyboard.press("Escape");
      await expect.poll(() => teacher.getByTestId("confirm-endround").count(), WAIT).toBe(0);
      expect(await focused(teacher)).toBe("bar-endround");
      expect(bo.state.phase).toBe("playing");
      expect(bo.leftWith).toBeUndefined();
      await teacher.getByTestId("bar-endround").click();
      await teacher.getByTestId("confirm-endround-yes").click();

      // The podium on the projector, then sound turned on there.
      await proj.getByTestId("podium").waitFor({ timeout: 30_000 });
      expect(await proj.getByTestId("podium").textContent()).toMatch(say.podium);
      await proj.getByTestId("podium").locator(".step").first().waitFor();
      await proj.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      await expectAccessible(proj, `projector-podium-${lang}`);
      await shot(proj, `projector-podium-${lang}`);
      await proj.getByTestId("sound-toggle").click();
      expect(await proj.getByTestId("sound-toggle").getAttribute("aria-pressed")).toBe("true");
      expect(await proj.getByTestId("sound-toggle").textContent()).toBe(say.soundOn);
      await teacher.getByTestId("debrief-view").waitFor();
      await expectAccessible(teacher, `host-over-${lang}`);
      await ctx.close();
    });
  }
});

/** The projector has drawn the minute the clock stopped at: its clock reads what the teacher's does. */
async function clockSettled(proj: Page, teacher: Page): Promise<void> {
  await expect.poll(async () => (await proj.getByTestId("host-clock").textContent()) === (await teacher.getByTestId("clock").textContent()), WAIT).toBe(true);
}

/**
 * Every number about a team agrees: the chart's words (its text alternative) with the standings'
 * dropped a minute, the shared scale above every value drawn, each map described, and the scores on
 * the projector with those on the teacher's class panel.
 */
async function numbersAgree(proj: Page, teacher: Page, chart: RegExp, map: RegExp): Promise<void> {
  const ymax = num((await proj.getByTestId("team-tile-0").locator("xpath=..").getAttribute("data-ymax"))!);
  expect(await proj.getByTestId("chart-scale").textContent()).toContain(ymax.toLocaleString());
  for (let team = 0; team < 4; team++) {
    expect(await proj.getByTestId(`chart-${team}`).getAttribute("role")).toBe("img");
    expect(await proj.getByTestId(`minimap-${team}`).getAttribute("role")).toBe("img");
    const label = (await proj.getByTestId(`chart-${team}`).getAttribute("aria-label"))!;
    const row = proj.getByTestId(`leader-row-${team}`).locator("td");
    const dropped = num((await row.last().textContent())!);
    const score = (await proj.getByTestId(`leader-score-${team}`).textContent())!;
    expect(await teacher.getByTestId(`class-team-${team}`).locator("td").first().textContent()).toBe(score);
    const words = chart.exec(label);
    expect(words, label).not.toBeNull();
    const [name, served, lastDropped, worst] = [words![1], num(words![2]), num(words![3]), num(words![4])];
    expect(await proj.getByTestId(`leader-row-${team}`).locator("th").textContent()).toContain(name);
    expect(lastDropped).toBe(dropped);
    expect(Math.max(served, lastDropped, worst)).toBeLessThanOrEqual(ymax);
  }
  // The bots (teams 2 and 3) stand apart in the standings as in the debrief: no place among the class.
  for (const team of [2, 3]) expect(await proj.getByTestId(`leader-rank-${team}`).textContent()).toBe("—");
  expect([await proj.getByTestId("leader-rank-0").textContent(), await proj.getByTestId("leader-rank-1").textContent()].sort()).toEqual(["1", "2"]);
  expect(await proj.getByTestId("minimap-0").getAttribute("aria-label")).toMatch(map);
  expect(await proj.getByTestId("minimap-text-0").textContent()).toBe(
    (await proj.getByTestId("minimap-0").getAttribute("aria-label"))!.replace(/^[^:：]*[:：]\s?/, ""));
}
