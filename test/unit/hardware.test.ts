import { describe, expect, it } from "vitest";
import { GUEST_OS, INCIDENTS } from "../../shared/engine";
import {
  allDown, allServing, createVm, deploy, fire, host, newMatch, refuse, served, serverById, settle, step, teamOf, tickOf,
} from "./fixtures";

describe("hardware failure", () => {
  it("takes everything on the server down until it is repaired, then it comes back", () => {
    const state = newMatch();
    const s = host(state, "bare-linux");
    const web = deploy(state, s, "web");
    const grades = deploy(state, s, "grades");
    const other = host(state, "container-host");
    const db = deploy(state, other, "db", { cpu: 4000 });
    const webElsewhere = deploy(state, other, "web");
    settle(state);

    const t = state.tick;
    const ev = fire(state, { kind: "hardware", team: 0, server: s });
    expect(ev.target).toBe(s);
    expect(ev.hit).toEqual([web, grades]);
    expect(allDown(state, [web, grades])).toBe(true);
    expect(served(state, webElsewhere)).toBeGreaterThan(0);
    expect(teamOf(state).traffic.db.capacity).toBeGreaterThan(0);
    expect(ev.hit).not.toContain(db);
    expect(refuse(state, { type: "deploy", target: s, app: "payment" })).toEqual({
      code: "server_failed", params: { server: s, until: t + INCIDENTS.hardwareRepairTicks },
    });

    const repaired = tickOf(state, (e) => e.kind === "server-repaired" && e.server === s);
    expect(repaired).toBe(t + INCIDENTS.hardwareRepairTicks);
    expect(allDown(state, [web, grades])).toBe(true);
    step(state, INCIDENTS.processRestartTicks);
    expect(allServing(state, [web, grades, db])).toBe(true);
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
    const back = t + INCIDENTS.hardwareRepairTicks + GUEST_OS.linux.bootTicks;
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
