/**
 * A team's debrief as plain data, for checking from outside (`npm run --silent sim -- … --json
 * --debrief`): the money waterfall in dollars (Σ = score, to the cent) and every card with its
 * numbers and its English text.
 */
import { cardText, type Card, type CardFormat } from "./card";
import { teamCards } from "./cards";
import { moneyLines, type MoneyLineId } from "./money";
import type { RoundReport } from "./report";
import { namesEn, strategiesEn } from "./text/en";
import { whatIfCard, type WhatIfOutcome } from "./whatif";

export interface TeamDebriefJson {
  money: { line: MoneyLineId; dollars: number }[];
  cards: (Card & { text: string; question: string })[];
  whatIf: { bot: string; from: number; score: number; availability: number; dropped: number } | null;
}

const clock = (minute: number) => {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

function englishFormat(startMinute: number): CardFormat {
  return {
    number: (n) => n.toLocaleString("en-US"),
    money: (cents) => `${cents < 0 ? "−" : ""}$${Math.abs(Math.round(cents / 100)).toLocaleString("en-US")}`,
    clock: (tick) => clock(startMinute + tick),
    app: (a) => namesEn.app[a],
    model: (m) => namesEn.model[m],
    bot: (b) => strategiesEn[b] ?? b,
    list: (items) => items.join(", "),
  };
}

export function teamDebriefJson(report: RoundReport, team: number, whatIf: WhatIfOutcome | null): TeamDebriefJson {
  const r = report.results[team];
  const lines = moneyLines(r, report.budget, report.facts[team]);
  const format = englishFormat(report.startMinute);
  const cards = teamCards(report, team, whatIf ? whatIfCard(report, whatIf) : null).map((c) => {
    const text = cardText(c, format, "en");
    return { ...c, text: text.body, question: text.question };
  });
  return {
    money: lines.map((l) => ({ line: l.line, dollars: l.cents / 100 })),
    cards,
    whatIf: whatIf ? { bot: whatIf.spec.bot, from: whatIf.spec.from, score: whatIf.result.score / 100, availability: whatIf.result.availability / 100, dropped: whatIf.result.dropped } : null,
  };
}
