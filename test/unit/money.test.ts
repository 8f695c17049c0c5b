import { describe, expect, it } from "vitest";
import {
  BUDGET_LIMITS, LICENCES, RESALE_PCT, SERVER_MODELS, isOver, ledgerBalance, teamResult,
} from "../../shared/engine";
import { SCENARIOS } from "../../shared/scenarios";
import { accept, buyServer, deploy, host, newMatch, refuse, settle, step, teamOf } from "./fixtures";

describe("the cash floor", () => {
  it("refuses spending that would take cash below the floor, with the numbers", () => {
    const state = newMatch({ budget: 0 });
    const floor = state.world.cashFloor;
    const price = SERVER_MODELS.large.price;
    while (teamOf(state).cash - price >= floor) buyServer(state, "large");
    const cash = teamOf(state).cash;
    expect(refuse(state, { type: "buyServer", model: "large" })).toEqual({
      code: "insufficient_funds", params: { cost: price, cash, floor },
    });
    // Something cheaper still fits (free play: budget 0, floor below one large and one small).
    expect(cash - SERVER_MODELS.small.price).toBeGreaterThanOrEqual(floor);
    buyServer(state, "small");
    expect(teamOf(state).cash).toBe(cash - SERVER_MODELS.small.price);
  });

  it("keeps charging running costs below the floor as debt: the score keeps falling, spending is refused, free actions are not", () => {
    const state = newMatch({ scenario: "exam-morning", budget: 0 });
    const floor = state.world.cashFloor;
    while (!isOver(state) && teamOf(state).cash >= floor) step(state);
    const team = teamOf(state);
    expect(team.cash).toBeLessThan(floor);
    const brokeAt = state.tick - 1;
    expect(team.stats.brokeAt).toBe(brokeAt);
    expect(team.cash).toBe(ledgerBalance(state.world.budget, team.ledger));

    // Users keep being turned away, and every minute of it is charged: power and penalties pile up.
    const before = { cash: team.cash, score: teamResult(team).score, after: team.stats.costsAfterBroke };
    step(state, 5);
    expect(team.last.dropped).toBeGreaterThan(0);
    expect(team.last.penalties).toBeGreaterThan(0);
    expect(team.last.power).toBeGreaterThan(0);
    expect(team.cash).toBeLessThan(before.cash);
    expect(teamResult(team).score).toBeLessThan(before.score);
    expect(team.cash).toBe(ledgerBalance(state.world.budget, team.ledger));
    // What going broke cost: every charge from that tick on.
    expect(team.stats.costsAfterBroke - before.after).toBe(before.cash - team.cash);
    expect(team.stats.brokeAt).toBe(brokeAt);

    expect(refuse(state, { type: "buyServer", model: "small" }).code).toBe("insufficient_funds");
    expect(refuse(state, { type: "rentServer", model: "small" }).code).toBe("insufficient_funds");
    accept(state, { type: "installLayer", server: team.servers[0].id, layer: "bare-linux" });
    expect(refuse(state, { type: "buyLicence", server: team.servers[0].id, edition: "standard" })).toEqual({
      code: "insufficient_funds", params: { cost: LICENCES.standard.price, cash: team.cash, floor },
    });
  });

  it("a team that never goes below the floor has no broke tick and no debt", () => {
    const state = newMatch({ scenario: "exam-morning" });
    step(state, 30);
    expect(teamOf(state).stats.brokeAt).toBe(-1);
    expect(teamOf(state).stats.costsAfterBroke).toBe(0);
  });
});

describe("revenue and penalties", () => {
  it("earns the scenario's price per request served and pays per request dropped", () => {
    const state = newMatch({ scenario: "exam-morning", budget: BUDGET_LIMITS.max });
    const scn = SCENARIOS["exam-morning"];
    const s = host(state, "container-host");
    deploy(state, s, "web");
    settle(state);
    step(state);
    const team = teamOf(state);
    const web = team.traffic.web;
    expect(web.served).toBeGreaterThan(0);
    // No grades service: every grades request is dropped.
    expect(team.traffic.grades.served).toBe(0);
    expect(team.traffic.grades.dropped).toBe(team.traffic.grades.demand);
    expect(team.last.revenue).toBe(web.served * scn.revenue.web!);
    expect(team.last.penalties).toBe(web.dropped * scn.penalty.web! + team.traffic.grades.dropped * scn.penalty.grades!);
  });

  it("charges dropped requests more during the spike", () => {
    const state = newMatch({ scenario: "exam-morning", budget: BUDGET_LIMITS.max });
    const scn = SCENARIOS["exam-morning"];
    const perDrop = () => {
      const t = teamOf(state);
      const base = (["web", "grades"] as const).reduce((sum, a) => sum + t.traffic[a].dropped * scn.penalty[a]!, 0);
      return { paid: t.last.penalties, base };
    };
    step(state, state.world.spikeStart - 5);
    const before = perDrop();
    expect(before.paid).toBe(before.base);
    step(state, 15);
    const during = perDrop();
    expect(scn.spikePenaltyPct).toBeGreaterThan(100);
    expect(during.paid).toBeGreaterThan(during.base);
    // paid = Σ trunc(dropped × penalty × pct / 100) over the two apps: within one cent per app.
    expect(Math.abs(during.paid * 100 - during.base * scn.spikePenaltyPct)).toBeLessThan(100 * 2);
  });
});

describe("servers as assets", () => {
  it("sells a server back for RESALE_PCT of its price; the score counts owned servers the same way", () => {
    const state = newMatch();
    const s = host(state, "bare-linux", { model: "gpu" });
    const before = teamResult(teamOf(state));
    const value = Math.trunc((SERVER_MODELS.gpu.price * RESALE_PCT) / 100);
    accept(state, { type: "sellServer", server: s });
    const after = teamResult(teamOf(state));
    expect(after.cash - before.cash).toBe(value);
    expect(teamOf(state).ledger.resale).toBe(value);
    expect(before.resale - after.resale).toBe(value);
    expect(after.score).toBe(before.score);
    expect(teamOf(state).servers.some((x) => x.id === s)).toBe(false);
  });

  it("buying a server costs the score what resale does not give back", () => {
    const state = newMatch();
    const before = teamResult(teamOf(state)).score;
    buyServer(state, "large");
    const lost = before - teamResult(teamOf(state)).score;
    expect(lost).toBe(SERVER_MODELS.large.price - Math.trunc((SERVER_MODELS.large.price * RESALE_PCT) / 100));
  });
});

describe("power", () => {
  it("costs idle power for delivered servers, more under load, never more than full load", () => {
    const state = newMatch();
    const models = teamOf(state).servers.map((s) => SERVER_MODELS[s.model]);
    step(state);
    expect(teamOf(state).last.power).toBe(models.reduce((sum, m) => sum + m.powerIdle, 0));
    buyServer(state, "large"); // not delivered: no power yet
    step(state);
    expect(teamOf(state).last.power).toBe(models.reduce((sum, m) => sum + m.powerIdle, 0));

    const idle = teamOf(state).last.power;
    const s = host(state, "container-host");
    for (let n = 0; n < 3; n++) deploy(state, s, "web");
    settle(state);
    const busy = teamOf(state).last.power;
    expect(busy).toBeGreaterThan(idle);
    expect(busy).toBeLessThanOrEqual(models.reduce((sum, m) => sum + m.powerMax, 0));
  });
});
