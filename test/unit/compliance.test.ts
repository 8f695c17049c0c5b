import { describe, expect, it } from "vitest";
import { COMPLIANCE_PENALTY_PER_TICK } from "../../shared/engine";
import { accept, createVm, deploy, host, newMatch, settle, step, teamOf } from "./fixtures";

/** Double-12 (payment isolation rule), incidents off so only the rule costs anything. */
const double12 = () => newMatch({ scenario: "double-12" });

/** Fines charged over `ticks` ticks, checking each tick's figure. */
function finesPerTick(state: ReturnType<typeof newMatch>, ticks: number): number[] {
  const out: number[] = [];
  for (let n = 0; n < ticks; n++) {
    const before = teamOf(state).ledger.fines;
    step(state);
    expect(teamOf(state).ledger.fines - before).toBe(teamOf(state).last.fines);
    out.push(teamOf(state).last.fines);
  }
  return out;
}

describe("double-12: payment must not share a kernel", () => {
  it("charges the compliance penalty every tick while payment shares a container host", () => {
    const state = double12();
    expect(state.world.paymentIsolation).toBe(true);
    const ch = host(state, "container-host");
    deploy(state, ch, "payment");
    deploy(state, ch, "web");
    settle(state);
    expect(finesPerTick(state, 5)).toEqual(Array(5).fill(COMPLIANCE_PENALTY_PER_TICK));
  });

  it("charges it per payment instance on the shared kernel", () => {
    const state = double12();
    const ch = host(state, "container-host");
    deploy(state, ch, "payment");
    deploy(state, ch, "payment");
    deploy(state, ch, "web");
    settle(state);
    expect(finesPerTick(state, 3)).toEqual(Array(3).fill(2 * COMPLIANCE_PENALTY_PER_TICK));
  });

  it("charges it when payment shares a bare OS with the database", () => {
    const state = double12();
    const s = host(state, "bare-linux");
    deploy(state, s, "payment");
    deploy(state, s, "db", { cpu: 4000 });
    settle(state);
    expect(finesPerTick(state, 3)).toEqual(Array(3).fill(COMPLIANCE_PENALTY_PER_TICK));
  });

  it("charges nothing when payment has a kernel to itself: its own host or its own VM", () => {
    const state = double12();
    const ch = host(state, "container-host");
    deploy(state, ch, "web");
    deploy(state, host(state, "container-host"), "payment");
    settle(state);
    expect(finesPerTick(state, 3)).toEqual([0, 0, 0]);

    const vms = newMatch({ scenario: "double-12" });
    const hv = host(vms, "type1");
    deploy(vms, createVm(vms, hv), "payment");
    deploy(vms, createVm(vms, hv, { vcpus: 4, mem: 18432 }), "db", { cpu: 2000 });
    settle(vms);
    expect(teamOf(vms).traffic.payment.served).toBeGreaterThan(0);
    expect(finesPerTick(vms, 3)).toEqual([0, 0, 0]);
  });

  it("stops charging once the neighbour is removed", () => {
    const state = double12();
    const ch = host(state, "container-host");
    deploy(state, ch, "payment");
    const web = deploy(state, ch, "web");
    settle(state);
    expect(finesPerTick(state, 1)).toEqual([COMPLIANCE_PENALTY_PER_TICK]);
    accept(state, { type: "remove", instance: web });
    expect(finesPerTick(state, 2)).toEqual([0, 0]);
  });
});

