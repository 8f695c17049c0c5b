/**
 * What a concept check measured, computed the same way on the projector, the teacher's page, the
 * summary PNG, the CSV and the session history: per concept, the share of the class answering right
 * before and after, and the class's normalized gain.
 *
 * The gain is Hake's (1998) ⟨g⟩ = (%post − %pre) / (100 % − %pre), taken from the *class averages*
 * (the share right of everyone who answered before, and of everyone who answered after), not the
 * mean of each student's own gain: a student who answered only one of the two still counts in that
 * one's average, and the number who answered is shown beside it. It is undefined (null) when either
 * side has no answer or everyone was already right before.
 */
import { correctOption, type BankIndex, type Question } from "./types";
import type { ConceptId } from "./concepts";

export type CheckStage = "pre" | "post";

/** How many answered, and how many of them were right. */
export interface Tally {
  right: number;
  answered: number;
}

export interface ConceptRow {
  concept: ConceptId;
  /** The question asked before and after (the same one, or another on the concept). */
  questions: { pre: string | null; post: string | null };
  pre: Tally;
  post: Tally;
  /** Hake's normalized gain from the two class averages, null when it cannot be computed. */
  gain: number | null;
}

export interface CheckResults {
  rows: ConceptRow[];
  /** The whole check: every answer given before, and after. */
  overall: { pre: Tally; post: Tally; gain: number | null };
}

/** One stage's answers: seat → question → option. */
export type StageAnswers = ReadonlyMap<number, ReadonlyMap<string, string>>;

export function share(t: Tally): number | null {
  return t.answered > 0 ? t.right / t.answered : null;
}

/** ⟨g⟩ = (post − pre) / (1 − pre) from the class averages, or null. */
export function normalizedGain(pre: Tally, post: Tally): number | null {
  const a = share(pre);
  const b = share(post);
  if (a === null || b === null || a >= 1) return null;
  return (b - a) / (1 - a);
}

function tally(question: Question | undefined, answers: StageAnswers): Tally {
  const t: Tally = { right: 0, answered: 0 };
  if (!question) return t;
  const right = correctOption(question);
  for (const mine of answers.values()) {
    const option = mine.get(question.id);
    if (option === undefined) continue;
    t.answered++;
    if (option === right) t.right++;
  }
  return t;
}

const add = (a: Tally, b: Tally): Tally => ({ right: a.right + b.right, answered: a.answered + b.answered });

/**
 * The concept table of a check: one row per concept asked (in the order asked before, then any
 * asked only after), from each stage's questions and answers.
 */
export function checkResults(
  bank: BankIndex,
  questions: { pre: readonly string[]; post: readonly string[] },
  answers: { pre: StageAnswers; post: StageAnswers },
): CheckResults {
  const concepts: ConceptId[] = [];
  const byConcept = new Map<ConceptId, { pre?: Question; post?: Question }>();
  for (const stage of ["pre", "post"] as const) {
    for (const id of questions[stage]) {
      const q = bank.question(id);
      if (!q) continue;
      if (!byConcept.has(q.concept)) {
        byConcept.set(q.concept, {});
        concepts.push(q.concept);
      }
      byConcept.get(q.concept)![stage] = q;
    }
  }
  const rows = concepts.map((concept): ConceptRow => {
    const q = byConcept.get(concept)!;
    const pre = tally(q.pre, answers.pre);
    const post = tally(q.post, answers.post);
    return { concept, questions: { pre: q.pre?.id ?? null, post: q.post?.id ?? null }, pre, post, gain: normalizedGain(pre, post) };
  });
  const zero: Tally = { right: 0, answered: 0 };
  const pre = rows.reduce((s, r) => add(s, r.pre), zero);
  const post = rows.reduce((s, r) => add(s, r.post), zero);
  return { rows, overall: { pre, post, gain: normalizedGain(pre, post) } };
}

/** How many chose each option of a question (a vote's spread), in the question's option order. */
export function spread(question: { options: readonly { id: string }[] }, answers: ReadonlyMap<number, string>): { option: string; count: number }[] {
  const counts = new Map<string, number>(question.options.map((o) => [o.id, 0]));
  for (const option of answers.values()) if (counts.has(option)) counts.set(option, counts.get(option)! + 1);
  return question.options.map((o) => ({ option: o.id, count: counts.get(o.id)! }));
}
