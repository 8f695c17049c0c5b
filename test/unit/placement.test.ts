import { describe, expect, it } from "vitest";
import { APPS, HOST_LAYERS, SERVER_MODELS } from "../../shared/engine";
import {
  createVm, deploy, exists, fire, host, installLayer, newMatch, refuse, served, serverById, settle, step, teamOf,
} from "./fixtures";

describe("port rule: one OS has one network stack", () => {
  it("refuses a second app on port 80 on one bare server, naming the app holding it", () => {
    const state = newMatch();
    const s = host(state, "bare-linux");
    const web = deploy(state, s, "web");
    expect(refuse(state, { type: "deploy", target: s, app: "web" })).toEqual({
      code: "port_in_use", params: { port: APPS.web.port, instance: web, app: "web" },
    });
  });

  it("refuses the Windows-only enroll next to the portal on one Windows server: both want port 80", () => {
    const state = newMatch();
    const s = host(state, "bare-windows");
    const web = deploy(state, s, "web");
    expect(refuse(state, { type: "deploy", target: s, app: "enroll" })).toEqual({
      code: "port_in_use", params: { port: APPS.enroll.port, instance: web, app: "web" },
    });
  });

  it("refuses two port-80 apps in one VM, but two VMs on one hypervisor each run one", () => {
    const state = newMatch();
    const s = host(state, "type1");
    const a = createVm(state, s);
    const b = createVm(state, s);
    const web = deploy(state, a, "web");
    expect(refuse(state, { type: "deploy", target: a, app: "web" }).code).toBe("port_in_use");
    const other = deploy(state, b, "web");
    settle(state);
    expect(served(state, web)).toBeGreaterThan(0);
    expect(served(state, other)).toBeGreaterThan(0);
  });

  it("lets apps on different ports share one OS", () => {
    const state = newMatch();
    const s = host(state, "bare-linux", { model: "gpu" });
    const ids = [deploy(state, s, "grades"), deploy(state, s, "db", { cpu: 2000 }), deploy(state, s, "payment")];
    // The GPU node's idle cores take other apps next to the training job (which has no port).
    ids.push(deploy(state, s, "train"));
    settle(state);
    for (const id of ids) expect(served(state, id)).toBeGreaterThan(0);
    expect(serverById(state, s).instances.map((i) => i.app)).toEqual(["grades", "db", "payment", "train"]);
  });
});

describe("runtime rule: one OS has one version of each runtime", () => {
  it("refuses an app that needs another version of a runtime already on that OS", () => {
    const state = newMatch();
    const s = host(state, "bare-linux");
    const web = deploy(state, s, "web");
    expect(refuse(state, { type: "deploy", target: s, app: "grades" })).toEqual({
      code: "runtime_conflict",
      params: { runtime: "java", need: APPS.grades.runtime!.version, have: APPS.web.runtime!.version, instance: web, app: "web" },
    });
  });

  it("the same applies inside one VM, but not across VMs, and never between containers (each image brings its own)", () => {
    const state = newMatch();
    const hv = host(state, "type1", { model: "large" });
    const vm = createVm(state, hv, { vcpus: 6, mem: 8192 });
    deploy(state, vm, "web");
    expect(refuse(state, { type: "deploy", target: vm, app: "grades" }).code).toBe("runtime_conflict");
    deploy(state, createVm(state, hv, { vcpus: 6, mem: 8192 }), "grades");
    const ch = host(state, "container-host");
    deploy(state, ch, "web");
    deploy(state, ch, "grades");
    expect(APPS.web.runtime!.version).not.toBe(APPS.grades.runtime!.version);
  });
});

describe("containers each have their own network namespace", () => {
  it("lets two web containers share one container host", () => {
    const state = newMatch();
    const s = host(state, "container-host");
    const a = deploy(state, s, "web");
    const b = deploy(state, s, "web");
    settle(state);
    expect(served(state, a)).toBeGreaterThan(0);
    expect(served(state, b)).toBeGreaterThan(0);
    expect(teamOf(state).traffic.web.capacity).toBe(2 * (APPS.web.cpu / APPS.web.cpuPerReq));
  });
});

describe("operating system needs", () => {
  it("refuses the Windows-only enroll in a container on a Linux container host", () => {
    const state = newMatch();
    const s = host(state, "container-host");
    expect(refuse(state, { type: "deploy", target: s, app: "enroll" })).toEqual({
      code: "needs_windows", params: { app: "enroll", where: "container" },
    });
  });

  it("refuses enroll on bare Linux and in a Linux VM", () => {
    const state = newMatch();
    const s = host(state, "bare-linux");
    expect(refuse(state, { type: "deploy", target: s, app: "enroll" })).toEqual({
      code: "needs_windows", params: { app: "enroll", where: "server" },
    });
    const vm = createVm(state, host(state, "type1"));
    expect(refuse(state, { type: "deploy", target: vm, app: "enroll" })).toEqual({
      code: "needs_windows", params: { app: "enroll", where: "vm" },
    });
  });

  it("refuses Linux apps on Windows, on a bare server and in a Windows VM", () => {
    const state = newMatch();
    const win = host(state, "bare-windows");
    for (const app of ["grades", "db", "payment"] as const) {
      expect(refuse(state, { type: "deploy", target: win, app })).toEqual({
        code: "needs_linux", params: { app, where: "server" },
      });
    }
    const vm = createVm(state, host(state, "type1"), { os: "windows", mode: "full", mem: 8192 });
    expect(refuse(state, { type: "deploy", target: vm, app: "grades" })).toEqual({
      code: "needs_linux", params: { app: "grades", where: "vm" },
    });
    // The portal runs on either.
    deploy(state, vm, "web");
    deploy(state, win, "web");
  });

  it("runs enroll on Windows, bare or in a Windows VM", () => {
    const state = newMatch();
    const bare = deploy(state, host(state, "bare-windows"), "enroll");
    const vm = createVm(state, host(state, "type1"), { os: "windows", mode: "full", mem: 8192 });
    const inVm = deploy(state, vm, "enroll");
    settle(state);
    expect(served(state, bare)).toBeGreaterThan(0);
    expect(served(state, inVm)).toBeGreaterThan(0);
  });

  it("refuses a container engine inside a Windows VM", () => {
    const state = newMatch();
    const s = host(state, "type1");
    const e = refuse(state, { type: "createVm", server: s, os: "windows", mode: "full", vcpus: 2, mem: 8192, engine: true });
    expect(e.code).toBe("needs_linux");
  });
});

describe("virtualization modes", () => {
  it("refuses a paravirtualized Windows guest: an unmodified OS gets full virtualization only", () => {
    const state = newMatch();
    const s = host(state, "type1");
    expect(refuse(state, { type: "createVm", server: s, os: "windows", mode: "para", vcpus: 2, mem: 8192 })).toEqual({
      code: "para_needs_linux", params: { os: "windows" },
    });
    createVm(state, s, { os: "windows", mode: "full", mem: 8192 });
    createVm(state, s, { os: "linux", mode: "para" });
  });

  it("refuses VMs where there is no hypervisor, and apps on a bare hypervisor", () => {
    const state = newMatch();
    const bare = host(state, "bare-linux");
    expect(refuse(state, { type: "createVm", server: bare, os: "linux", mode: "para", vcpus: 2, mem: 4096 }).code).toBe("wrong_layer");
    const hv = host(state, "type2");
    expect(refuse(state, { type: "deploy", target: hv, app: "web" }).code).toBe("wrong_layer");
  });
});

describe("one database primary per team", () => {
  it("refuses a second db anywhere in the team, but another team runs its own", () => {
    const state = newMatch({ teams: 2 });
    const s = host(state, "container-host");
    const db = deploy(state, s, "db", { cpu: 4000 });
    const elsewhere = host(state, "bare-linux");
    expect(refuse(state, { type: "deploy", target: elsewhere, app: "db" })).toEqual({
      code: "single_primary", params: { app: "db", instance: db },
    });
    expect(refuse(state, { type: "deploy", target: s, app: "db" }).code).toBe("single_primary");
    deploy(state, host(state, "container-host", { team: 1 }), "db", { cpu: 4000 }, 1);
  });

  it("lets a new primary replace one on a dead server in one deploy (a failover), but never a live one", () => {
    const state = newMatch();
    const dying = host(state, "bare-linux", { model: "large" });
    const db = deploy(state, dying, "db", { cpu: 4000 });
    const spare = host(state, "container-host");
    settle(state);
    expect(refuse(state, { type: "deploy", target: spare, app: "db" }).code).toBe("single_primary");
    fire(state, { kind: "hardware", team: 0, server: dying });
    expect(serverById(state, dying).failedUntil).toBeGreaterThan(state.tick);
    const replacement = deploy(state, spare, "db", { cpu: 4000 });
    expect(exists(state, db)).toBe(false);
    expect(teamOf(state).servers.flatMap((s) => s.instances).filter((i) => i.app === "db").map((i) => i.id)).toEqual([replacement]);
    settle(state);
    expect(teamOf(state).traffic.db.capacity).toBeGreaterThan(0);
    // Repaired, the dead server comes back empty of the old primary: one primary, as before.
    expect(refuse(state, { type: "deploy", target: dying, app: "db" }).code).toBe("single_primary");
  });
});

describe("reservations are hard limits", () => {
  it("refuses an app the server has no CPU left for, saying how much is free", () => {
    const state = newMatch();
    const s = host(state, "container-host");
    const room = SERVER_MODELS.small.cpu - HOST_LAYERS["container-host"].cpu;
    const fits = Math.floor(room / APPS.web.cpu);
    for (let n = 0; n < fits; n++) deploy(state, s, "web");
    expect(refuse(state, { type: "deploy", target: s, app: "web" })).toEqual({
      code: "no_cpu", params: { need: APPS.web.cpu, free: room - fits * APPS.web.cpu },
    });
  });

  it("refuses a VM bigger than the server", () => {
    const state = newMatch();
    const s = host(state, "type1");
    const e = refuse(state, { type: "createVm", server: s, os: "linux", mode: "para", vcpus: 8, mem: 4096 });
    expect(e).toEqual({
      code: "no_cpu", params: { need: 8000, free: SERVER_MODELS.small.cpu - HOST_LAYERS.type1.cpu },
    });
  });

  it("refuses instance sizes outside what one process of the app can use", () => {
    const state = newMatch();
    const s = host(state, "container-host");
    expect(refuse(state, { type: "deploy", target: s, app: "web", cpu: APPS.web.maxCpu + 1 })).toEqual({
      code: "cpu_out_of_range", params: { app: "web", min: APPS.web.minCpu, max: APPS.web.maxCpu, value: APPS.web.maxCpu + 1 },
    });
    expect(refuse(state, { type: "deploy", target: s, app: "web", cpu: APPS.web.minCpu - 1 }).code).toBe("cpu_out_of_range");
  });

  it("only gives memory limits to containers", () => {
    const state = newMatch();
    const s = host(state, "bare-linux");
    expect(refuse(state, { type: "deploy", target: s, app: "web", memLimit: APPS.web.mem }).code).toBe("limits_need_container");
  });

  it("puts training jobs only where there is a GPU, and never in a VM (no passthrough)", () => {
    const state = newMatch();
    const small = host(state, "bare-linux");
    expect(refuse(state, { type: "deploy", target: small, app: "train" }).code).toBe("no_gpu");
    const vm = createVm(state, host(state, "type1"), { mem: 16384, vcpus: 4 });
    expect(refuse(state, { type: "deploy", target: vm, app: "train" }).code).toBe("no_gpu");
    const gpu = host(state, "container-host", { model: "gpu" });
    for (let n = 0; n < SERVER_MODELS.gpu.gpu; n++) deploy(state, gpu, "train");
    expect(refuse(state, { type: "deploy", target: gpu, app: "train" })).toEqual({
      code: "no_gpu", params: { app: "train", where: "server", need: APPS.train.gpu, free: 0 },
    });
  });
});

describe("installing a layer wipes the server", () => {
  it("removes what ran there and serves nothing until the new layer is set up", () => {
    const state = newMatch();
    const s = host(state, "bare-linux");
    const web = deploy(state, s, "web");
    settle(state);
    expect(teamOf(state).traffic.web.served).toBeGreaterThan(0);

    const tick = state.tick;
    installLayer(state, s, "container-host");
    expect(exists(state, web)).toBe(false);
    expect(serverById(state, s).layer).toBe("container-host");
    step(state);
    expect(teamOf(state).traffic.web.capacity).toBe(0);
    expect(serverById(state, s).layerReadyAt).toBe(tick + HOST_LAYERS["container-host"].setupTicks);
  });
});

