/**
 * The rules explained where they bite, and a round's busiest moments for every student (issues 11
 * and 14, the students' side), on an 820×1180 tablet in English and a 390×844 phone in Chinese:
 * Grades says it serves nothing until the database runs; the database's unanswered queries are
 * said in words, never a bare bracketed number; CPU and memory are in cores and GiB (no "m" that
 * reads as metres); a server's details list what runs on it and its rules; everything is in the
 * page's language. Then the spike at its worst — an incident and a teacher's message on the
 * banner, a refusal on screen — passes axe; the failure page opens only when asked and closes by
 * itself when the round ends. A teammate (colyseus.js) builds while the student watches.
 * Screenshots in test/artifacts/ (looked at), axe reports in test/artifacts/axe/.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Cast, expectOk, hostSession, startRound, waitFor } from "../integration/harness";
import { expectAccessible } from "./axe";
import { device, shot, type SizeName } from "./browser";
import { serveClient } from "./serve";
import { sidewaysOverflow } from "./steps";

const env = serveClient();
const cast = new Cast();
afterAll(() => cast.closeAll());

const WORDS = {
  en: { needs: /serves nothing until MySQL database runs/, unanswered: /queries unanswered/, cores: /8 cores/, running: /Running here/, rule: /asks MySQL database \d+ times/ },
  "zh-CN": { needs: /在 MySQL 数据库 运行之前无法提供服务/, unanswered: /个查询未应答/, cores: /8 核/, running: /在这里运行的/, rule: /查询 MySQL 数据库 \d+ 次/ },
} as const;

/** Latin words that would mean a label was left untranslated on a Chinese page. */
const ENGLISH_LEFT = /\b(cores|free|Empty|Running|Install|Deploy|Served|Dropped|Demand|Capacity|minute|booting)\b/;

describe("the rules where they bite, and the spike at its worst", () => {
  for (const [lang, size] of [["en", "tablet"], ["zh-CN", "phone"]] as const) {
    it(`explains dependencies, units and what runs where; the failure page waits to be asked (${lang}, ${size})`, async () => {
      const words = WORDS[lang];
      const s = await hostSession(env.base, cast);
      expectOk(await s.host.host({ type: "configure", scenario: "exam-morning", tickRate: 4 }));
      const { ctx, page } = await device(env.browser, size as SizeName, lang);
      await page.goto(`${env.base}/join/${s.code}`);
      await page.getByTestId("join-nickname").fill(`Rui${size}`);
      await page.getByTestId("join-submit").click();
      await page.getByTestId("pick-team-0").click();
      const mate = await cast.join(env.base, s.code, { nickname: `Mate${size}` });
      expectOk(await mate.chooseTeam(0));
      await waitFor(() => s.host.state.seats.get(String(mate.welcome.seat))?.team === 0);
      await startRound(s.host, [mate]);
      await page.getByTestId("play-view").waitFor();

      // A teammate puts the portal and Grades on a container host; no database yet.
      expectOk(await mate.command({ type: "installLayer", server: "s1", layer: "container-host" }));
      await waitFor(() => {
        const s1 = mate.dc(0)?.servers.find((x) => x.id === "s1");
        return s1 && s1.layer === "container-host" && s1.layerReadyAt <= mate.state.tick;
      }, 60_000);
      expectOk(await mate.command({ type: "deploy", target: "s1", app: "web" }));
      expectOk(await mate.command({ type: "deploy", target: "s1", app: "grades" }));
      const grades = await waitFor(() => mate.dc(0)?.instances.find((i) => i.app === "grades"), 30_000);

      // Grades waits for the database, in words, in its row.
      await expect.poll(() => page.getByTestId("app-needs-grades").textContent(), { timeout: 30_000 }).toMatch(words.needs);
      // The database's shortfall is named, and no figure in the table stands alone in brackets.
      await expect.poll(() => page.getByTestId("app-row-db").textContent(), { timeout: 30_000 }).toMatch(words.unanswered);
      expect(await page.getByTestId("apps-table").textContent()).not.toMatch(/\(\d+\)/);
      expect(await page.getByTestId("apps-table").locator("thead").textContent()).toMatch(lang === "en" ? /Demand\/min/ : /需求/);

      // Units written out: cores and GiB in the list and the catalogue, never millicores as "m".
      const listText = (await page.getByTestId("dc-item-s1").textContent())!;
      expect(listText).toMatch(words.cores);
      expect(listText).toMatch(/GiB/);
      expect(listText).not.toMatch(/\d\s?m\b/);
      // The server's details list what runs on it, and the rules there.
      await page.getByTestId("dc-item-s1").click();
      await page.getByTestId("selection").waitFor();
      await expect.poll(() => page.getByTestId("selection-contents").textContent()).toMatch(lang === "en" ? /Portal/ : /门户/);
      expect(await page.getByTestId("selection-contents").textContent()).toMatch(/Grades|成绩/);
      expect(await page.getByTestId("selection").textContent()).toMatch(words.running);
      // Grades' own details say why it serves nothing.
      await page.getByTestId(`dc-item-${grades.id}`).click();
      await expect.poll(() => page.getByTestId("selection-rules").textContent()).toMatch(words.rule);
      if (lang === "zh-CN") {
        for (const id of ["selection", "apps-table", "dc-item-s1", "kpis"]) {
          const text = (await page.getByTestId(id).textContent()) ?? "";
          expect(text, `${id} in Chinese`).not.toMatch(ENGLISH_LEFT);
        }
      }
      expect(await sidewaysOverflow(page)).toBe(0);
      await shot(page, `rules-details-${lang}-${size}`);

      // The worst moment: failing hardware on the banner, a refusal on screen, then the teacher's message.
      expectOk(await s.host.host({ type: "incident", kind: "hardware", team: 0, server: "s2" }));
      await page.getByTestId("banner-incident").waitFor();
      await page.getByTestId("cmd-action").selectOption("createVm");
      await page.getByTestId("cmd-server").selectOption("s1");
      await page.getByTestId("cmd-submit").click();
      await page.getByTestId("toast-bad").waitFor();
      expect(await page.getByTestId("toast-bad").textContent()).toMatch(lang === "en" ? /[a-z]{3}/ : /[\u4e00-\u9fff]/);
      await expectAccessible(page, `play-incident-${lang}-${size}`);
      await shot(page, `rules-incident-${lang}-${size}`);
      expectOk(await s.host.host({ type: "message", text: lang === "en" ? "Check your database" : "看看你们的数据库", team: null }));
      await expect.poll(() => page.getByTestId("banners").textContent()).toMatch(lang === "en" ? /Check your database/ : /看看你们的数据库/);
      await expectAccessible(page, `play-message-${lang}-${size}`, "[data-testid=banners]");

      // Users turned away: the page is offered, not opened.
      await expect.poll(() => page.getByTestId("portal-warning").isVisible(), { timeout: 60_000 }).toBe(true);
      expect(await page.getByTestId("failure-page").count()).toBe(0);
      await page.getByTestId("portal-warning").click();
      await page.getByTestId("failure-page").waitFor();
      await expectAccessible(page, `failure-dialog-${lang}-${size}`);
      await shot(page, `rules-failure-${lang}-${size}`);
      // Left open, it closes with the round, and the debrief is not hidden under it.
      expectOk(await s.host.host({ type: "endRound" }));
      await page.getByTestId("debrief-view").waitFor();
      expect(await page.getByTestId("failure-page").count()).toBe(0);
      expect(await page.evaluate(() => document.querySelectorAll("dialog[open]").length)).toBe(0);
      await ctx.close();
    });
  }
});
