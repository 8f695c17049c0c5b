import { describe, expect, it } from "vitest";
import { INCIDENTS } from "../../shared/engine";
import { allDown, allServing, createVm, deploy, fire, host, newMatch, served, settle, step, teamOf } from "./fixtures";

describe("kernel vulnerability (container escape through the entry app)", () => {
  /**
   * s1: container host running web and payment; s2: type-1 host with a VM running web as a
   * process and a VM running the database; s3: a container host with no web on it.
   */
  function layout() {
    const state = newMatch();
    const ch = host(state, "container-host");
    const webC = deploy(state, ch, "web");
    const payC = deploy(state, ch, "payment");
    const hv = host(state, "type1");
    const webVm = deploy(state, createVm(state, hv), "web");
    const db = deploy(state, createVm(state, hv, { vcpus: 4, mem: 18432 }), "db", { cpu: 2000 });
    const quiet = host(state, "container-host", { model: "gpu" });
    const grades = deploy(state, quiet, "grades");
    settle(state);
    return { state, ch, webC, payC, webVm, db, quiet, grades };
  }

  it("takes down every container on a kernel running the entry app, not apps in VMs or other kernels", () => {
    const { state, ch, webC, payC, webVm, db, grades } = layout();
    expect(allServing(state, [webC, payC, webVm, db, grades])).toBe(true);

    const ev = fire(state, { kind: "kernel", team: 0, app: "web" });
    expect(ev.target).toBe(ch);
    expect(ev.hit).toEqual([webC, payC]);
    expect(allDown(state, [webC, payC])).toBe(true);
    expect(allServing(state, [webVm, db, grades])).toBe(true);

    step(state, INCIDENTS.kernelPatchTicks - 1);
    expect(allDown(state, [webC, payC])).toBe(true);
    step(state);
    expect(allServing(state, [webC, payC])).toBe(true);
  });

  it("fines a breach when a payment container was on the compromised kernel", () => {
    const { state } = layout();
    const fines = teamOf(state).ledger.fines;
    const ev = fire(state, { kind: "kernel", team: 0, app: "web" });
    expect(ev.cost).toBe(INCIDENTS.breachFine);
    // The tick's compliance penalty (payment shares that kernel) comes on top of the breach.
    expect(teamOf(state).ledger.fines - fines).toBe(INCIDENTS.breachFine + teamOf(state).last.fines);
  });

  it("costs no breach fine when payment runs in its own VM", () => {
    const state = newMatch();
    const ch = host(state, "container-host");
    const webC = deploy(state, ch, "web");
    const hv = host(state, "type1");
    const pay = deploy(state, createVm(state, hv), "payment");
    const db = deploy(state, createVm(state, hv, { vcpus: 4, mem: 18432 }), "db", { cpu: 2000 });
    settle(state);
    const fines = teamOf(state).ledger.fines;
    const ev = fire(state, { kind: "kernel", team: 0, app: "web" });
    expect(ev.hit).toEqual([webC]);
    expect(ev.cost).toBe(0);
    expect(teamOf(state).ledger.fines).toBe(fines);
    expect(allServing(state, [pay, db])).toBe(true);
  });

  it("reaches containers inside a VM with a container engine: that VM's kernel runs the entry app", () => {
    const state = newMatch();
    const hv = host(state, "type1");
    const engineVm = createVm(state, hv, { vcpus: 4, mem: 8192, engine: true });
    const a = deploy(state, engineVm, "web", { cpu: 1000 });
    const b = deploy(state, engineVm, "web", { cpu: 1000 });
    const plainVm = createVm(state, hv);
    const c = deploy(state, plainVm, "web");
    settle(state);
    const ev = fire(state, { kind: "kernel", team: 0, app: "web" });
    expect(ev.target).toBe(engineVm);
    expect(ev.hit).toEqual([a, b]);
    expect(served(state, c)).toBeGreaterThan(0);
  });

  it("does not count an entry app in a VM that is down as a way in", () => {
    const state = newMatch();
    const hv = host(state, "type1");
    const engineVm = createVm(state, hv, { vcpus: 4, mem: 8192, engine: true });
    deploy(state, engineVm, "web", { cpu: 1000 });
    deploy(state, engineVm, "payment", { cpu: 1000 });
    settle(state);
    fire(state, { kind: "hardware", team: 0, server: hv });
    const ev = fire(state, { kind: "kernel", team: 0, app: "web" });
    expect(ev.hit).toEqual([]);
    expect(ev.cost).toBe(0);
  });
});
