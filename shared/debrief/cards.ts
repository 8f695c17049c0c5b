/**
 * Which cards a team gets and what they say: one rule per card (rulesIncidents.ts, rulesFleet.ts, rulesMistakes.ts),
 * each with its firing condition, its numbers from the round's facts (report.ts, track.ts) and
 * what it cost. A rule returns null when its lesson did not show in this team's round; a card
 * never states what the round does not bear out.
 */
import type { Card, CardId } from "./card";
import { CARD_IDS } from "./card";
import type { CardContext, Rule } from "./cardKit";
import type { RoundReport } from "./report";
import { FLEET_RULES } from "./rulesFleet";
import { INCIDENT_RULES } from "./rulesIncidents";
import { MISTAKE_RULES } from "./rulesMistakes";

export { complianceFees, type CardContext } from "./cardKit";

const RULES: Record<CardId, Rule> = {
  ...INCIDENT_RULES,
  ...FLEET_RULES,
  ...MISTAKE_RULES,
  // Built from a simulation, not from the facts: see whatif.ts and whatIfCard.
  "what-if": () => null,
} as Record<CardId, Rule>;

export function cardContext(report: RoundReport, team: number): CardContext | null {
  const r = report.results[team];
  const f = report.facts[team];
  if (!r || !f) return null;
  return { report, team, r, f, spike: report.spike[team] ?? null };
}

/** One card by id, or null when its lesson did not show in this team's round. */
export function cardFor(id: CardId, report: RoundReport, team: number): Card | null {
  const c = cardContext(report, team);
  if (!c) return null;
  const body = RULES[id](c);
  return body ? { id, ...body } : null;
}

/** The cards of one team, in the order the debrief shows them (CARD_IDS: the round's headline first). */
export function teamCards(report: RoundReport, team: number, whatIf: Card | null = null): Card[] {
  const c = cardContext(report, team);
  if (!c) return [];
  const out: Card[] = [];
  for (const id of CARD_IDS) {
    if (id === "what-if") {
      if (whatIf) out.push(whatIf);
      continue;
    }
    const body = RULES[id](c);
    if (body) out.push({ id, ...body });
  }
  return out;
}
