/**
 * The packing bound of a team: hand-built datacenters with a known answer, and over random play
 * the promises the debrief card relies on — the packing is a real one (everything placed once, as
 * it ran, within every server's room, no port or isolation rule broken) and the bound never
 * exceeds what the team itself achieved.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  APPS, HOST_LAYERS, HYPERVISOR_COST, MODEL_IDS, SERVER_MODELS, advance, isOver,
  type LayerKind, type MatchState, type ModelId, type Team,
} from "../../shared/engine";
import { notePeak, packTeam, teamPacking, type PackingPeak, type TeamPacking } from "../../shared/debrief/packing";
import { SCENARIO_IDS } from "../../shared/scenarios";
import { botTurn, startBotMatch } from "../../shared/sim/run";
import { layoutArb, play, prepare, stepsArb, vmStepsArb } from "./arbitraries";
import { accept, buyServer, createVm, deploy, host, newMatch, teamOf, vmById } from "./fixtures";

/** Free play (every app, every layer, payment isolation fined) with a big budget and no starting servers. */
function emptyDatacenter(scenario: "free-play" | "exam-morning" = "free-play"): MatchState {
  const state = newMatch({ scenario, budget: 100_000_000 });
  for (const s of [...teamOf(state).servers]) accept(state, { type: "sellServer", server: s.id });
  return state;
}

function servers(state: MatchState, n: number, layer: LayerKind, model: ModelId = "small"): string[] {
  return Array.from({ length: n }, () => host(state, layer, { model }));
}

/**
 * Checks a packing against the team it came from, without trusting the packer: every instance off
 * VMs and every VM placed once, on its own layer kind, within the room of the model after the
 * layer, GPUs only where the layer passes them through, no port twice on one OS, isolated payments
 * alone; and lowerBound ≤ FFD, lowerBound ≤ used ≤ held.
 */
function expectSound(team: Team, p: TeamPacking, opts: { isolation: boolean; models?: readonly ModelId[] }): void {
  interface Thing { layer: LayerKind; cpu: number; mem: number; gpu: number; port: number | null; app: string | null; apart: boolean }
  const things = new Map<string, Thing>();
  let used = 0;
  for (const s of team.servers) {
    if (!s.layer) continue;
    if (s.instances.length + s.vms.length > 0) used++;
    const apart = opts.isolation && s.instances.length > 0 && s.instances.every((i) => APPS[i.app].isolated);
    for (const i of s.instances) {
      things.set(i.id, { layer: s.layer, cpu: i.cpu, mem: i.mem, gpu: APPS[i.app].gpu, port: APPS[i.app].port, app: i.app, apart });
    }
    const hv = s.layer === "type1" || s.layer === "type2" ? HYPERVISOR_COST[s.layer].memPerVm : 0;
    for (const vm of s.vms) things.set(vm.id, { layer: s.layer, cpu: vm.vcpus * 1000, mem: vm.mem + hv, gpu: 0, port: null, app: null, apart: false });
  }
  const placed = p.servers.flatMap((s) => s.items);
  expect([...placed].sort()).toEqual([...things.keys()].sort());
  expect(p.items).toBe(things.size);
  const allowed = new Set([...(opts.models ?? MODEL_IDS), ...team.servers.map((s) => s.model)]);
  for (const s of p.servers) {
    expect(allowed.has(s.model)).toBe(true);
    const model = SERVER_MODELS[s.model];
    const layer = HOST_LAYERS[s.layer];
    const load = { cpu: 0, mem: 0, gpu: 0 };
    const ports = new Set<number>();
    const items = s.items.map((id) => things.get(id)!);
    for (const t of items) {
      expect(t.layer).toBe(s.layer);
      load.cpu += t.cpu;
      load.mem += t.mem;
      load.gpu += t.gpu;
      if (layer.hosts === "apps" && t.port !== null) {
        expect(ports.has(t.port)).toBe(false);
        ports.add(t.port);
      }
    }
    expect(s.load).toEqual(load);
    expect(s.room).toEqual({ cpu: model.cpu - layer.cpu, mem: model.mem - layer.mem, gpu: layer.gpu ? model.gpu : 0 });
    expect(load.cpu).toBeLessThanOrEqual(model.cpu - layer.cpu);
    expect(load.mem).toBeLessThanOrEqual(model.mem - layer.mem);
    expect(load.gpu).toBeLessThanOrEqual(layer.gpu ? model.gpu : 0);
    if (items.some((t) => t.apart)) expect(items.every((t) => t.apart)).toBe(true);
  }
  expect(p.held).toBe(team.servers.length);
  expect(p.used).toBe(used);
  expect(p.ffd).toBe(p.servers.length);
  expect(p.lowerBound).toBeLessThanOrEqual(p.ffd);
  expect(p.lowerBound).toBeLessThanOrEqual(p.used);
  expect(p.used).toBeLessThanOrEqual(p.held);
  expect(Object.values(p.ffdModels).reduce((a, b) => a + b, 0)).toBe(p.ffd);
  expect(p.ffdPrice).toBe(p.servers.reduce((sum, s) => sum + SERVER_MODELS[s.model].price, 0));
}

describe("hand-built datacenters with a known answer", () => {
  it("one web process per bare server: port 80 allows one per OS, so 6 is already the least", () => {
    const state = emptyDatacenter();
    for (const s of servers(state, 6, "bare-linux")) deploy(state, s, "web");
    const p = teamPacking(state, 0);
    expectSound(teamOf(state), p, { isolation: true });
    expect(p).toMatchObject({ held: 6, used: 6, items: 6, ffd: 6, lowerBound: 6 });
    // The volume alone would say one server; the port rule is what forces six.
    expect(p.perResource.cpu).toEqual({ demand: 12_000, l1: 1, l2: 1 });
  });

  it("the same six web apps as containers: 2 small hosts (3 × 2 cores in 7.65), or 1 large", () => {
    const state = emptyDatacenter();
    for (const s of servers(state, 6, "container-host")) deploy(state, s, "web");
    const small = packTeam(teamOf(state), { models: ["small"] });
    expectSound(teamOf(state), small, { isolation: false, models: ["small"] });
    expect(small).toMatchObject({ held: 6, used: 6, items: 6, ffd: 2, lowerBound: 2 });
    expect(small.servers.map((s) => s.items.length)).toEqual([3, 3]);
    const any = packTeam(teamOf(state));
    expect(any).toMatchObject({ ffd: 1, lowerBound: 1, ffdModels: { small: 0, large: 1, gpu: 0 } });
    expect(any.heldPrice).toBe(6 * SERVER_MODELS.small.price);
    expect(any.ffdPrice).toBe(SERVER_MODELS.large.price);
  });

  it("VMs move whole: six 2-vCPU VMs on six type-1 hosts fit three to a small host", () => {
    const state = emptyDatacenter();
    for (const s of servers(state, 6, "type1")) deploy(state, createVm(state, s, { vcpus: 2, mem: 4096 }), "web", { cpu: 1500 });
    const p = packTeam(teamOf(state), { models: ["small"] });
    expectSound(teamOf(state), p, { isolation: false, models: ["small"] });
    expect(p).toMatchObject({ held: 6, used: 6, items: 6, ffd: 2, lowerBound: 2 });
    // Footprints are what the host gives: 2 vCPUs and 4 GiB plus the hypervisor's 64 MiB per VM.
    expect(p.perResource.mem.demand).toBe(6 * (4096 + HYPERVISOR_COST.type1.memPerVm));
    expect(p.groups).toEqual([{ layer: "type1", isolated: false, items: 6, used: 6, ffd: 2, lowerBound: 2 }]);
  });

  it("no server is loaded beyond what its items can fill: seven 2-core containers need 3 small hosts, not 2", () => {
    const state = emptyDatacenter();
    const hosts = servers(state, 7, "container-host");
    for (const s of hosts) deploy(state, s, "web");
    const p = packTeam(teamOf(state), { models: ["small"] });
    expectSound(teamOf(state), p, { isolation: false, models: ["small"] });
    // 14 cores in 7.65-core rooms: the volume says 2, but 2-core containers fill at most 6 of 7.65.
    expect(p.perResource.cpu).toEqual({ demand: 14_000, l1: 2, l2: 3 });
    expect(p).toMatchObject({ held: 7, ffd: 3, lowerBound: 3 });
  });

  it("a team that packed optimally is told so: the bound equals the servers it used", () => {
    const state = emptyDatacenter();
    // 9 web containers of 2 cores: 18 cores, and a small host has room for 3 (7.65 cores).
    for (const s of servers(state, 3, "container-host")) for (let k = 0; k < 3; k++) deploy(state, s, "web");
    const p = packTeam(teamOf(state), { models: ["small"] });
    expectSound(teamOf(state), p, { isolation: false, models: ["small"] });
    expect(p).toMatchObject({ held: 3, used: 3, ffd: 3, lowerBound: 3 });
  });

  it("GPU nodes hold less CPU than large servers: the bound counts them (3, where the volume says 2)", () => {
    const state = emptyDatacenter();
    const gpus = servers(state, 2, "container-host", "gpu");
    for (const g of gpus) for (let k = 0; k < 4; k++) deploy(state, g, "train");
    for (const s of servers(state, 2, "container-host", "large")) for (let k = 0; k < 10; k++) deploy(state, s, "web");
    const p = teamPacking(state, 0);
    expectSound(teamOf(state), p, { isolation: true });
    // CPU: 8 × 1 core + 20 × 2 cores = 48 cores; a large host has 31.65, a GPU node 15.65.
    expect(p.perResource.cpu).toMatchObject({ demand: 48_000, l1: 2 });
    expect(p.perResource.gpu).toMatchObject({ demand: 8, l1: 2, l2: 2 });
    expect(p).toMatchObject({ held: 4, used: 4, ffd: 3, lowerBound: 3, ffdModels: { small: 0, large: 1, gpu: 2 } });
  });

  it("payment kept on a kernel of its own stays apart where the scenario fines sharing", () => {
    const state = emptyDatacenter();
    const [p1, p2, w] = servers(state, 3, "container-host");
    deploy(state, p1, "payment", { cpu: 1000 });
    deploy(state, p2, "payment", { cpu: 1000 });
    deploy(state, w, "web");
    deploy(state, w, "web");
    const fined = teamPacking(state, 0, { models: ["small"] });
    expectSound(teamOf(state), fined, { isolation: true, models: ["small"] });
    expect(fined.groups.map((g) => [g.layer, g.isolated, g.items, g.ffd])).toEqual([["container-host", false, 2, 1], ["container-host", true, 2, 1]]);
    expect(fined).toMatchObject({ ffd: 2, lowerBound: 2 });
    // With no fine for sharing, all four fit on one small host (6 of 7.65 cores).
    const free = packTeam(teamOf(state), { models: ["small"] });
    expect(free).toMatchObject({ ffd: 1, lowerBound: 1 });
  });

  it("payment the team already ran beside other apps may share: the bound stays within what it used", () => {
    const state = emptyDatacenter();
    const [a] = servers(state, 1, "container-host");
    deploy(state, a, "payment", { cpu: 1000 });
    deploy(state, a, "web");
    const p = teamPacking(state, 0, { models: ["small"] });
    expectSound(teamOf(state), p, { isolation: true, models: ["small"] });
    expect(p).toMatchObject({ held: 1, used: 1, ffd: 1, lowerBound: 1 });
  });

  it("layers are not mixed: Windows processes stay on Windows, each layer kind packed on its own", () => {
    const state = emptyDatacenter();
    for (const s of servers(state, 3, "bare-windows")) deploy(state, s, "enroll");
    for (const s of servers(state, 2, "bare-linux")) deploy(state, s, "grades");
    const p = teamPacking(state, 0, { models: ["small"] });
    expectSound(teamOf(state), p, { isolation: true, models: ["small"] });
    // enroll wants port 80 and grades 8080: one of each per OS, whatever room is left.
    expect(p.groups.map((g) => [g.layer, g.items, g.ffd, g.lowerBound])).toEqual([["bare-linux", 2, 2, 2], ["bare-windows", 3, 3, 3]]);
    expect(p).toMatchObject({ held: 5, ffd: 5, lowerBound: 5 });
  });

  it("servers with nothing on them count as held, not as used; a migrating VM is placed once", () => {
    const state = emptyDatacenter();
    const [a, b] = servers(state, 2, "type1");
    buyServer(state, "large");
    const vm = createVm(state, a, { vcpus: 2, mem: 2048 });
    const p0 = packTeam(teamOf(state));
    expect(p0).toMatchObject({ held: 3, used: 1, items: 1, ffd: 1, lowerBound: 1 });
    while (vmById(state, vm).vm.readyAt > state.tick || teamOf(state).servers.some((s) => s.layerReadyAt > state.tick)) advance(state);
    accept(state, { type: "migrateVm", vm, to: b });
    expect(vmById(state, vm).vm.migration).not.toBeNull();
    const p1 = packTeam(teamOf(state));
    expectSound(teamOf(state), p1, { isolation: false });
    expect(p1).toMatchObject({ held: 3, used: 1, items: 1, ffd: 1, lowerBound: 1 });
  });

  it("the models the team held are always candidates, so a narrow choice still places everything", () => {
    const state = emptyDatacenter();
    const [big] = servers(state, 1, "container-host", "large");
    deploy(state, big, "db", { cpu: 20_000 });
    const p = packTeam(teamOf(state), { models: ["small"] });
    expectSound(teamOf(state), p, { isolation: false, models: ["small"] });
    expect(p.servers.map((s) => [s.model, s.layer, s.items])).toEqual([["large", "container-host", [teamOf(state).servers[0].instances[0].id]]]);
  });

  it("the layer's own CPU comes off the room: five 1.5-core containers fit a small host, six do not", () => {
    const state = emptyDatacenter();
    const [s1, s2] = servers(state, 2, "container-host");
    for (let k = 0; k < 5; k++) deploy(state, k < 4 ? s1 : s2, "grades", { cpu: 1500 });
    // 5 × 1.5 = 7.5 cores ≤ 8 − 0.35 for the container engine.
    const five = packTeam(teamOf(state), { models: ["small"] });
    expectSound(teamOf(state), five, { isolation: false, models: ["small"] });
    expect(five).toMatchObject({ held: 2, used: 2, ffd: 1, lowerBound: 1 });
    deploy(state, s2, "grades", { cpu: 1500 });
    expect(packTeam(teamOf(state), { models: ["small"] })).toMatchObject({ held: 2, used: 2, ffd: 2, lowerBound: 2 });
  });
});

describe("the peak of a round", () => {
  it("is the moment the team held the most servers, then ran the most on them", () => {
    const state = emptyDatacenter();
    let peak: PackingPeak | null = notePeak(null, state, 0, 0);
    expect(peak).toBeNull();
    const [a, b] = servers(state, 2, "container-host");
    deploy(state, a, "web");
    peak = notePeak(peak, state, 0, 1);
    expect(peak).toMatchObject({ tick: 1, held: 2, packing: { items: 1 } });
    deploy(state, b, "web");
    peak = notePeak(peak, state, 0, 2);
    expect(peak).toMatchObject({ tick: 2, held: 2, packing: { items: 2 } });
    // Same fleet, less running: the peak stays.
    accept(state, { type: "remove", instance: teamOf(state).servers[1].instances[0].id });
    expect(notePeak(peak, state, 0, 3)).toBe(peak);
    // A bigger fleet, even empty, is a new peak; selling it back is not.
    const c = buyServer(state, "small");
    peak = notePeak(peak, state, 0, 4);
    expect(peak).toMatchObject({ tick: 4, held: 3 });
    accept(state, { type: "sellServer", server: c });
    expect(notePeak(peak, state, 0, 5)).toBe(peak);
  });
});

// Hundreds of packings checked item by item: seconds on a busy machine, so a generous timeout.
describe("over random play, the packing is real and the bound never exceeds what the team used", { timeout: 60_000 }, () => {
  /** How often the checks saw something worth checking: a packing with items, one that beat the team. */
  const seen = { items: 0, better: 0 };
  const check = (state: MatchState) => {
    for (let t = 0; t < state.teams.length; t++) {
      const p = teamPacking(state, t);
      expectSound(state.teams[t], p, { isolation: state.world.paymentIsolation });
      expectSound(state.teams[t], packTeam(state.teams[t], { models: ["small"] }), { isolation: false, models: ["small"] });
      if (p.items > 0) seen.items++;
      if (p.ffd < p.used) seen.better++;
    }
  };

  it("random command sequences in every scenario", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_IDS), fc.integer({ min: 0, max: 0x7fffffff }), layoutArb, stepsArb, (scenario, seed, layout, steps) => {
        const state = newMatch({ scenario, seed, teams: 2, budget: 4_000_000 });
        prepare(state, layout);
        for (const s of steps) {
          play(state, s);
          check(state);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("VM churn and live migrations on type-1 hosts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), vmStepsArb, (seed, steps) => {
        const state = newMatch({ seed, teams: 2 });
        prepare(state, ["type1", "type1", "type1"]);
        for (const s of steps) {
          play(state, s);
          check(state);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("whole bot matches, at every tick", () => {
    for (const scenario of SCENARIO_IDS) {
      const match = startBotMatch(scenario, ["bare-metal", "vm-preprovision", "containers-autoscale", "hybrid-isolate-payment"], 3);
      while (!isOver(match.state)) {
        botTurn(match.state, match.bots);
        advance(match.state);
        if (match.state.tick % 10 === 0) check(match.state);
      }
    }
    expect(seen.items).toBeGreaterThan(100);
    expect(seen.better).toBeGreaterThan(10);
  });
});
