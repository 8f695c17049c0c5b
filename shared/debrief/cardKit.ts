/**
 * What a card rule is given and returns (cards.ts assembles the rules): the round's report, the
 * team's result, facts and spike. A rule returns null when its lesson did not show in this team's
 * round; a card never states what the round does not bear out, and its cost is measured from the
 * facts or null (docs/DESIGN.md, "What each card costs").
 */
import { APPS, type AppId } from "../engine/data";
import type { TeamResult } from "../engine/results";
import type { Card, CardId } from "./card";
import type { RoundReport, SpikeFacts } from "./report";
import type { TeamFacts } from "./facts";

export interface CardContext {
  report: RoundReport;
  team: number;
  r: TeamResult;
  f: TeamFacts;
  spike: SpikeFacts | null;
}

export type Body = Omit<Card, "id">;
export type Rule = (c: CardContext) => Body | null;
export type Rules = Partial<Record<CardId, Rule>>;

export const body = (says: string[], params: Body["params"], cost: number | null): Body => ({ says, params, cost });

export const bp = (part: number, whole: number) => (whole > 0 ? Math.trunc((part * 10000) / whole) : 0);
export const avg = (sum: number, n: number) => (n > 0 ? Math.round((sum * 10) / n) / 10 : 0);

/** Apps whose requests query the database, in this round. */
export function dbDependants(report: RoundReport): AppId[] {
  return report.apps.filter((a) => (APPS[a].deps.db ?? 0) > 0);
}

export function complianceFees(c: Pick<CardContext, "r" | "f">): number {
  return c.r.ledger.fines - c.f.breachFines - c.f.auditFines;
}
