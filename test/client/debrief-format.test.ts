/**
 * The debrief page's card text in both languages: a card names a strategy as the class reads it,
 * never by its bot id (the Chinese what-if card said `hybrid-isolate-payment`), and the what-if's
 * picker still shows the id beside the name so a teacher can find it in `sim`.
 */
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../../client/src/i18n/en";
import { zh } from "../../client/src/i18n/zh";
import { setLang } from "../../client/src/i18n";
import { strategyName, textOf } from "../../client/src/ui/debrief/format";
import type { Card } from "../../shared/debrief/card";
import { BOT_NAMES } from "../../shared/bots/names";
import { WHAT_IF_BOTS } from "../../shared/debrief/whatifSpec";

const card = (bot: string): Card => ({
  id: "what-if", says: ["intro-start", "served-more", "score-better"], cost: null,
  params: {
    bot: { bot }, at: { tick: 0 }, served: 1200, availability: { bp: 9900 }, actualAvailability: { bp: 9500 },
    score: { cents: 5_000_000 }, actualScore: { cents: 4_000_000 }, delta: { cents: 1_000_000 },
  },
});

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await i18next.init({ lng: "en", resources: { en: { translation: en }, "zh-CN": { translation: zh } }, interpolation: { escapeValue: false } });
});

describe("a card names strategies, not bot ids", () => {
  it.each(["en", "zh-CN"] as const)("in %s", async (lang) => {
    await setLang(lang);
    for (const bot of WHAT_IF_BOTS) {
      const text = textOf(card(bot), { startMinute: 360 });
      const all = `${text.title} ${text.body} ${text.question}`;
      for (const id of BOT_NAMES) if (id.includes("-")) expect(all, `${lang} ${bot}`).not.toContain(id);
      expect(all).not.toContain(bot);
    }
    // The picker keeps the id, to find the strategy in the simulator.
    expect(strategyName("hybrid-isolate-payment")).toContain("(hybrid-isolate-payment)");
  });
});
