/**
 * Issue 19, the question bank: the shipped bank is sound (every concept asked at least twice, in
 * both languages, one correct option each, the right answer not given away by its length), and a
 * broken bank has every problem named on a line of its own.
 */
import { describe, expect, it } from "vitest";
import raw from "../../shared/concepts/bank.json";
import { checkBank } from "../../shared/concepts/check";
import { CONCEPT_IDS, CONCEPT_TITLES, DEFAULT_CHECK } from "../../shared/concepts/concepts";
import { SHIPPED_BANK } from "../../shared/concepts/shipped";
import { CARD_IDS } from "../../shared/debrief/card";

type RawBank = { questions: Record<string, unknown>[] };
const copy = (): RawBank => structuredClone(raw) as unknown as RawBank;

describe("the shipped question bank", () => {
  it("has no problem", () => {
    expect(checkBank(raw)).toEqual([]);
  });

  it("asks about every concept at least twice, each question in English and Chinese with one correct option", () => {
    for (const c of CONCEPT_IDS) {
      const qs = SHIPPED_BANK.of(c);
      expect(qs.length, c).toBeGreaterThanOrEqual(2);
      for (const q of qs) {
        expect(q.options.filter((o) => o.correct)).toHaveLength(1);
        expect(q.stem.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(q.explain.en.length).toBeGreaterThan(20);
      }
    }
    // A check is one question per concept before, and another one after: the default check can take both.
    for (const c of DEFAULT_CHECK) expect(SHIPPED_BANK.forCheck(c, "post", "other")?.id).not.toBe(SHIPPED_BANK.forCheck(c, "pre", "other")?.id);
  });

  it("uses the debrief's card ids for concepts a card explains (a card opens the questions on its concept)", () => {
    const noCardYet = ["para-full", "volume", "registry", "hw-assist"];
    for (const c of CONCEPT_IDS) expect(CARD_IDS.includes(c as never) || noCardYet.includes(c), c).toBe(true);
    for (const c of CONCEPT_IDS) expect(CONCEPT_TITLES[c].zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("does not give the answer away: the correct option is not the longest one more often than chance would make it", () => {
    // Display width: a Chinese character is as wide as two Latin letters.
    const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1), 0);
    const questions = SHIPPED_BANK.bank.questions;
    for (const lang of ["en", "zh"] as const) {
      const longest = questions.filter((q) => {
        const w = q.options.map((o) => width(o.text[lang]));
        return w[q.options.findIndex((o) => o.correct)] >= Math.max(...w);
      });
      expect(longest.length / questions.length, lang).toBeLessThan(0.35);
      // The right answer is not always in one place either.
      const places = new Set(questions.map((q) => q.options.findIndex((o) => o.correct)));
      expect(places.size).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("checking a broken bank", () => {
  it("names a missing translation, two correct options and an unknown concept id, one line each", () => {
    const bank = copy();
    const kernel = bank.questions.find((q) => q.id === "kernel.2")! as { stem: Record<string, string>; options: Record<string, unknown>[] };
    delete kernel.stem.zh;
    const boot = bank.questions.find((q) => q.id === "boot.1")! as { options: Record<string, unknown>[] };
    boot.options.find((o) => !o.correct)!.correct = true;
    const layers = bank.questions.find((q) => q.id === "layers.3")!;
    layers.concept = "layerz";
    const problems = checkBank(bank);
    expect(problems).toContain("kernel.2: stem.zh: missing (no Chinese text)");
    expect(problems.some((p) => /^boot\.1: 2 options are marked correct \([a-d], [a-d]\); exactly one must be$/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('layers.3: concept: unknown concept id "layerz"'))).toBe(true);
    expect(problems).toHaveLength(3);
  });

  it("names what a schema cannot see: a duplicate id, no correct option, options out of order, English left in the Chinese, an uncovered concept", () => {
    const bank = copy();
    bank.questions.push({ ...bank.questions[0] });
    const gpu = bank.questions.find((q) => q.id === "gpu.1")! as { options: { id: string; correct?: boolean; text: Record<string, string> }[]; explain: Record<string, string> };
    gpu.options.forEach((o) => delete o.correct);
    gpu.explain.zh = gpu.explain.en;
    const rent = bank.questions.find((q) => q.id === "rent.2")! as { options: { id: string }[] };
    [rent.options[0].id, rent.options[1].id] = [rent.options[1].id, rent.options[0].id];
    bank.questions = bank.questions.filter((q) => q.concept !== "registry");
    const problems = checkBank(bank);
    expect(problems).toEqual(expect.arrayContaining([
      "shared-os.1: the id is used twice (questions 1 and 52)",
      "gpu.1: no option is marked correct",
      "gpu.1: explain.zh has no Chinese characters (an untranslated English text?)",
      "rent.2: options must be lettered a, b, c, d in that order (found b, a, c, d)",
      "concept registry: no question; every concept needs at least 2",
    ]));
    expect(problems).toHaveLength(5);
  });

  it("reads anything: not an object, no questions, a question that is not an object", () => {
    expect(checkBank(null)[0]).toMatch(/^the bank: expected object/);
    expect(checkBank({ questions: [] })[0]).toBe("questions: at least 1 needed");
    expect(checkBank({ questions: [42] })[0]).toBe("question 1: expected object");
  });
});
