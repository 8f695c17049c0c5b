import { describe, expect, it } from "vitest";
import { APPS, GUEST_OS, INCIDENTS } from "../../shared/engine";
import { allDown, allServing, createVm, deploy, fire, host, newMatch, served, settle, step, teamOf } from "./fixtures";

/** Ticks a thrashed physical OS keeps its apps down: the reboot, then the apps starting again. */
const SERVER_OUTAGE = INCIDENTS.serverRebootTicks + INCIDENTS.appRestartTicks;

describe("memory leak", () => {
  it("alone on its OS, only the leaking process is killed and restarted within minutes", () => {
    const state = newMatch();
    const web = deploy(state, host(state, "bare-linux"), "web");
    const enroll = deploy(state, host(state, "bare-windows"), "enroll");
    settle(state);
    const ev = fire(state, { kind: "leak", team: 0, app: "web" });
    expect(ev.hit).toEqual([web]);
    expect(served(state, enroll)).toBeGreaterThan(0);
    step(state, INCIDENTS.appRestartTicks);
    expect(served(state, web)).toBe(0);
    step(state);
    expect(served(state, web)).toBeGreaterThan(0);
  });

  it("on a shared OS it thrashes the whole OS: every app on it is down until the machine reboots", () => {
    const state = newMatch();
    const shared = host(state, "bare-linux");
    const grades = deploy(state, shared, "grades", { cpu: 2000 });
    const enroll = deploy(state, host(state, "bare-windows"), "enroll");
    const db = deploy(state, shared, "db", { cpu: 2000 });
    settle(state);
    expect(allServing(state, [grades, db, enroll])).toBe(true);

    const ev = fire(state, { kind: "leak", team: 0, app: "grades" });
    expect(ev.target).toBe(grades);
    expect(ev.hit).toEqual([grades, db]);
    expect(allDown(state, [grades, db])).toBe(true);
    expect(served(state, enroll)).toBeGreaterThan(0);
    // Far longer than the leaker alone would have been down.
    expect(SERVER_OUTAGE).toBeGreaterThan(3 * (INCIDENTS.appRestartTicks + 1));
    step(state, SERVER_OUTAGE - 2);
    expect(allDown(state, [grades, db])).toBe(true);
    step(state, 2);
    expect(allServing(state, [grades, db])).toBe(true);
  });

  it("is a bug in the app, so every running instance of it leaks", () => {
    const state = newMatch();
    const webs = [deploy(state, host(state, "bare-linux"), "web"), deploy(state, host(state, "bare-linux"), "web")];
    settle(state);
    const ev = fire(state, { kind: "leak", team: 0, app: "web" });
    expect(ev.hit.sort()).toEqual([...webs].sort());
    expect(teamOf(state).traffic.web.capacity).toBe(0);
  });

  it("stays inside the VM it happens in: only that guest reboots, faster than a machine", () => {
    const state = newMatch();
    const hv = host(state, "type1", { model: "gpu" });
    const leaking = createVm(state, hv, { vcpus: 6, mem: 24576 });
    const neighbour = createVm(state, hv, { vcpus: 6, mem: 8192 });
    const grades = deploy(state, leaking, "grades", { cpu: 2000 });
    const db = deploy(state, leaking, "db", { cpu: 2000 });
    const web = deploy(state, neighbour, "web");
    settle(state);
    expect(allServing(state, [web, grades, db])).toBe(true);

    const ev = fire(state, { kind: "leak", team: 0, app: "grades" });
    expect(ev.hit).toEqual([grades, db]);
    expect(allDown(state, [grades, db])).toBe(true);
    expect(served(state, web)).toBeGreaterThan(0);
    const guestOutage = GUEST_OS.linux.bootTicks + INCIDENTS.appRestartTicks;
    expect(guestOutage).toBeLessThan(SERVER_OUTAGE);
    step(state, guestOutage);
    expect(allServing(state, [web, db, grades])).toBe(true);
  });

  it("stays inside a container that has a memory limit", () => {
    const state = newMatch();
    const ch = host(state, "container-host");
    const grades = deploy(state, ch, "grades", { memLimit: APPS.grades.mem });
    const webs = [deploy(state, ch, "web", { memLimit: APPS.web.mem }), deploy(state, ch, "web", { memLimit: APPS.web.mem })];
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

  it("without a memory limit starves the neighbours: the container host reboots with all its containers", () => {
    const state = newMatch();
    const ch = host(state, "container-host");
    const grades = deploy(state, ch, "grades");
    const webs = [deploy(state, ch, "web"), deploy(state, ch, "web")];
    const otherHost = host(state, "container-host");
    const db = deploy(state, otherHost, "db", { cpu: 4000 });
    const webElsewhere = deploy(state, otherHost, "web", { memLimit: APPS.web.mem });
    settle(state);

    const ev = fire(state, { kind: "leak", team: 0, app: "grades" });
    expect(ev.hit.sort()).toEqual([grades, ...webs].sort());
    expect(allDown(state, [grades, ...webs])).toBe(true);
    expect(served(state, webElsewhere)).toBeGreaterThan(0);
    expect(teamOf(state).traffic.db.capacity).toBeGreaterThan(0);
    step(state, SERVER_OUTAGE);
    expect(allServing(state, [grades, ...webs, db, webElsewhere])).toBe(true);
  });

  it("happens in a running process, never in one whose VM is down", () => {
    const state = newMatch();
    const hv = host(state, "type1");
    const webInDownVm = deploy(state, createVm(state, hv), "web");
    const shared = host(state, "bare-linux");
    const web = deploy(state, shared, "web");
    const db = deploy(state, shared, "db", { cpu: 2000 });
    settle(state);
    fire(state, { kind: "hardware", team: 0, server: hv });
    expect(served(state, webInDownVm)).toBe(0);

    const ev = fire(state, { kind: "leak", team: 0, app: "web" });
    expect(ev.target).toBe(web);
    expect(ev.hit).toEqual([web, db]);
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
