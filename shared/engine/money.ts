import type { Ledger, Team, TickFigures } from "./types";

export type CostKind = "servers" | "rent" | "licences" | "hypervisorLicences" | "power" | "penalties" | "fines";

/** Spending the player chose; the floor was checked when the command was planned. */
export function spend(team: Team, kind: CostKind, amount: number): void {
  team.cash -= amount;
  team.ledger[kind] += amount;
}

/**
 * Running costs the player did not choose (power, rent, penalties, fines) are always charged, the
 * floor or not: below it they pile up as debt and the score keeps falling (a broke team does not
 * run for free). Spending the player chooses is what the floor refuses (actions.canSpend). The
 * tick the team first went below the floor, and every cost charged from then on, are kept for the
 * debrief ("you went broke at 10:42; after that …").
 */
export function charge(team: Team, kind: CostKind, amount: number, floor: number, t: number): number {
  team.cash -= amount;
  team.ledger[kind] += amount;
  const s = team.stats;
  if (s.brokeAt < 0 && team.cash < floor && amount > 0) s.brokeAt = t;
  if (s.brokeAt >= 0) s.costsAfterBroke += amount;
  return amount;
}

export function earn(team: Team, amount: number): void {
  team.cash += amount;
  team.ledger.revenue += amount;
}

export function emptyLedger(): Ledger {
  return { revenue: 0, resale: 0, servers: 0, rent: 0, licences: 0, hypervisorLicences: 0, power: 0, penalties: 0, fines: 0 };
}

export function emptyFigures(): TickFigures {
  return {
    demand: 0, served: 0, dropped: 0, revenue: 0, power: 0, rent: 0, penalties: 0, fines: 0, capacityCpu: 0,
    reservedCpu: 0, usefulCpu: 0, osTaxCpu: 0,
  };
}

/** The identity the property tests hold the engine to. */
export function ledgerBalance(budget: number, l: Ledger): number {
  return budget + l.revenue + l.resale - l.servers - l.rent - l.licences - l.hypervisorLicences - l.power - l.penalties - l.fines;
}
