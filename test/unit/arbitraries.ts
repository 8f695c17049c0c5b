/**
 * fast-check material for the property tests: random steps (commands, garbage, incidents, ticks),
 * resolved against the current state so that most commands name real objects, and the
 * invariants every state must satisfy.
 */
import fc from "fast-check";
import {
  APP_IDS, LAYER_KINDS, LICENCE_EDITIONS, MODEL_IDS, OS_KINDS, VIRT_MODES,
  advance, applyCommand, applyHostAction, checkCommand, instancesReserved, isOver, ledgerBalance, results,
  serverCapacity, serverReserved, stateHash, vmCapacity,
  type LayerKind, type MatchState,
} from "../../shared/engine";

/** Weighted by repetition: fleets should grow and fill up, with some churn. */
const OPS = [
  "buyServer", "buyServer", "sellServer", "installLayer", "installLayer", "installLayer", "buyLicence",
  "createVm", "createVm", "createVm", "deleteVm", "migrateVm", "migrateVm",
  "deploy", "deploy", "deploy", "deploy", "deploy", "deploy", "remove",
] as const;

export type Step =
  | { t: "advance"; ticks: number }
  | { t: "cmd"; team: number; op: (typeof OPS)[number]; a: number; b: number; c: number; d: number; flag: boolean }
  | { t: "raw"; team: number; input: unknown }
  | { t: "incident"; kind: "leak" | "kernel" | "hardware" | "audit"; team: number | null; a: number; b: number };

type Op = (typeof OPS)[number];

function makeStepArb(ops: readonly Op[], incidents: readonly Extract<Step, { t: "incident" }>["kind"][]): fc.Arbitrary<Step> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ t: fc.constant("advance" as const), ticks: fc.integer({ min: 1, max: 12 }) }) },
    {
      weight: 8,
      arbitrary: fc.record({
        t: fc.constant("cmd" as const), team: fc.integer({ min: 0, max: 1 }), op: fc.constantFrom(...ops),
        a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(1000), d: fc.noBias(fc.nat(1000)), flag: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant("raw" as const), team: fc.integer({ min: -1, max: 2 }), input: fc.anything() }) },
    {
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant("incident" as const), kind: fc.constantFrom(...incidents),
        team: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }), a: fc.nat(1000), b: fc.nat(1000),
      }),
    },
  );
}

export const stepArb = makeStepArb(OPS, ["leak", "kernel", "hardware", "audit"]);
export const stepsArb = fc.array(stepArb, { minLength: 1, maxLength: 100, size: "max" });

/** Steps for a fleet of type-1 hosts: VMs created, filled, moved and removed, servers failing. */
export const vmStepsArb = fc.array(
  makeStepArb(["createVm", "createVm", "migrateVm", "migrateVm", "migrateVm", "deleteVm", "deploy", "deploy", "remove", "buyServer"], ["hardware", "leak"]),
  { minLength: 1, maxLength: 100, size: "max" },
);
export const budgetArb = fc.constantFrom(undefined, 0, 400_000, 2_000_000);

/** A layer (or none) for each starting server, installed before the random steps. */
export const layoutArb = fc.array(fc.option(fc.constantFrom(...LAYER_KINDS), { nil: null, freq: 4 }), { minLength: 3, maxLength: 3 });

/** Installs the layout's layers that the round unlocks on every team's starting servers. */
export function prepare(state: MatchState, layout: readonly (LayerKind | null)[]): void {
  for (const team of state.teams) {
    team.servers.forEach((server, i) => {
      const layer = layout[i % layout.length];
      if (layer && state.world.unlocks.includes(layer)) applyCommand(state, team.id, { type: "installLayer", server: server.id, layer });
    });
  }
}

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** Ids of a team's objects, in stable order. */
export function idsOf(state: MatchState, team: number): { servers: string[]; vms: string[]; instances: string[] } {
  const out = { servers: [] as string[], vms: [] as string[], instances: [] as string[] };
  for (const s of state.teams[team].servers) {
    out.servers.push(s.id);
    out.instances.push(...s.instances.map((i) => i.id));
    for (const vm of s.vms) {
      out.vms.push(vm.id);
      out.instances.push(...vm.instances.map((i) => i.id));
    }
  }
  return out;
}

/**
 * Turns a command step into a concrete command. Mostly plausible (the team's own objects, a host
 * of the right kind, an app of the scenario), now and then another team's object or an odd choice,
 * so that both accepted and refused paths are exercised. When nothing fits, the team makes progress
 * instead: a layer on a bare server, or a new server.
 */
export function resolve(state: MatchState, s: Extract<Step, { t: "cmd" }>): unknown {
  const owner = s.d % 10 === 0 ? (s.team + 1) % state.teams.length : s.team;
  const team = state.teams[owner];
  const odd = s.d % 7 === 0;
  const ids = idsOf(state, owner);
  const withLayer = (...layers: (string | null)[]) => team.servers.filter((x) => layers.includes(x.layer)).map((x) => x.id);
  const server = pick(ids.servers, s.a) ?? "s1";
  const progress = (layers: readonly string[] = state.world.unlocks) => {
    const bare = pick(withLayer(null), s.a);
    const usable = layers.filter((l) => state.world.unlocks.includes(l as never));
    return bare && usable.length > 0
      ? { type: "installLayer", server: bare, layer: pick(usable, s.b) }
      : { type: "buyServer", model: pick(MODEL_IDS, s.a) };
  };
  const either = <T>(plausible: T | undefined, fallback: () => unknown) => (plausible !== undefined ? plausible : fallback());
  switch (s.op) {
    case "buyServer": return { type: "buyServer", model: pick(MODEL_IDS, s.a) };
    case "sellServer": return odd ? { type: "sellServer", server } : progress();
    case "installLayer":
      // Reinstalling wipes a server: only now and then.
      return odd ? { type: "installLayer", server, layer: pick(LAYER_KINDS, s.b) } : progress();
    case "buyLicence": return { type: "buyLicence", server, edition: pick(LICENCE_EDITIONS, s.b) };
    case "createVm": {
      const hv = odd ? server : pick(withLayer("type1", "type2"), s.a);
      return either(hv && {
        type: "createVm", server: hv, os: pick(OS_KINDS, s.b), mode: pick(VIRT_MODES, s.c), vcpus: 1 + (s.c % 6),
        mem: 1024 + 512 * (s.b % 40), engine: s.flag,
      }, () => progress(["type1", "type2"]));
    }
    case "deleteVm": return either(pick(ids.vms, s.a) && { type: "deleteVm", vm: pick(ids.vms, s.a) }, () => progress(["type1"]));
    case "migrateVm": {
      const vm = pick(ids.vms, s.a);
      const to = odd ? server : pick(withLayer("type1"), s.b);
      return either(vm && to && { type: "migrateVm", vm, to }, () => progress(["type1"]));
    }
    case "deploy": {
      const hosts = [...withLayer("bare-linux", "bare-windows", "container-host"), ...ids.vms];
      const target = odd ? server : pick(hosts, s.a);
      const app = pick(odd ? APP_IDS : state.world.apps, s.b);
      const cmd: Record<string, unknown> = { type: "deploy", target, app };
      if (s.c % 3 === 0) cmd.cpu = 250 * (1 + (s.c % 16));
      if (s.c % 4 === 1) cmd.memLimit = 512 * (1 + (s.d % 24));
      return either(target && cmd, () => progress());
    }
    case "remove": return either(pick(ids.instances, s.a) && { type: "remove", instance: pick(ids.instances, s.a) }, () => progress());
  }
}

/**
 * Plays one step. For a command, checks on the way that checkCommand predicts applyCommand and
 * that a refused command leaves the state hash unchanged.
 */
export function play(state: MatchState, s: Step): void {
  if (s.t === "advance") {
    for (let n = 0; n < s.ticks && !isOver(state); n++) advance(state);
    return;
  }
  if (s.t === "incident") {
    const server = s.team === null ? undefined : pick(idsOf(state, s.team).servers, s.a);
    const action: Record<string, unknown> = { type: "incident", kind: s.kind, team: s.team };
    if (s.kind === "hardware" && server && s.b % 2 === 0) action.server = server;
    if (s.kind === "leak" || s.kind === "kernel") action.app = pick(state.world.apps, s.b);
    applyHostAction(state, action);
    return;
  }
  const input = s.t === "raw" ? s.input : resolve(state, s);
  const predicted = checkCommand(state, s.team, input);
  const before = stateHash(state);
  const r = applyCommand(state, s.team, input);
  if (r.ok !== (predicted === null)) throw new Error(`checkCommand disagrees with applyCommand on ${JSON.stringify(input)}`);
  if (!r.ok) {
    if (JSON.stringify(r.error) !== JSON.stringify(predicted)) throw new Error(`different errors for ${JSON.stringify(input)}`);
    if (stateHash(state) !== before) throw new Error(`refused ${JSON.stringify(input)} (${r.error.code}) changed the state`);
  }
}

/** Every number anywhere in the state: a finite integer. Returns the paths of the ones that are not. */
export function nonIntegers(value: unknown, path = "state"): string[] {
  if (typeof value === "number") return Number.isInteger(value) ? [] : [`${path}=${value}`];
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonIntegers(v, `${path}[${i}]`));
  return Object.entries(value).flatMap(([k, v]) => nonIntegers(v, `${path}.${k}`));
}

/** The invariants of the model; throws with a description of the first one broken. */
export function checkInvariants(state: MatchState): void {
  const fail = (what: string) => { throw new Error(`tick ${state.tick}: ${what}`); };
  const bad = nonIntegers(state);
  if (bad.length > 0) fail(`non-integer numbers: ${bad.slice(0, 5).join(", ")}`);
  for (const team of state.teams) {
    if (team.cash !== ledgerBalance(state.world.budget, team.ledger)) fail(`team ${team.id} cash ${team.cash} ≠ ledger`);
    // Below the floor only as debt (running costs keep coming), and the debrief knows since when.
    if (team.cash < state.world.cashFloor && (team.stats.brokeAt < 0 || team.stats.brokeAt >= state.tick)) fail(`team ${team.id} cash ${team.cash} below the floor with no broke tick`);
    if (team.stats.brokeAt >= 0 && team.stats.costsAfterBroke < 0) fail(`team ${team.id} negative costs after going broke`);
    for (const kind of Object.keys(team.ledger) as (keyof typeof team.ledger)[]) {
      if (team.ledger[kind] < 0) fail(`team ${team.id} negative ledger ${kind}`);
    }
    for (const server of team.servers) {
      const cap = serverCapacity(server);
      const used = serverReserved(team, server);
      for (const r of ["cpu", "mem", "gpu"] as const) {
        if (used[r] > cap[r]) fail(`${server.id} reserves ${used[r]} ${r} of ${cap[r]}`);
      }
      for (const vm of server.vms) {
        const vcap = vmCapacity(vm, server);
        if (vcap.cpu <= 0 || vcap.mem <= 0) fail(`${vm.id} has no capacity left after its overheads`);
        const inside = instancesReserved(vm.instances);
        if (inside.cpu > vcap.cpu || inside.mem > vcap.mem) fail(`${vm.id} over-reserved`);
      }
    }
    for (const app of state.world.apps) {
      const tr = team.traffic[app];
      if (tr.capacity < 0 || tr.served < 0 || tr.dropped < 0) fail(`team ${team.id} ${app}: negative figures`);
      if (tr.served > tr.demand || tr.served > tr.capacity) fail(`team ${team.id} ${app}: served more than demand or capacity`);
    }
  }
  for (const r of results(state)) {
    if (!(r.utilization >= 0 && r.utilization <= r.occupancy && r.occupancy <= 10000)) {
      fail(`team ${r.team}: utilization ${r.utilization} / occupancy ${r.occupancy}`);
    }
    if (r.availability < 0 || r.availability > 10000) fail(`team ${r.team}: availability ${r.availability}`);
  }
}
