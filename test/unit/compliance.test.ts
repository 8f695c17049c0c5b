import { describe, expect, it } from "vitest";
import { COMPLIANCE_FEE_PER_PAYMENT } from "../../shared/engine";
import { accept, createVm, deploy, host, newMatch, served, settle, step, teamOf } from "./fixtures";

/** Double-12 (payment isolation rule), incidents off so only the rule costs anything. */
const double12 = () => newMatch({ scenario: "double-12" });

/** Per tick: the fines charged, and what the rule says they should be (fee × payments served on shared kernels). */
function finesPerTick(state: ReturnType<typeof newMatch>, ticks: number, sharedPayments: readonly string[]): { charged: number; due: number }[] {
  const out: { charged: number; due: number }[] = [];
  for (let n = 0; n < ticks; n++) {
    const before = teamOf(state).ledger.fines;
    step(state);
    expect(teamOf(state).ledger.fines - before).toBe(teamOf(state).last.fines);
    const due = sharedPayments.reduce((sum, id) => sum + served(state, id) * COMPLIANCE_FEE_PER_PAYMENT, 0);
    out.push({ charged: teamOf(state).last.fines, due });
  }
  return out;
}

/** The database on a container host of its own, so payments can be served. */
function database(state: ReturnType<typeof newMatch>): string {
  return deploy(state, host(state, "container-host", { model: "large" }), "db", { cpu: 4000 });
}

describe("double-12: payment must not share a kernel", () => {
  it("surcharges every payment served on a container host it shares with the shop front", () => {
    const state = double12();
    expect(state.world.paymentIsolation).toBe(true);
    database(state);
    const ch = host(state, "container-host");
    const pays = [deploy(state, ch, "payment"), deploy(state, ch, "payment")];
    deploy(state, ch, "web");
    settle(state);
    for (const tick of finesPerTick(state, 5, pays)) {
      expect(tick.due).toBeGreaterThan(0);
      expect(tick.charged).toBe(tick.due);
    }
  });

  it("surcharges payments sharing a bare OS with the database", () => {
    const state = double12();
    const s = host(state, "bare-linux");
    const pay = deploy(state, s, "payment");
    deploy(state, s, "db", { cpu: 4000 });
    settle(state);
    for (const tick of finesPerTick(state, 3, [pay])) {
      expect(tick.due).toBeGreaterThan(0);
      expect(tick.charged).toBe(tick.due);
    }
  });

  it("charges nothing when payment has a kernel to itself: its own host or its own VM", () => {
    const state = double12();
    database(state);
    deploy(state, host(state, "container-host"), "web");
    deploy(state, host(state, "container-host"), "payment");
    settle(state);
    expect(teamOf(state).traffic.payment.served).toBeGreaterThan(0);
    expect(finesPerTick(state, 3, []).map((x) => x.charged)).toEqual([0, 0, 0]);

    const vms = newMatch({ scenario: "double-12" });
    const hv = host(vms, "type1");
    deploy(vms, createVm(vms, hv), "payment");
    deploy(vms, createVm(vms, hv, { vcpus: 4, mem: 18432 }), "db", { cpu: 2000 });
    settle(vms);
    expect(teamOf(vms).traffic.payment.served).toBeGreaterThan(0);
    expect(finesPerTick(vms, 3, []).map((x) => x.charged)).toEqual([0, 0, 0]);
  });

  it("stops charging once the neighbour is removed", () => {
    const state = double12();
    database(state);
    const ch = host(state, "container-host");
    const pay = deploy(state, ch, "payment");
    const web = deploy(state, ch, "web");
    settle(state);
    expect(finesPerTick(state, 1, [pay])[0].charged).toBeGreaterThan(0);
    accept(state, { type: "remove", instance: web });
    expect(finesPerTick(state, 2, []).map((x) => x.charged)).toEqual([0, 0]);
  });
});
