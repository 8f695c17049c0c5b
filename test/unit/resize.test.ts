import { describe, expect, it } from "vitest";
import { APPS, INCIDENTS } from "../../shared/engine";
import { accept, createVm, deploy, host, instanceById, newMatch, refuse, served, settle, step, teamOf } from "./fixtures";

describe("resizing an instance", () => {
  it("scales the database up: a process restarts to take the new size, then serves more", () => {
    const state = newMatch({ scenario: "exam-morning" });
    const s = host(state, "bare-linux", { model: "large" });
    const db = deploy(state, s, "db", { cpu: 2000 });
    deploy(state, host(state, "bare-linux"), "grades", { cpu: 4000 });
    settle(state);
    const before = teamOf(state).traffic.db.capacity;
    accept(state, { type: "resize", instance: db, cpu: 8000 });
    step(state, INCIDENTS.resizeRestartTicks);
    expect(teamOf(state).traffic.db.capacity).toBe(0);
    step(state);
    expect(teamOf(state).traffic.db.capacity).toBe(4 * before);
    expect(instanceById(state, db).cpu).toBe(8000);
  });

  it("changes a container's limit live: no restart", () => {
    const state = newMatch();
    const ch = host(state, "container-host", { model: "large" });
    const web = deploy(state, ch, "web", { cpu: 1000 });
    settle(state);
    accept(state, { type: "resize", instance: web, cpu: 2000 });
    step(state);
    expect(served(state, web)).toBeGreaterThan(0);
    expect(teamOf(state).traffic.web.capacity).toBe(2000 / APPS.web.cpuPerReq);
  });

  it("is refused beyond what the app can use, beyond the host's free room, or for a fixed-size job", () => {
    const state = newMatch();
    const hv = host(state, "type1");
    const vm = createVm(state, hv, { vcpus: 3, mem: 4096 });
    const web = deploy(state, vm, "web", { cpu: 1000 });
    expect(refuse(state, { type: "resize", instance: web, cpu: APPS.web.maxCpu + 250 }).code).toBe("cpu_out_of_range");
    expect(refuse(state, { type: "resize", instance: web, cpu: 1000 }).code).toBe("resize_no_change");
    const big = createVm(state, hv, { vcpus: 4, mem: 4096 });
    const small = deploy(state, big, "web", { cpu: 2000 });
    accept(state, { type: "resize", instance: small, cpu: 500 });
    const gpu = host(state, "bare-linux", { model: "gpu" });
    const job = deploy(state, gpu, "train");
    expect(refuse(state, { type: "resize", instance: job, cpu: 2000 }).code).toBe("not_resizable");
    const full = host(state, "bare-linux");
    const db = deploy(state, full, "db", { cpu: 7000 });
    expect(refuse(state, { type: "resize", instance: db, cpu: 8000 }).code).toBe("no_cpu");
  });
});
