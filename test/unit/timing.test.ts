import { describe, expect, it } from "vitest";
import {
  APPS, DELIVERY_TICKS, GUEST_OS, HOST_LAYERS, IMAGE_LAYERS, PARA_PREP_TICKS, REGISTRY, SERVER_MODELS,
  type AppId, type LayerId,
} from "../../shared/engine";
import {
  buyServer, createVm, deploy, host, installLayer, newMatch, readyAfter, served, serverById, servingAfter, settle, step, teamOf,
  tickOf, timeline,
} from "./fixtures";

/** MB of an app's image a host does not have yet (from the data file). */
function missingMb(app: AppId, cached: readonly LayerId[] = []): number {
  return APPS[app].image!.filter((l) => !cached.includes(l)).reduce((sum, l) => sum + IMAGE_LAYERS[l].mb, 0);
}

/** Ticks to pull the layers of an app's image that a host does not have yet. */
function pullTicks(app: AppId, cached: readonly LayerId[] = []): number {
  return Math.ceil(missingMb(app, cached) / REGISTRY.publicMbPerTick);
}

describe("servers are delivered after a delay", () => {
  it("arrives DELIVERY_TICKS after purchase, and what is put on it serves only after that", () => {
    const state = newMatch();
    const startingCpu = teamOf(state).servers.reduce((sum, s) => sum + SERVER_MODELS[s.model].cpu, 0);
    const s = buyServer(state, "large");
    installLayer(state, s, "bare-linux");
    const web = deploy(state, s, "web");

    step(state, DELIVERY_TICKS);
    expect(teamOf(state).last.capacityCpu).toBe(startingCpu);
    expect(served(state, web)).toBe(0);

    const delivered = tickOf(state, (e) => e.kind === "server-delivered" && e.server === s);
    expect(delivered).toBe(DELIVERY_TICKS);
    expect(teamOf(state).last.capacityCpu).toBe(startingCpu + SERVER_MODELS.large.cpu);

    const first = servingAfter(state, web, 0);
    expect(first).toBe(DELIVERY_TICKS + HOST_LAYERS["bare-linux"].setupTicks + APPS.web.installTicks);
  });
});

describe("host layers take time to set up", () => {
  it("a type-1 hypervisor takes longer to install than a type-2 one", () => {
    const state = newMatch();
    const t1 = host(state, "type1");
    const t2 = host(state, "type2");
    const events = timeline(state, 30);
    const readyAt = (id: string) => events.find((e) => e.kind === "layer-ready" && e.server === id)!.tick;
    expect(readyAt(t1)).toBeGreaterThan(readyAt(t2));
    expect(readyAt(t1)).toBe(HOST_LAYERS.type1.setupTicks);
    expect(readyAt(t2)).toBe(HOST_LAYERS.type2.setupTicks);
  });

  it("a VM ordered while its hypervisor installs boots once the install is done", () => {
    const state = newMatch();
    const vm = createVm(state, host(state, "type1"), { mode: "full" });
    const booted = tickOf(state, (e) => e.kind === "vm-ready" && e.vm === vm);
    expect(booted).toBe(HOST_LAYERS.type1.setupTicks + GUEST_OS.linux.bootTicks);
  });

  it("a paravirtualized guest needs its modified image prepared: it comes up later than a full one", () => {
    const state = newMatch();
    const hv = host(state, "type1");
    settle(state);
    const para = createVm(state, hv, { mode: "para" });
    const full = createVm(state, hv, { mode: "full" });
    const events = timeline(state, 20);
    const booted = (id: string) => events.find((e) => e.kind === "vm-ready" && e.vm === id)!.tick;
    expect(booted(para) - booted(full)).toBe(PARA_PREP_TICKS);
  });
});

describe("VMs boot, containers start", () => {
  it("an app in a new VM serves later than the same app in a new container, cold or cached", () => {
    const state = newMatch();
    const hv = host(state, "type1");
    const ch = host(state, "container-host");
    settle(state);

    const from = state.tick;
    const vm = createVm(state, hv, { mode: "full" });
    const inVm = deploy(state, vm, "web");
    const cold = deploy(state, ch, "web");
    const ready = readyAfter(state, [inVm, cold], from);
    expect(ready[inVm]).toBeGreaterThan(ready[cold]);
    expect(ready[inVm]).toBe(GUEST_OS.linux.bootTicks + APPS.web.installTicks);
    // An uncached image comes from the public registry over the internet link: a minute or two.
    expect(ready[cold]).toBe(pullTicks("web"));
    expect(ready[cold]).toBeLessThanOrEqual(2);
    settle(state);
    expect(served(state, inVm)).toBeGreaterThan(0);
    expect(served(state, cold)).toBeGreaterThan(0);

    // With its image cached, a container starts within seconds: it serves the very minute it is deployed.
    const warmFrom = state.tick;
    const warm = deploy(state, ch, "web");
    expect(servingAfter(state, warm, warmFrom)).toBe(0);
  });

  it("a Windows VM boots slower than a Linux one", () => {
    const state = newMatch();
    const hv = host(state, "type1");
    settle(state);
    const linux = createVm(state, hv, { os: "linux", mode: "full" });
    const windows = createVm(state, hv, { os: "windows", mem: 8192 });
    const events = timeline(state, 30);
    const booted = (id: string) => events.find((e) => e.kind === "vm-ready" && e.vm === id)!.tick;
    expect(booted(windows)).toBeGreaterThan(booted(linux));
    expect(booted(windows) - booted(linux)).toBe(GUEST_OS.windows.bootTicks - GUEST_OS.linux.bootTicks);
  });
});

describe("container images are pulled in shared layers", () => {
  it("a second container of the same image on the same host starts faster than the first", () => {
    const state = newMatch();
    const ch = host(state, "container-host");
    settle(state);
    const first = deploy(state, ch, "web");
    const t1 = readyAfter(state, [first])[first];
    const second = deploy(state, ch, "web");
    const t2 = readyAfter(state, [second])[second];
    expect(t2).toBeLessThan(t1);
    expect(t1).toBe(pullTicks("web"));
    expect(t2).toBe(0);
  });

  it("a different image that shares base layers pulls only its own layers", () => {
    const state = newMatch();
    const warm = host(state, "container-host");
    const cold = host(state, "container-host");
    deploy(state, warm, "web");
    settle(state);
    // web and grades share the debian base layer; the cold host has nothing cached.
    const shared = APPS.web.image!.filter((l) => APPS.grades.image!.includes(l));
    expect(shared.length).toBeGreaterThan(0);
    const pulled = (id: string) => serverById(state, id).cache.reduce((sum, c) => sum + IMAGE_LAYERS[c.layer].mb, 0);
    const before = pulled(warm);
    deploy(state, warm, "grades");
    deploy(state, cold, "grades");
    expect(pulled(warm) - before).toBe(missingMb("grades", shared));
    expect(pulled(cold)).toBe(missingMb("grades"));
    expect(missingMb("grades", shared)).toBeLessThan(missingMb("grades"));
  });

  it("a big image shows it: a training job starts minutes sooner where its base layers are cached", () => {
    const state = newMatch();
    const gpu = host(state, "container-host", { model: "gpu" });
    settle(state);
    const first = deploy(state, gpu, "train");
    const t1 = readyAfter(state, [first])[first];
    expect(t1).toBe(pullTicks("train"));
    expect(t1).toBeGreaterThanOrEqual(2);
    const second = deploy(state, gpu, "train");
    expect(readyAfter(state, [second])[second]).toBe(0);
  });

  it("images pulled one after another on a cold host share its link: the last waits for the others", () => {
    const state = newMatch();
    const ch = host(state, "container-host", { model: "large" });
    settle(state);
    // (Not the database: it loads its backup after its image is there.)
    const apps: AppId[] = ["web", "grades", "payment"];
    const ids = apps.map((a) => deploy(state, ch, a));
    let cached: LayerId[] = [];
    let total = 0;
    for (const a of apps) {
      total += missingMb(a, cached);
      cached = [...cached, ...APPS[a].image!];
    }
    const ready = readyAfter(state, ids);
    expect(Math.max(...Object.values(ready))).toBe(Math.ceil(total / REGISTRY.publicMbPerTick));
  });

  it("containers deployed together on a cold host wait for the same pull, not one each", () => {
    const state = newMatch();
    const ch = host(state, "container-host");
    settle(state);
    const a = deploy(state, ch, "web");
    const b = deploy(state, ch, "web");
    const ready = readyAfter(state, [a, b]);
    expect(ready[a]).toBe(ready[b]);
  });

  it("reinstalling the host drops its image cache", () => {
    const state = newMatch();
    const ch = host(state, "container-host");
    deploy(state, ch, "web");
    settle(state);
    installLayer(state, ch, "container-host");
    settle(state);
    const again = deploy(state, ch, "web");
    expect(readyAfter(state, [again])[again]).toBe(pullTicks("web"));
  });
});
