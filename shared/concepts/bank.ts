/**
 * The zod schema of a question bank (shared/concepts/bank.json and any bank a teacher writes):
 * `npm run --silent concepts -- check [FILE]` names every problem in one (see check.ts).
 */
import { z } from "zod";
import { CONCEPT_IDS } from "./concepts";
import { OPTION_IDS, type Bank } from "./types";

/** Longest stem, option and explanation a bank may hold (a phone shows them whole). */
export const TEXT_MAX = { stem: 300, option: 200, explain: 400 } as const;
/** Options per question: the right one and at least two wrong ones, at most five in all. */
export const OPTIONS = { min: 3, max: 5 } as const;
/** A question's id: its concept, a dot, a number ("kernel.2"). */
export const QUESTION_ID = /^[a-z][a-z0-9-]*\.[1-9][0-9]?$/;

const text = (max: number) => z.strictObject({ en: z.string().trim().min(1).max(max), zh: z.string().trim().min(1).max(max) });

export const OptionSchema = z.strictObject({
  id: z.enum(OPTION_IDS),
  text: text(TEXT_MAX.option),
  correct: z.literal(true).optional(),
});

export const QuestionSchema = z.strictObject({
  id: z.string().regex(QUESTION_ID),
  concept: z.enum(CONCEPT_IDS),
  stem: text(TEXT_MAX.stem),
  options: z.array(OptionSchema).min(OPTIONS.min).max(OPTIONS.max),
  explain: text(TEXT_MAX.explain),
});

export const BankSchema = z.strictObject({ questions: z.array(QuestionSchema).min(1) });

// The schema and the hand-written types (types.ts, which the client uses without zod) agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMA_MATCHES_TYPES: Same<z.infer<typeof BankSchema>, Bank> = true;
