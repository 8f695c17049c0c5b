import { describe, expect, it } from "vitest";
import {
  BUDGET_LIMITS, GUEST_OS, MAX_TEAMS, TRAFFIC_PCT_LIMITS, VM_LIMITS, advance, applyHostAction, checkCommand, isOver,
  parseSettings, stateHash,
} from "../../shared/engine";
import { accept, createVm, deploy, host, newMatch, refuse, step } from "./fixtures";

describe("commands are untrusted input", () => {
  const cases: [string, unknown, string][] = [
    ["an unknown field", { type: "buyServer", model: "small", extra: true }, ""],
    ["an unknown command type", { type: "launchMissiles" }, "type"],
    ["no command type", {}, "type"],
    ["null", null, ""],
    ["undefined", undefined, ""],
    ["a number", 42, ""],
    ["a string", "buyServer", ""],
    ["an array", [{ type: "buyServer", model: "small" }], ""],
    ["a missing field", { type: "buyServer" }, "model"],
    ["an unknown model", { type: "buyServer", model: "huge" }, "model"],
    ["an unknown layer", { type: "installLayer", server: "s1", layer: "type3" }, "layer"],
    ["an unknown app", { type: "deploy", target: "s1", app: "bitcoin" }, "app"],
    ["an unknown edition", { type: "buyLicence", server: "s1", edition: "pro" }, "edition"],
    ["a number for an id", { type: "deploy", target: 7, app: "web" }, "target"],
    ["a VM id where a server id goes", { type: "sellServer", server: "v1" }, "server"],
    ["an id with trailing junk", { type: "sellServer", server: "s1;drop" }, "server"],
    ["a string for a number", { type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: "4", mem: 4096 }, "vcpus"],
    ["a fraction", { type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: 1.5, mem: 4096 }, "vcpus"],
    ["zero vCPUs", { type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: 0, mem: 4096 }, "vcpus"],
    ["too many vCPUs", { type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: VM_LIMITS.maxVcpus + 1, mem: 4096 }, "vcpus"],
    ["too little memory", { type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: 2, mem: VM_LIMITS.minMem - 1 }, "mem"],
    ["a string for a flag", { type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: 2, mem: 4096, engine: "yes" }, "engine"],
    ["negative CPU", { type: "deploy", target: "s1", app: "web", cpu: -500 }, "cpu"],
    ["NaN CPU", { type: "deploy", target: "s1", app: "web", cpu: NaN }, "cpu"],
    ["infinite CPU", { type: "deploy", target: "s1", app: "web", cpu: Infinity }, "cpu"],
    ["a huge memory limit", { type: "deploy", target: "s1", app: "web", memLimit: 1e12 }, "memLimit"],
  ];

  it.each(cases)("refuses %s with bad_command naming the field", (_name, input, path) => {
    const state = newMatch();
    host(state, "bare-linux");
    const e = refuse(state, input);
    expect(e.code).toBe("bad_command");
    expect(e.params.path).toBe(path);
    expect(typeof e.params.issue).toBe("string");
    expect(checkCommand(state, 0, input)).toEqual(e);
  });

  it.each([-1, 1.5, 2, MAX_TEAMS, NaN, "0"])("refuses a command for team %s that does not exist", (team) => {
    const state = newMatch({ teams: 2 });
    const before = stateHash(state);
    const e = checkCommand(state, team as number, { type: "buyServer", model: "small" });
    expect(e).toEqual({ code: "bad_command", params: { path: "team", issue: "invalid_value" } });
    expect(stateHash(state)).toBe(before);
  });

  it("answers checkCommand exactly as applyCommand would, without changing anything", () => {
    const state = newMatch();
    const before = stateHash(state);
    expect(checkCommand(state, 0, { type: "buyServer", model: "small" })).toBeNull();
    expect(stateHash(state)).toBe(before);
  });
});

describe("whose object it is", () => {
  it("refuses every command on another team's objects with foreign_object", () => {
    const state = newMatch({ teams: 2 });
    const bare = host(state, "bare-linux");
    const web = deploy(state, bare, "web");
    const hv = host(state, "type1");
    const vm = createVm(state, hv);
    const mine = host(state, "type1", { team: 1, model: "gpu" });
    const myVm = createVm(state, mine, {}, 1);

    const attempts: [unknown, string][] = [
      [{ type: "sellServer", server: bare }, bare],
      [{ type: "installLayer", server: bare, layer: "bare-linux" }, bare],
      [{ type: "buyLicence", server: bare, edition: "standard" }, bare],
      [{ type: "createVm", server: hv, os: "linux", mode: "para", vcpus: 1, mem: 2048 }, hv],
      [{ type: "deleteVm", vm }, vm],
      [{ type: "migrateVm", vm, to: mine }, vm],
      [{ type: "migrateVm", vm: myVm, to: hv }, hv],
      [{ type: "deploy", target: bare, app: "grades" }, bare],
      [{ type: "deploy", target: vm, app: "web" }, vm],
      [{ type: "remove", instance: web }, web],
    ];
    for (const [command, id] of attempts) {
      expect(refuse(state, command, 1)).toEqual({ code: "foreign_object", params: { id } });
    }
  });

  it("refuses ids that do not exist with unknown_object", () => {
    const state = newMatch();
    expect(refuse(state, { type: "sellServer", server: "s999" })).toEqual({ code: "unknown_object", params: { id: "s999" } });
    expect(refuse(state, { type: "deleteVm", vm: "v1" })).toEqual({ code: "unknown_object", params: { id: "v1" } });
    expect(refuse(state, { type: "remove", instance: "i42" })).toEqual({ code: "unknown_object", params: { id: "i42" } });
  });

  it("refuses a removed instance and a sold server afterwards", () => {
    const state = newMatch();
    const s = host(state, "bare-linux");
    const web = deploy(state, s, "web");
    accept(state, { type: "remove", instance: web });
    expect(refuse(state, { type: "remove", instance: web }).code).toBe("unknown_object");
    accept(state, { type: "sellServer", server: s });
    expect(refuse(state, { type: "deploy", target: s, app: "web" }).code).toBe("unknown_object");
  });
});

describe("what the round allows", () => {
  it("refuses layers the round has not unlocked", () => {
    const state = newMatch({ scenario: "old-era" });
    const s = state.teams[0].servers[0].id;
    for (const layer of ["type1", "type2", "container-host"] as const) {
      expect(refuse(state, { type: "installLayer", server: s, layer })).toEqual({ code: "not_unlocked", params: { layer } });
    }
    accept(state, { type: "installLayer", server: s, layer: "bare-linux" });
  });

  it("follows the teacher's unlock override", () => {
    const state = newMatch({ unlocks: ["bare-linux"] });
    const s = state.teams[0].servers[0].id;
    expect(refuse(state, { type: "installLayer", server: s, layer: "container-host" }).code).toBe("not_unlocked");
  });

  it("refuses apps the scenario does not have", () => {
    const state = newMatch({ scenario: "exam-morning" });
    const s = host(state, "container-host");
    expect(refuse(state, { type: "deploy", target: s, app: "payment" })).toEqual({
      code: "app_not_in_scenario", params: { app: "payment" },
    });
    const r = applyHostAction(state, { type: "incident", kind: "leak", team: 0, app: "enroll" });
    expect(r).toEqual({ ok: false, error: { code: "app_not_in_scenario", params: { app: "enroll" } } });
  });

  it("refuses apps on a server with no layer, and VMs too small for their guest OS", () => {
    const state = newMatch();
    const bare = state.teams[0].servers[0].id;
    expect(refuse(state, { type: "deploy", target: bare, app: "web" })).toEqual({ code: "no_layer", params: { server: bare } });
    const hv = host(state, "type1");
    const min = GUEST_OS.windows.mem + VM_LIMITS.minFreeMem;
    expect(refuse(state, { type: "createVm", server: hv, os: "windows", mode: "full", vcpus: 2, mem: min - 512 })).toEqual({
      code: "vm_mem_too_small", params: { min, os: "windows" },
    });
    createVm(state, hv, { os: "windows", mem: min });
  });
});

describe("the end of the match", () => {
  it("accepts commands on the last tick, refuses them after it with match_over", () => {
    const state = newMatch({ scenario: "double-12" });
    step(state, state.world.ticks - 1);
    expect(isOver(state)).toBe(false);
    accept(state, { type: "installLayer", server: state.teams[0].servers[0].id, layer: "container-host" });
    step(state);
    expect(isOver(state)).toBe(true);

    const tick = state.tick;
    expect(refuse(state, { type: "buyServer", model: "small" })).toEqual({ code: "match_over", params: { tick } });
    expect(refuse(state, { type: "installLayer", server: state.teams[0].servers[0].id, layer: "bare-linux" }).code).toBe("match_over");
    expect(checkCommand(state, 0, { type: "buyServer", model: "small" })?.code).toBe("match_over");
    expect(applyHostAction(state, { type: "incident", kind: "audit", team: null })).toEqual({
      ok: false, error: { code: "match_over", params: { tick } },
    });
    const before = stateHash(state);
    expect(advance(state)).toBe(false);
    expect(state.tick).toBe(tick);
    expect(stateHash(state)).toBe(before);
  });
});

describe("the teacher's actions are checked too", () => {
  it("refuses malformed incidents, unknown teams and other teams' servers", () => {
    const state = newMatch({ teams: 2 });
    const theirs = state.teams[1].servers[0].id;
    const bad = (input: unknown) => {
      const before = stateHash(state);
      const r = applyHostAction(state, input);
      expect(stateHash(state)).toBe(before);
      return r.ok ? null : r.error;
    };
    expect(bad({ type: "incident", kind: "meteor", team: 0 })?.code).toBe("bad_command");
    expect(bad({ type: "incident", kind: "leak", team: 0, extra: 1 })?.code).toBe("bad_command");
    expect(bad({ type: "incident", kind: "leak", team: 2 })).toEqual({ code: "bad_command", params: { path: "team", issue: "invalid_value" } });
    expect(bad({ type: "incident", kind: "hardware", team: 0, server: theirs })).toEqual({ code: "foreign_object", params: { id: theirs } });
    expect(bad({ type: "incident", kind: "hardware", team: 0, server: "s999" })).toEqual({ code: "unknown_object", params: { id: "s999" } });
    expect(state.pendingIncidents).toEqual([]);
  });
});

describe("match settings are checked", () => {
  it.each([
    ["an unknown scenario", { scenario: "moon-base", teams: ["a"] }],
    ["no teams", { scenario: "exam-morning", teams: [] }],
    ["too many teams", { scenario: "exam-morning", teams: Array.from({ length: MAX_TEAMS + 1 }, (_, i) => `t${i}`) }],
    ["a budget over the limit", { scenario: "exam-morning", teams: ["a"], budget: BUDGET_LIMITS.max + 1 }],
    ["a traffic multiplier out of range", { scenario: "exam-morning", teams: ["a"], trafficPct: TRAFFIC_PCT_LIMITS.max + 1 }],
    ["an unknown unlock", { scenario: "exam-morning", teams: ["a"], unlocks: ["type9"] }],
    ["an unknown field", { scenario: "exam-morning", teams: ["a"], cheat: true }],
  ])("refuses %s", (_name, input) => {
    const r = parseSettings(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("bad_command");
  });

  it("accepts the teacher's overrides within their limits", () => {
    const r = parseSettings({ scenario: "free-play", teams: ["a", "b"], budget: BUDGET_LIMITS.min, trafficPct: TRAFFIC_PCT_LIMITS.min, unlocks: ["bare-linux"] });
    expect(r.ok).toBe(true);
  });
});
