/**
 * A debrief card: one lesson of the game (docs/DESIGN.md, "What the game teaches") told with the
 * team's own numbers. A card is data: which sentences it says and the numbers they quote, each
 * number typed so a screen (or the simulator's JSON) can show it as money, a time, a share…
 */
import type { AppId, ModelId } from "../engine/data";
import { CARD_TEXT, fillSentence, type CardLang } from "./text";

export const CARD_IDS = [
  "spike", "what-if", "idle-start", "hands-off", "upfront", "late-buy", "giant-vm", "db-bottleneck", "leak", "kernel", "compliance", "hardware", "packing", "occupancy", "shared-os", "ostax",
  "hypervisor-type", "licence-windows", "licence-hypervisor", "rent", "boot", "layers", "resize", "migration", "gpu",
] as const;
export type CardId = (typeof CARD_IDS)[number];

/** A number and how to read it. Plain numbers are counts, minutes or MB. */
export type CardValue =
  | number
  | { cents: number }
  | { tick: number }
  /** A share in basis points (shown with one decimal) or in whole percent. */
  | { bp: number }
  | { pct: number }
  | { cores: number }
  | { apps: AppId[] }
  | { models: Record<ModelId, number> }
  | { bot: string };

export interface Card {
  id: CardId;
  /** Sentence keys, in order: the text is `card.<id>-<key>` for each, filled with `params`. */
  says: string[];
  params: Record<string, CardValue>;
  /**
   * What the card's mistake (or lesson) cost the team's score this round, in cents, measured from
   * the round's facts as docs/DESIGN.md ("What each card costs") says for each card; null where no
   * honest measure exists. Costs of different cards may overlap: each is what its own cause cost.
   */
  cost: number | null;
  /** Sentence keys of the title and the question when not the card's usual `title` and `q`. */
  title?: string;
  q?: string;
}

/** How a screen (or the simulator) shows each kind of value. */
export interface CardFormat {
  number(n: number): string;
  money(cents: number): string;
  clock(tick: number): string;
  app(app: AppId): string;
  model(model: ModelId): string;
  bot(name: string): string;
  list(items: string[]): string;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function formatValue(v: CardValue, f: CardFormat): string {
  if (typeof v === "number") return f.number(oneDecimal(v));
  if ("cents" in v) return f.money(v.cents);
  if ("tick" in v) return f.clock(v.tick);
  // Something that is not nothing never reads as 0: "<0.1 %", "<1 %", "<0.1" cores.
  if ("bp" in v) return v.bp > 0 && v.bp < 5 ? `<${f.number(0.1)}%` : `${f.number(oneDecimal(v.bp / 100))}%`;
  if ("pct" in v) return v.pct > 0 && v.pct < 0.5 ? `<${f.number(1)}%` : `${f.number(Math.round(v.pct))}%`;
  if ("cores" in v) return v.cores > 0 && v.cores < 50 ? `<${f.number(0.1)}` : f.number(oneDecimal(v.cores / 1000));
  if ("apps" in v) return f.list(v.apps.map((a) => f.app(a)));
  if ("models" in v) {
    const parts = (Object.entries(v.models) as [ModelId, number][]).filter(([, n]) => n > 0).map(([m, n]) => `${n} × ${f.model(m)}`);
    return parts.join(" + ");
  }
  return f.bot(v.bot);
}

export function formatParams(params: Card["params"], f: CardFormat): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, formatValue(v, f)]));
}

/** A card as text in a language: title, body (its sentences joined) and the question for the class. */
export function cardText(card: Card, f: CardFormat, lang: CardLang): { title: string; body: string; question: string } {
  const words = CARD_TEXT[lang];
  const p = formatParams(card.params, f);
  const say = (key: string) => fillSentence(words[`${card.id}-${key}`] ?? CARD_TEXT.en[`${card.id}-${key}`] ?? key, p, card.params);
  return { title: say(card.title ?? "title"), body: card.says.map(say).join(lang === "en" ? " " : ""), question: say(card.q ?? "q") };
}
