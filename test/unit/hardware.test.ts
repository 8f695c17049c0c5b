import { describe, expect, it } from "vitest";
import { GUEST_OS, INCIDENTS } from "../../shared/engine";
import { SCENARIOS } from "../../shared/scenarios";
import {
  accept, allDown, allServing, createVm, deploy, fire, host, installLayer, newMatch, refuse, served, serverById, settle, step, teamOf,
  tickOf, timeline, vmById,
} from "./fixtures";

describe("hardware failure", () => {
  it("takes everything on the server down until it is repaired, then it comes back", () => {
    const state = newMatch();
    const s = host(state, "bare-linux");
    const web = deploy(state, s, "web");
    const payment = deploy(state, s, "payment", { cpu: 2000 });
    const other = host(state, "bare-linux", { model: "large" });
    const db = deploy(state, other, "db", { cpu: 4000 });
    const webElsewhere = deploy(state, host(state, "container-host"), "web");
    settle(state);

    const t = state.tick;
    const ev = fire(state, { kind: "hardware", team: 0, server: s });
    expect(ev.target).toBe(s);
    expect(ev.hit).toEqual([web, payment]);
    expect(allDown(state, [web, payment])).toBe(true);
    expect(served(state, webElsewhere)).toBeGreaterThan(0);
    expect(teamOf(state).traffic.db.capacity).toBeGreaterThan(0);
    expect(ev.hit).not.toContain(db);
    expect(refuse(state, { type: "deploy", target: s, app: "payment" })).toEqual({
      code: "server_failed", params: { server: s, until: t + INCIDENTS.hardwareRepairTicks },
    });

    const repaired = tickOf(state, (e) => e.kind === "server-repaired" && e.server === s);
    expect(repaired).toBe(t + INCIDENTS.hardwareRepairTicks);
    expect(allDown(state, [web, payment])).toBe(true);
    step(state, INCIDENTS.appRestartTicks);
    expect(allServing(state, [web, payment, db])).toBe(true);
  });

  it("takes down the VMs of a failed hypervisor until repair plus a reboot", () => {
    const state = newMatch();
    const hv = host(state, "type1");
    const vm = createVm(state, hv);
    const web = deploy(state, vm, "web");
    settle(state);
    const t = state.tick;
    const ev = fire(state, { kind: "hardware", team: 0, server: hv });
    expect(ev.hit).toEqual([vm]);
    expect(served(state, web)).toBe(0);
    const back = t + INCIDENTS.hardwareRepairTicks + GUEST_OS.linux.bootTicks + INCIDENTS.appRestartTicks;
    step(state, back - state.tick);
    expect(served(state, web)).toBe(0);
    step(state);
    expect(served(state, web)).toBeGreaterThan(0);
    expect(serverById(state, hv).failedUntil).toBeLessThan(state.tick);
  });

  it("costs no power and shows no capacity while the server is down", () => {
    const state = newMatch();
    const s = host(state, "bare-linux");
    deploy(state, s, "web");
    settle(state);
    const cpuBefore = teamOf(state).last.capacityCpu;
    const powerBefore = teamOf(state).last.power;
    fire(state, { kind: "hardware", team: 0, server: s });
    expect(teamOf(state).last.capacityCpu).toBeLessThan(cpuBefore);
    expect(teamOf(state).last.power).toBeLessThan(powerBefore);
  });
});

describe("scripted hardware failure: a warning, then the busiest server dies", () => {
  /** Exam morning with its scripted incidents; a busy type-1 host, a spare one and a quiet bare server. */
  function examMorning(ha = false) {
    const state = newMatch({ scenario: "exam-morning", scriptedIncidents: true });
    const busy = host(state, "type1", { model: "large" });
    const spare = host(state, "type1", { model: "large" });
    const quiet = host(state, "bare-linux");
    deploy(state, quiet, "web", { cpu: 500 });
    const vm = createVm(state, busy, { vcpus: 8, mem: 8192 });
    const web = deploy(state, vm, "web");
    if (ha) accept(state, { type: "buyLicence", server: busy, edition: "ha" });
    settle(state);
    return { state, busy, spare, quiet, vm, web };
  }
  const warnAt = SCENARIOS["exam-morning"].incidents.find((i) => i.kind === "hardware")!.tick;

  it("warns about the team's busiest owned server, which dies the warning's lead time later", () => {
    const { state, busy, web } = examMorning();
    step(state, warnAt - state.tick);
    const events = timeline(state, 1);
    expect(events).toContainEqual({ kind: "hardware-warning", team: 0, server: busy, at: warnAt + INCIDENTS.hardwareWarnTicks, tick: warnAt });
    expect(serverById(state, busy).failingAt).toBe(warnAt + INCIDENTS.hardwareWarnTicks);
    const died = tickOf(state, (e) => e.kind === "incident" && e.incident === "hardware");
    expect(died).toBe(warnAt + INCIDENTS.hardwareWarnTicks);
    expect(serverById(state, busy).failedUntil).toBe(died + INCIDENTS.hardwareRepairTicks);
    expect(served(state, web)).toBe(0);
  });

  it("a VM live-migrated off it during the warning keeps serving through the failure", () => {
    const { state, spare, vm, web } = examMorning();
    step(state, warnAt - state.tick + 1);
    accept(state, { type: "migrateVm", vm, to: spare });
    for (let n = 0; n < INCIDENTS.hardwareWarnTicks + 3; n++) {
      step(state);
      expect(served(state, web)).toBeGreaterThan(0);
    }
    expect(vmById(state, vm).server.id).toBe(spare);
  });

  it("with the HA suite the hypervisor moves its VMs away by itself", () => {
    const { state, busy, spare, vm, web } = examMorning(true);
    expect(teamOf(state).ledger.hypervisorLicences).toBeGreaterThan(0);
    step(state, warnAt - state.tick + 1);
    expect(vmById(state, vm).vm.migration?.to).toBe(spare);
    step(state, INCIDENTS.hardwareWarnTicks + 2);
    expect(vmById(state, vm).server.id).toBe(spare);
    expect(served(state, web)).toBeGreaterThan(0);
    expect(serverById(state, busy).failedUntil).toBeGreaterThan(state.tick);
  });

  it("never picks a rented machine: the cloud looks after its own hardware", () => {
    const state = newMatch({ scenario: "exam-morning", scriptedIncidents: true });
    accept(state, { type: "rentServer", model: "large" });
    const rented = teamOf(state).servers.at(-1)!.id;
    installLayer(state, rented, "bare-linux");
    deploy(state, rented, "web");
    settle(state);
    const events = timeline(state, warnAt - state.tick + 1);
    expect(events.some((e) => e.kind === "hardware-warning" && e.server === rented)).toBe(false);
  });
});
