/**
 * Every problem in a question bank, one line each, in words a teacher editing the file can act on:
 * its shape (the zod schema: missing or empty text in either language, unknown concept ids, too
 * few options), then what a schema cannot say (exactly one correct option, ids unique and lettered
 * in order, each concept asked at least twice, Chinese text in Chinese and English in English).
 */
import type { z } from "zod";
import { BankSchema } from "./bank";
import { OPTION_IDS } from "./types";
import { CONCEPT_IDS, isConceptId } from "./concepts";

/** Questions each concept needs at least (a check before and a different one after). */
export const QUESTIONS_PER_CONCEPT = 2;

const CJK = /[\u3400-\u9fff]/;
type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** Where a schema issue is, as "kernel.2: options.b.text.zh" (question ids and option letters, not indexes). */
function where(raw: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== "questions" || typeof path[1] !== "number") return path.length ? path.map(String).join(".") : "the bank";
  const q = isObject(raw) && Array.isArray(raw.questions) ? raw.questions[path[1]] : undefined;
  const id = isObject(q) && typeof q.id === "string" && q.id ? q.id : `question ${path[1] + 1}`;
  const rest = path.slice(2).map((p, i, all) => {
    // options.2 → option c (or its letter as written)
    if (typeof p === "number" && all[i - 1] === "options" && isObject(q) && Array.isArray(q.options)) {
      const o = q.options[p];
      return isObject(o) && typeof o.id === "string" ? o.id : OPTION_IDS[p] ?? String(p + 1);
    }
    return String(p);
  });
  return rest.length ? `${id}: ${rest.join(".")}` : id;
}

/** The value a path leads to in the raw bank (zod does not always carry it in the issue). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const p of path) v = isObject(v) || Array.isArray(v) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function issueLine(raw: unknown, issue: z.core.$ZodIssue): string {
  const at = where(raw, issue.path);
  const input = valueAt(raw, issue.path);
  const last = issue.path[issue.path.length - 1];
  const lang = last === "zh" ? " (no Chinese text)" : last === "en" ? " (no English text)" : "";
  switch (issue.code) {
    case "invalid_type":
      return input === undefined ? `${at}: missing${lang}` : `${at}: expected ${issue.expected}`;
    case "too_small":
      if (issue.origin === "string") return `${at}: empty${lang}`;
      if (issue.origin === "array") return `${at}: at least ${issue.minimum} needed`;
      return `${at}: too small`;
    case "too_big":
      return `${at}: longer than ${issue.maximum}${issue.origin === "string" ? " characters" : ""}`;
    case "invalid_value":
      if (last === "concept") return `${at}: unknown concept id ${JSON.stringify(input)} (known: ${CONCEPT_IDS.join(", ")})`;
      if (last === "correct") return `${at}: "correct" is true or left out`;
      return `${at}: ${JSON.stringify(input)} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return `${at}: ${JSON.stringify(input)} is not a question id like "kernel.2" (its concept, a dot, a number)`;
    case "unrecognized_keys":
      return `${at}: unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
    default:
      return `${at}: ${issue.message}`;
  }
}

/** Text in the wrong language: Chinese without a Chinese character, English with one. */
function languageProblems(id: string, what: string, text: unknown): string[] {
  if (!isObject(text)) return [];
  const out: string[] = [];
  if (str(text.zh).trim() && !CJK.test(str(text.zh))) out.push(`${id}: ${what}.zh has no Chinese characters (an untranslated English text?)`);
  if (str(text.en).trim() && CJK.test(str(text.en))) out.push(`${id}: ${what}.en contains Chinese characters`);
  return out;
}

function questionProblems(q: Raw, index: number): string[] {
  const id = typeof q.id === "string" && q.id ? q.id : `question ${index + 1}`;
  const out: string[] = [];
  const concept = str(q.concept);
  if (typeof q.id === "string" && isConceptId(concept) && !q.id.startsWith(`${concept}.`)) out.push(`${id}: its id does not start with its concept (${concept}.)`);
  const options = Array.isArray(q.options) ? q.options.filter(isObject) : [];
  const correct = options.filter((o) => o.correct === true).map((o) => str(o.id) || "?");
  if (options.length > 0 && correct.length === 0) out.push(`${id}: no option is marked correct`);
  if (correct.length > 1) out.push(`${id}: ${correct.length} options are marked correct (${correct.join(", ")}); exactly one must be`);
  const letters = options.map((o) => str(o.id));
  if (letters.some((l, i) => l !== OPTION_IDS[i])) out.push(`${id}: options must be lettered ${OPTION_IDS.slice(0, options.length).join(", ")} in that order (found ${letters.join(", ")})`);
  for (const lang of ["en", "zh"] as const) {
    const seen = new Map<string, string>();
    for (const o of options) {
      const t = isObject(o.text) ? str(o.text[lang]).trim() : "";
      if (!t) continue;
      if (seen.has(t)) out.push(`${id}: options ${seen.get(t)} and ${str(o.id)} say the same (${lang})`);
      else seen.set(t, str(o.id));
    }
  }
  out.push(...languageProblems(id, "stem", q.stem), ...languageProblems(id, "explain", q.explain));
  for (const o of options) out.push(...languageProblems(id, `option ${str(o.id) || "?"}`, o.text));
  return out;
}

/** Every problem of a bank (parsed JSON), one line each; empty when the bank is sound. */
export function checkBank(raw: unknown): string[] {
  const problems: string[] = [];
  const parsed = BankSchema.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => issueLine(raw, i)));
  const questions = isObject(raw) && Array.isArray(raw.questions) ? raw.questions : [];
  const ids = new Map<string, number>();
  const perConcept = new Map<string, number>();
  questions.forEach((q, i) => {
    if (!isObject(q)) return;
    problems.push(...questionProblems(q, i));
    const id = str(q.id);
    if (id) {
      if (ids.has(id)) problems.push(`${id}: the id is used twice (questions ${ids.get(id)! + 1} and ${i + 1})`);
      else ids.set(id, i);
    }
    if (typeof q.concept === "string") perConcept.set(q.concept, (perConcept.get(q.concept) ?? 0) + 1);
  });
  for (const c of CONCEPT_IDS) {
    const n = perConcept.get(c) ?? 0;
    if (n < QUESTIONS_PER_CONCEPT) problems.push(`concept ${c}: ${n === 0 ? "no question" : `${n} question`}; every concept needs at least ${QUESTIONS_PER_CONCEPT}`);
  }
  return problems;
}
