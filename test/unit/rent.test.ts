import { describe, expect, it } from "vitest";
import { DELIVERY_TICKS, RENT_DELIVERY_TICKS, SERVER_MODELS, ledgerBalance, teamResult } from "../../shared/engine";
import { accept, buyServer, deploy, fire, installLayer, lastTick, newMatch, refuse, served, serverById, settle, step, teamOf, tickOf } from "./fixtures";

function rent(state: ReturnType<typeof newMatch>, model: "small" | "large" | "gpu" = "small"): string {
  accept(state, { type: "rentServer", model });
  return teamOf(state).servers.at(-1)!.id;
}

describe("renting a machine by the minute", () => {
  it("arrives within minutes instead of half an hour", () => {
    const state = newMatch();
    const rented = rent(state);
    const bought = buyServer(state, "small");
    const r = tickOf(state, (e) => e.kind === "server-delivered" && e.server === rented);
    expect(r).toBe(RENT_DELIVERY_TICKS);
    const b = tickOf(state, (e) => e.kind === "server-delivered" && e.server === bought);
    expect(b).toBe(DELIVERY_TICKS);
  });

  it("costs nothing up front, then its rent every minute it is held, power included", () => {
    const state = newMatch();
    const cash = teamOf(state).cash;
    const id = rent(state, "large");
    expect(teamOf(state).cash).toBe(cash);
    installLayer(state, id, "container-host");
    deploy(state, id, "web");
    settle(state);
    for (let n = 0; n < 5; n++) {
      const before = teamOf(state).ledger.rent;
      step(state);
      expect(teamOf(state).ledger.rent - before).toBe(SERVER_MODELS.large.rent);
      expect(teamOf(state).last.rent).toBe(SERVER_MODELS.large.rent);
    }
    expect(served(state, teamOf(state).servers.at(-1)!.instances[0].id)).toBeGreaterThan(0);
    expect(teamOf(state).cash).toBe(ledgerBalance(state.world.budget, teamOf(state).ledger));
  });

  it("is dearer by the minute than owning the same machine for a whole round", () => {
    for (const [model, m] of Object.entries(SERVER_MODELS).filter(([, m]) => m.rentable)) {
      // Owning for a round: the half of the price resale does not bring back, plus idle power.
      const ticks = 240;
      const owning = m.price / 2 + m.powerIdle * ticks;
      expect(m.rent * ticks, model).toBeGreaterThan(owning);
    }
  });

  it("goes back with sellServer: the bill stops and nothing comes back; it is worth nothing at the end", () => {
    const state = newMatch();
    const id = rent(state);
    settle(state);
    const score = teamResult(teamOf(state)).score;
    expect(teamResult(teamOf(state)).resale).toBe(teamResult(newMatch().teams[0]).resale);
    const cash = teamOf(state).cash;
    accept(state, { type: "sellServer", server: id });
    expect(teamOf(state).cash).toBe(cash);
    expect(teamOf(state).ledger.resale).toBe(0);
    expect(teamResult(teamOf(state)).score).toBe(score);
    step(state);
    expect(teamOf(state).last.rent).toBe(0);
  });

  it("goes back to the cloud, with what ran on it, once the team is below its floor; the minutes used are still owed", () => {
    const state = newMatch({ scenario: "exam-morning", budget: 0 });
    const id = rent(state, "gpu");
    const events = [];
    for (let n = 0; n < 400 && teamOf(state).servers.some((s) => s.id === id); n++) events.push(...step(state));
    expect(events.some((e) => e.kind === "server-reclaimed" && e.server === id)).toBe(true);
    const team = teamOf(state);
    expect(team.cash).toBeLessThan(state.world.cashFloor);
    expect(team.last.rent).toBe(SERVER_MODELS.gpu.rent);
    step(state);
    expect(teamOf(state).last.rent).toBe(0);
  });

  it("is not billed while its hardware is dead, and the cloud brings it back on new hardware within minutes", () => {
    const state = newMatch({ scenario: "exam-morning" });
    const id = rent(state, "large");
    installLayer(state, id, "container-host");
    const web = deploy(state, id, "web");
    settle(state);
    const hit = fire(state, { kind: "hardware", team: 0, server: id });
    expect(hit.target).toBe(id);
    // The minute it died and the minutes it stays dead cost no rent.
    expect(teamOf(state).last.rent).toBe(0);
    const down = serverById(state, id).failedUntil;
    expect(down - lastTick(state)).toBeLessThanOrEqual(RENT_DELIVERY_TICKS);
    while (state.tick < down) {
      step(state);
      expect(teamOf(state).last.rent).toBe(0);
    }
    settle(state);
    expect(teamOf(state).last.rent).toBe(SERVER_MODELS.large.rent);
    expect(served(state, web)).toBeGreaterThan(0);
  });

  it("is refused for a machine no cloud rents: one without hardware virtualization", () => {
    expect(refuse(newMatch(), { type: "rentServer", model: "old" })).toEqual({ code: "not_rentable", params: { model: "old" } });
  });

  it("is refused where there is no cloud: the old era", () => {
    const state = newMatch({ scenario: "old-era" });
    expect(refuse(state, { type: "rentServer", model: "small" })).toEqual({ code: "rent_unavailable", params: { scenario: "old-era" } });
  });
});
