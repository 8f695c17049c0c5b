import { describe, expect, it } from "vitest";
import { APPS, GUEST_OS, HYPERVISOR_COST, teamResult } from "../../shared/engine";
import { nonIntegers } from "./arbitraries";
import { accept, createVm, deploy, host, newMatch, refuse, served, settle, step, teamOf } from "./fixtures";

describe("dependencies: grades needs the database", () => {
  it("serves no grades without a db, then only what the db can answer, more with a bigger db", () => {
    const state = newMatch({ trafficPct: 400 });
    const ch = host(state, "container-host");
    for (let n = 0; n < 3; n++) deploy(state, ch, "grades");
    settle(state);
    let grades = teamOf(state).traffic.grades;
    expect(grades.capacity).toBe(3 * (APPS.grades.cpu / APPS.grades.cpuPerReq));
    expect(grades.served).toBe(0);
    expect(grades.dropped).toBe(grades.demand);

    const dbHost = host(state, "container-host");
    // An odd number of queries per tick: the grades it can answer do not divide evenly.
    const smallCpu = APPS.db.minCpu + 250;
    const small = deploy(state, dbHost, "db", { cpu: smallCpu });
    settle(state);
    grades = teamOf(state).traffic.grades;
    const db = teamOf(state).traffic.db;
    expect(db.capacity).toBe(smallCpu / APPS.db.cpuPerReq);
    expect(db.capacity % APPS.grades.deps.db!).not.toBe(0);
    expect(grades.served).toBeGreaterThan(0);
    expect(grades.served).toBeLessThanOrEqual(Math.trunc(db.capacity / APPS.grades.deps.db!));
    expect(grades.served).toBeLessThan(Math.min(grades.demand, grades.capacity));
    expect(grades.dropped).toBe(grades.demand - grades.served);
    expect(db.served).toBe(grades.served * APPS.grades.deps.db!);
    // Scaled down to the database, still whole requests everywhere.
    expect(nonIntegers(state)).toEqual([]);
    const limited = grades.served;

    accept(state, { type: "remove", instance: small });
    deploy(state, dbHost, "db", { cpu: 4 * APPS.db.minCpu });
    settle(state);
    expect(teamOf(state).traffic.grades.served).toBeGreaterThan(limited);
  });
});

describe("load is spread over instances in proportion to capacity", () => {
  it("gives a 2000m web container twice the requests of a 1000m one", () => {
    const state = newMatch();
    const ch = host(state, "container-host");
    const big = deploy(state, ch, "web", { cpu: 2000 });
    const small = deploy(state, ch, "web", { cpu: 1000 });
    settle(state);
    const web = teamOf(state).traffic.web;
    expect(web.served).toBe(web.demand);
    expect(served(state, big) + served(state, small)).toBe(web.served);
    expect(Math.abs(served(state, big) - 2 * served(state, small))).toBeLessThanOrEqual(2);
  });
});

describe("virtualization tax", () => {
  /** Room a VM leaves to apps, as the refusal of an oversized app reports it. */
  function roomIn(state: ReturnType<typeof newMatch>, vm: string): number {
    const e = refuse(state, { type: "deploy", target: vm, app: "db", cpu: APPS.db.maxCpu });
    expect(e.code).toBe("no_cpu");
    return e.params.free as number;
  }

  it("a type-2 VM leaves less CPU to apps than the same VM on type-1", () => {
    const state = newMatch();
    const vcpus = 4;
    const on1 = createVm(state, host(state, "type1"), { vcpus, mem: 8192 });
    const on2 = createVm(state, host(state, "type2"), { vcpus, mem: 8192 });
    const room1 = roomIn(state, on1);
    const room2 = roomIn(state, on2);
    expect(room2).toBeLessThan(room1);
    expect(room1).toBe(vcpus * 1000 - GUEST_OS.linux.cpu - vcpus * 10 * HYPERVISOR_COST.type1.taxPct.para);
    expect(room2).toBe(vcpus * 1000 - GUEST_OS.linux.cpu - vcpus * 10 * HYPERVISOR_COST.type2.taxPct.para);
  });

  it("a paravirtualized guest leaves more CPU to apps than a fully virtualized one", () => {
    const state = newMatch();
    const hv = host(state, "type1", { model: "gpu" });
    const para = createVm(state, hv, { vcpus: 4, mem: 8192, mode: "para" });
    const full = createVm(state, hv, { vcpus: 4, mem: 8192, mode: "full" });
    expect(roomIn(state, para)).toBeGreaterThan(roomIn(state, full));
  });

  it("shows up as OS tax on the dashboard: type-2 more than type-1", () => {
    const state = newMatch({ teams: 2 });
    for (const [team, layer] of [[0, "type1"], [1, "type2"]] as const) {
      const vm = createVm(state, host(state, layer, { team }), { vcpus: 4, mem: 8192 }, team);
      deploy(state, vm, "web", {}, team);
    }
    settle(state);
    expect(state.teams[1].last.osTaxCpu).toBeGreaterThan(state.teams[0].last.osTaxCpu);
  });
});

describe("every VM carries a whole guest OS", () => {
  it("three VMs cost far more OS tax than three containers doing the same work", () => {
    const state = newMatch({ teams: 2 });
    const hv = host(state, "type1", { model: "gpu" });
    for (let n = 0; n < 3; n++) deploy(state, createVm(state, hv), "web");
    const ch = host(state, "container-host", { model: "gpu", team: 1 });
    for (let n = 0; n < 3; n++) deploy(state, ch, "web", {}, 1);
    settle(state);
    const [vms, containers] = state.teams;
    expect(vms.traffic.web.served).toBe(containers.traffic.web.served);
    expect(vms.last.osTaxCpu).toBeGreaterThanOrEqual(containers.last.osTaxCpu + 3 * GUEST_OS.linux.cpu);
  });
});

describe("occupancy is not utilization", () => {
  it("idle reserved capacity shows as occupancy, not as utilization", () => {
    const state = newMatch({ teams: 3 });
    deploy(state, host(state, "container-host", { team: 0 }), "web", {}, 0);
    const ch = host(state, "container-host", { team: 1 });
    for (let n = 0; n < 3; n++) deploy(state, ch, "web", {}, 1);
    settle(state);
    step(state, 20);
    const [lean, padded, idle] = state.teams.map(teamResult);
    // Same demand, all of it served: the same useful work.
    expect(state.teams[0].traffic.web.served).toBe(state.teams[1].traffic.web.served);
    expect(padded.utilization).toBe(lean.utilization);
    expect(padded.occupancy).toBeGreaterThan(lean.occupancy);
    for (const r of [lean, padded]) {
      expect(r.utilization).toBeGreaterThan(0);
      expect(r.occupancy).toBeGreaterThan(r.utilization);
    }
    // Servers with nothing on them: owned capacity, neither reserved nor used.
    expect(idle.occupancy).toBe(0);
    expect(idle.utilization).toBe(0);
  });

  it("an empty VM raises occupancy and OS tax but no useful work", () => {
    const state = newMatch({ teams: 2 });
    for (const team of [0, 1]) {
      const hv = host(state, "type1", { team });
      deploy(state, createVm(state, hv, {}, team), "web", {}, team);
      if (team === 1) createVm(state, hv, { vcpus: 3 }, 1);
    }
    settle(state);
    step(state, 10);
    const [a, b] = state.teams.map(teamResult);
    expect(b.utilization).toBe(a.utilization);
    expect(b.occupancy).toBeGreaterThan(a.occupancy);
    expect(state.teams[1].last.osTaxCpu).toBeGreaterThan(state.teams[0].last.osTaxCpu);
  });
});
