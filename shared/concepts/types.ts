/**
 * A question bank as the game uses it: multiple-choice questions, each about one concept, in
 * English and Chinese, with one correct option and a one-sentence explanation. The zod schema that
 * checks a bank is in schema.ts (kept apart so the client can use these without zod).
 */
import type { Bilingual, ConceptId } from "./concepts";

/** Options are lettered in order: the letter a class reads off the projector ("B") is the id. */
export const OPTION_IDS = ["a", "b", "c", "d", "e"] as const;
export type OptionId = (typeof OPTION_IDS)[number];

export interface Option {
  id: OptionId;
  text: Bilingual;
  /** Present (true) on the one correct option. */
  correct?: true;
}

export interface Question {
  /** Its concept, a dot, a number: "kernel.2". */
  id: string;
  concept: ConceptId;
  stem: Bilingual;
  options: Option[];
  /** Why the correct option is correct, in one sentence (shown when a vote is revealed). */
  explain: Bilingual;
}

export interface Bank {
  questions: Question[];
}

/** A question as a student's device gets it: no correct option, no explanation. */
export interface PublicQuestion {
  id: string;
  concept: ConceptId;
  stem: Bilingual;
  options: { id: string; text: Bilingual }[];
}

export function publicQuestion(q: Question): PublicQuestion {
  return { id: q.id, concept: q.concept, stem: q.stem, options: q.options.map((o) => ({ id: o.id, text: o.text })) };
}

export function correctOption(q: Question): string {
  return q.options.find((o) => o.correct)?.id ?? "";
}

/** A bank's questions by id, and each concept's questions in bank order. */
export class BankIndex {
  private readonly byId = new Map<string, Question>();
  private readonly byConcept = new Map<ConceptId, Question[]>();

  constructor(readonly bank: Bank) {
    for (const q of bank.questions) {
      this.byId.set(q.id, q);
      const list = this.byConcept.get(q.concept) ?? [];
      list.push(q);
      this.byConcept.set(q.concept, list);
    }
  }

  question(id: string): Question | undefined {
    return this.byId.get(id);
  }

  of(concept: ConceptId): readonly Question[] {
    return this.byConcept.get(concept) ?? [];
  }

  /**
   * The question a check asks about a concept: the first before; after, the same one or the next
   * (a different question on the same concept), as the teacher chose.
   */
  forCheck(concept: ConceptId, stage: "pre" | "post", post: "same" | "other"): Question | undefined {
    const list = this.of(concept);
    return stage === "post" && post === "other" ? list[1 % Math.max(1, list.length)] : list[0];
  }

  /** A question on the concept for a class vote: one the check does not ask if there is one (a vote reveals its answer). */
  forVote(concept: ConceptId, asked: ReadonlySet<string>): Question | undefined {
    const list = this.of(concept);
    return list.find((q) => !asked.has(q.id)) ?? list[0];
  }
}
