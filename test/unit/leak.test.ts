import { describe, expect, it } from "vitest";
import { APPS, INCIDENTS } from "../../shared/engine";
import { allDown, allServing, createVm, deploy, fire, host, newMatch, served, settle, step, teamOf } from "./fixtures";

describe("memory leak", () => {
  it("on a shared OS the OOM killer takes every process on it, for a process restart", () => {
    const state = newMatch();
    const shared = host(state, "bare-linux");
    const web = deploy(state, shared, "web");
    const enrollHost = host(state, "bare-windows");
    const enroll = deploy(state, enrollHost, "enroll");
    const db = deploy(state, shared, "db", { cpu: 2000 });
    const grades = deploy(state, shared, "grades");
    settle(state);
    expect(allServing(state, [web, db, grades, enroll])).toBe(true);

    const ev = fire(state, { kind: "leak", team: 0, app: "web" });
    expect(ev.target).toBe(web);
    expect(ev.hit).toEqual([web, db, grades]);
    expect(allDown(state, [web, db, grades])).toBe(true);
    expect(served(state, enroll)).toBeGreaterThan(0);

    step(state, INCIDENTS.processRestartTicks - 1);
    expect(allDown(state, [web, db, grades])).toBe(true);
    step(state);
    expect(allServing(state, [web, db, grades])).toBe(true);
  });

  it("stays inside the VM it happens in", () => {
    const state = newMatch();
    const hv = host(state, "type1", { model: "gpu" });
    const leaking = createVm(state, hv, { vcpus: 6, mem: 8192 });
    const neighbour = createVm(state, hv, { vcpus: 6, mem: 24576 });
    const web = deploy(state, leaking, "web");
    const grades = deploy(state, leaking, "grades");
    const db = deploy(state, neighbour, "db", { cpu: 4000 });
    settle(state);
    expect(allServing(state, [web, grades, db])).toBe(true);

    const ev = fire(state, { kind: "leak", team: 0, app: "web" });
    expect(ev.hit).toEqual([web, grades]);
    expect(allDown(state, [web, grades])).toBe(true);
    expect(teamOf(state).traffic.db.capacity).toBeGreaterThan(0);
  });

  it("stays inside a container that has a memory limit", () => {
    const state = newMatch();
    const ch = host(state, "container-host");
    const grades = deploy(state, ch, "grades", { memLimit: APPS.grades.mem });
    const webs = [deploy(state, ch, "web"), deploy(state, ch, "web")];
    const db = deploy(state, host(state, "container-host"), "db", { cpu: 4000 });
    settle(state);
    expect(allServing(state, [grades, ...webs, db])).toBe(true);

    const ev = fire(state, { kind: "leak", team: 0, app: "grades" });
    expect(ev.hit).toEqual([grades]);
    expect(served(state, grades)).toBe(0);
    expect(allServing(state, webs)).toBe(true);
    step(state, INCIDENTS.containerRestartTicks);
    expect(allServing(state, [grades, ...webs, db])).toBe(true);
  });

  it("without a memory limit starves the neighbours: every container on the host restarts", () => {
    const state = newMatch();
    const ch = host(state, "container-host");
    const grades = deploy(state, ch, "grades");
    const webs = [deploy(state, ch, "web"), deploy(state, ch, "web")];
    const otherHost = host(state, "container-host");
    const db = deploy(state, otherHost, "db", { cpu: 4000 });
    const webElsewhere = deploy(state, otherHost, "web");
    settle(state);

    const ev = fire(state, { kind: "leak", team: 0, app: "grades" });
    expect(ev.hit).toEqual([grades, ...webs]);
    expect(allDown(state, [grades, ...webs])).toBe(true);
    expect(served(state, webElsewhere)).toBeGreaterThan(0);
    expect(teamOf(state).traffic.db.capacity).toBeGreaterThan(0);
    // Containers restart faster than processes on a bare OS.
    expect(INCIDENTS.containerRestartTicks).toBeLessThan(INCIDENTS.processRestartTicks);
    step(state, INCIDENTS.containerRestartTicks);
    expect(allServing(state, [grades, ...webs, db, webElsewhere])).toBe(true);
  });

  it("happens in a running process, never in one whose VM is down", () => {
    // Which instance leaks is drawn at random: try several seeds.
    for (let seed = 1; seed <= 8; seed++) {
      const state = newMatch({ seed });
      const hv = host(state, "type1");
      const webInDownVm = deploy(state, createVm(state, hv), "web");
      const shared = host(state, "bare-linux");
      const web = deploy(state, shared, "web");
      const grades = deploy(state, shared, "grades");
      settle(state);
      fire(state, { kind: "hardware", team: 0, server: hv });
      expect(served(state, webInDownVm)).toBe(0);

      const ev = fire(state, { kind: "leak", team: 0, app: "web" });
      expect(ev.target, `seed ${seed}`).toBe(web);
      expect(ev.hit).toEqual([web, grades]);
    }
  });

  it("hits nobody when no instance of the app runs", () => {
    const state = newMatch();
    const web = deploy(state, host(state, "bare-linux"), "web");
    settle(state);
    const ev = fire(state, { kind: "leak", team: 0, app: "grades" });
    expect(ev.hit).toEqual([]);
    expect(served(state, web)).toBeGreaterThan(0);
  });
});
