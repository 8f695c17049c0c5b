import type { Ledger, Team, TickFigures } from "./types";

export type CostKind = "servers" | "rent" | "licences" | "hypervisorLicences" | "power" | "penalties" | "fines";

/** Spending the player chose; the floor was checked when the command was planned. */
export function spend(team: Team, kind: CostKind, amount: number): void {
  team.cash -= amount;
  team.ledger[kind] += amount;
}

/**
 * Running costs the player did not choose (power, penalties, fines) stop at the cash floor:
 * the ledger records what was actually taken, so cash always equals budget + in − out.
 */
export function charge(team: Team, kind: CostKind, amount: number, floor: number): number {
  const paid = Math.max(0, Math.min(amount, team.cash - floor));
  team.cash -= paid;
  team.ledger[kind] += paid;
  return paid;
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
