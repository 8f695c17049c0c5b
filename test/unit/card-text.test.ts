/**
 * The cards' words: every sentence a rule can say exists in English and in Chinese, every card has
 * a title and a question in both, and on whole bot rounds every card reads as a finished sentence
 * in both languages (no placeholder left, no "undefined", no NaN).
 */
import { describe, expect, it } from "vitest";
import { CARD_IDS, cardText, formatValue, type CardFormat } from "../../shared/debrief/card";
import { teamCards } from "../../shared/debrief/cards";
import { CARD_TEXT, STRATEGY_NAMES, fillSentence } from "../../shared/debrief/text";
import { BOT_NAMES } from "../../shared/bots/names";
import { WHAT_IF_BOTS, defaultWhatIf, whatIf, whatIfCard, whatIfSource } from "../../shared/debrief/whatif";
import { botRound } from "./support/rounds";

const plain: CardFormat = {
  number: (n) => String(n), money: (c) => `$${Math.round(c / 100)}`, clock: (t) => `t${t}`, app: String, model: String, bot: String,
  list: (xs) => xs.join(", "),
};

describe("card text", () => {
  it("has the same sentences in English and Chinese, and a title and a question for every card", () => {
    expect(Object.keys(CARD_TEXT["zh-CN"]).sort()).toEqual(Object.keys(CARD_TEXT.en).sort());
    for (const id of CARD_IDS) {
      for (const lang of ["en", "zh-CN"] as const) {
        expect(CARD_TEXT[lang][`${id}-title`], `${lang} ${id}-title`).toBeTruthy();
        expect(CARD_TEXT[lang][`${id}-q`], `${lang} ${id}-q`).toMatch(/[?？]$/);
      }
    }
    // Every strategy a card can name has a name in both languages.
    for (const lang of ["en", "zh-CN"] as const) for (const b of WHAT_IF_BOTS) expect(STRATEGY_NAMES[lang][b], `${lang} ${b}`).toBeTruthy();
    // Chinese needs no plural forms; a plural in English names a parameter the sentence has.
    for (const [key, text] of Object.entries(CARD_TEXT["zh-CN"])) expect(text, key).not.toMatch(/\{\{\w+\|/);
  });

  it("never shows something small as nothing: a share or a core count above zero reads as less than the last digit", () => {
    expect(formatValue({ bp: 3 }, plain)).toBe("<0.1%");
    expect(formatValue({ bp: 0 }, plain)).toBe("0%");
    expect(formatValue({ bp: 250 }, plain)).toBe("2.5%");
    expect(formatValue({ pct: 0.3 }, plain)).toBe("<1%");
    expect(formatValue({ pct: 0 }, plain)).toBe("0%");
    expect(formatValue({ pct: 12.6 }, plain)).toBe("13%");
    expect(formatValue({ cores: 20 }, plain)).toBe("<0.1");
    expect(formatValue({ cores: 0 }, plain)).toBe("0");
    expect(formatValue({ cores: 3_740 }, plain)).toBe("3.7");
  });

  it("fills values and picks singular or plural by the number", () => {
    const t = "{{n}} {{n|leak|leaks}} hit {{m}}";
    expect(fillSentence(t, { n: "1", m: "2" }, { n: 1 })).toBe("1 leak hit 2");
    expect(fillSentence(t, { n: "3", m: "2" }, { n: 3 })).toBe("3 leaks hit 2");
  });

  it("reads as finished sentences on whole rounds of every scenario, in both languages", () => {
    const rounds = [
      botRound("old-era", ["one-app-per-server", "shared-os", "random"], 2),
      botRound("exam-morning", ["containers-reactive", "vm-preprovision", "vm-type2", "bare-metal", "idle"], 2),
      botRound("double-12", ["hybrid-isolate-payment", "containers-autoscale", "vm-preprovision"], 2),
      botRound("free-play", ["containers-autoscale", "vm-consolidate", "random"], 2, { scriptedIncidents: true }),
    ];
    const seen = new Set<string>();
    for (const { report } of rounds) {
      report.teams.forEach((_, team) => {
        const spec = defaultWhatIf(report, team);
        const w = spec ? whatIfCard(report, whatIf(whatIfSource(report), spec, report.series.teams[team])) : null;
        for (const card of teamCards(report, team, w)) {
          seen.add(card.id);
          for (const lang of ["en", "zh-CN"] as const) {
            for (const key of card.says) expect(CARD_TEXT[lang][`${card.id}-${key}`], `${lang} ${card.id}-${key}`).toBeTruthy();
            const text = cardText(card, { ...plain, bot: (b) => STRATEGY_NAMES[lang][b] ?? b }, lang);
            const all = `${text.title} ${text.body} ${text.question}`;
            expect(all, `${lang} ${card.id}`).not.toMatch(/\{\{|\}\}|undefined|NaN|null/);
            // No bot id in any language (idle and random are words a sentence may use).
            for (const id of BOT_NAMES) if (id.includes("-")) expect(all, `${lang} ${card.id}`).not.toContain(id);
          }
        }
      });
    }
    // Most cards show up on these rounds (the rest have their scripted rounds in cards.test.ts).
    expect(seen.size).toBeGreaterThanOrEqual(16);
  });
});
