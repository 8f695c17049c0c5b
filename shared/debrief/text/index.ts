/**
 * The cards' words in both languages, and how a sentence is filled: `{{name}}` takes a value,
 * `{{name|one|other}}` picks the singular or the plural by the value of `name` (English needs it;
 * Chinese sentences do not use it).
 */
import { cardsEn, strategiesEn } from "./en";
import { cardsZh, strategiesZh } from "./zh";

export type CardLang = "en" | "zh-CN";

export const CARD_TEXT: Record<CardLang, Record<string, string>> = { en: cardsEn, "zh-CN": cardsZh };
export const STRATEGY_NAMES: Record<CardLang, Record<string, string>> = { en: strategiesEn, "zh-CN": strategiesZh };

export function fillSentence(template: string, shown: Record<string, string>, raw: Record<string, unknown>): string {
  return template.replace(/\{\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}\}/g, (_, name: string, one?: string, other?: string) => {
    if (one !== undefined) return raw[name] === 1 ? one : other ?? "";
    return shown[name] ?? `{{${name}}}`;
  });
}
