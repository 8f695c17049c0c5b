import { describe, expect, it } from "vitest";
import { INCIDENTS } from "../../shared/engine";
import { allDown, allServing, createVm, deploy, fire, host, newMatch, served, settle, step, teamOf } from "./fixtures";

describe("Linux kernel exploit through the internet-facing app", () => {
  /**
   * s1: container host running web and payment; a type-1 host with a VM running web and a VM
   * running the database; a bare Linux server running web; a container host with no web on it.
   */
  function layout() {
    const state = newMatch();
    const ch = host(state, "container-host");
    const webC = deploy(state, ch, "web");
    const payC = deploy(state, ch, "payment");
    const hv = host(state, "type1", { model: "large" });
    const webVmId = createVm(state, hv);
    const webVm = deploy(state, webVmId, "web");
    const db = deploy(state, createVm(state, hv, { vcpus: 4, mem: 18432 }), "db", { cpu: 2000 });
    const bare = host(state, "bare-linux", { model: "large" });
    const webBare = deploy(state, bare, "web");
    const quiet = host(state, "container-host", { model: "gpu" });
    const payQuiet = deploy(state, quiet, "payment");
    settle(state);
    return { state, ch, webC, payC, webVmId, webVm, db, bare, webBare, quiet, payQuiet };
  }

  it("reaches every kernel running the entry app — container host, VM guest and bare OS alike — and nothing else", () => {
    const { state, ch, webC, payC, webVmId, webVm, db, bare, webBare, payQuiet } = layout();
    expect(allServing(state, [webC, payC, webVm, db, webBare, payQuiet])).toBe(true);

    const ev = fire(state, { kind: "kernel", team: 0, app: "web" });
    expect((ev.target ?? "").split(",").sort()).toEqual([ch, webVmId, bare].sort());
    expect(ev.hit.sort()).toEqual([webC, payC, webVm, webBare].sort());
    expect(allDown(state, [webC, payC, webVm, webBare])).toBe(true);
    expect(allServing(state, [db, payQuiet])).toBe(true);

    step(state, INCIDENTS.kernelPatchTicks + INCIDENTS.appRestartTicks - 2);
    expect(allDown(state, [webC, payC, webVm, webBare])).toBe(true);
    step(state, 2);
    expect(allServing(state, [webC, payC, webVm, webBare])).toBe(true);
  });

  it("keeps a compromised host's kernel down: nothing new starts on it until it is patched", () => {
    const { state, ch } = layout();
    fire(state, { kind: "kernel", team: 0, app: "web" });
    const extra = deploy(state, ch, "web");
    step(state, 2);
    expect(served(state, extra)).toBe(0);
  });

  it("fines a breach when a payment service was on a compromised kernel", () => {
    const { state } = layout();
    const fines = teamOf(state).ledger.fines;
    const ev = fire(state, { kind: "kernel", team: 0, app: "web" });
    expect(ev.cost).toBe(INCIDENTS.breachFine);
    // The tick's compliance surcharge (payment shared that kernel) comes on top of the breach.
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

  it("reaches containers inside a VM with a container engine, and a plain VM running the entry app too", () => {
    const state = newMatch();
    const hv = host(state, "type1");
    const engineVm = createVm(state, hv, { vcpus: 4, mem: 8192, engine: true });
    const a = deploy(state, engineVm, "web", { cpu: 1000 });
    const b = deploy(state, engineVm, "web", { cpu: 1000 });
    const plainVm = createVm(state, hv);
    const c = deploy(state, plainVm, "web");
    settle(state);
    const ev = fire(state, { kind: "kernel", team: 0, app: "web" });
    expect((ev.target ?? "").split(",").sort()).toEqual([engineVm, plainVm].sort());
    expect(ev.hit.sort()).toEqual([a, b, c].sort());
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

  it("leaves Windows kernels alone", () => {
    const state = newMatch();
    const win = host(state, "bare-windows");
    const web = deploy(state, win, "web");
    settle(state);
    const ev = fire(state, { kind: "kernel", team: 0, app: "web" });
    expect(ev.hit).toEqual([]);
    expect(served(state, web)).toBeGreaterThan(0);
  });
});
