/**
 * The packing bound of a team: the servers it held against a first-fit-decreasing packing of the
 * same instances and a lower bound no packing can beat — "you held 13 servers at the peak; these
 * instances fit on 6 (no packing can use fewer than 5)".
 *
 * "The same instances" means what the team ran, exactly as it ran it; only where things sit moves:
 * - a process on a bare OS stays a process on that OS (Linux or Windows), keeps its CPU and memory
 *   reservation, and still cannot share an OS with another process wanting its port;
 * - a container stays a container on a container host;
 * - a VM moves whole, with its vCPUs, memory and everything inside it, onto a host with the same
 *   hypervisor (type 1 or type 2);
 * - a server carries one layer, whose own CPU and memory come off its capacity, so every layer
 *   kind is packed on servers of its own;
 * - where the scenario fines a payment service for sharing a kernel, payment instances the team
 *   kept on a kernel of their own stay off shared kernels.
 * So the team's own arrangement is one of the packings considered, and the bound never exceeds the
 * servers the team actually used. What the packing does not model: licences, power, boot time.
 */
import { APPS, HOST_LAYERS, LAYER_KINDS, MODEL_IDS, SERVER_MODELS, type LayerKind, type ModelId } from "../engine/data";
import { vmFootprint } from "../engine/capacity";
import type { Instance, MatchState, Server, Team } from "../engine/types";
import { RESOURCES, vectorBound, vectorFfd, type BinType, type Resource, type Vec, type VectorItem } from "./vector-pack";

export interface PackingOptions {
  /** Server models a packing may use; the models the team held are always added. Default: every model. */
  models?: readonly ModelId[];
  /** The scenario fines payment services that share a kernel (see the module comment). */
  isolation?: boolean;
}

/** One server of the first-fit-decreasing packing: its model, its layer, the ids placed on it. */
export interface PackedServer {
  model: ModelId;
  layer: LayerKind;
  items: string[];
  /** What the items reserve, and the room the model has once the layer is installed. */
  load: Vec;
  room: Vec;
}

/** Items that must go on servers of their own kind: one layer, and the isolated payments apart. */
export interface PackingGroup {
  layer: LayerKind;
  isolated: boolean;
  items: number;
  /** Servers of the team holding these items. */
  used: number;
  ffd: number;
  lowerBound: number;
}

export interface ResourceBound {
  /** Σ of what the items reserve: millicores, MiB, GPUs. */
  demand: number;
  /** Σ over groups of ⌈demand / the largest server's room after the layer⌉. */
  l1: number;
  /** Σ over groups of the Martello–Toth L2 bound on this resource alone, on the reduced capacity. */
  l2: number;
}

export interface TeamPacking {
  /** Servers the team owned, and those holding at least one instance or VM. */
  held: number;
  used: number;
  /** Instances on bare OSes and container hosts, and VMs: the things placed on servers. */
  items: number;
  ffd: number;
  /** No packing of these items on servers of these models uses fewer servers. */
  lowerBound: number;
  perResource: Record<Resource, ResourceBound>;
  heldModels: Record<ModelId, number>;
  ffdModels: Record<ModelId, number>;
  /** List prices of the servers, in cents. */
  heldPrice: number;
  ffdPrice: number;
  groups: PackingGroup[];
  servers: PackedServer[];
}

interface Group {
  layer: LayerKind;
  isolated: boolean;
  ids: string[];
  items: VectorItem[];
  servers: Set<Server>;
}

function byModel(models: Iterable<ModelId>): Record<ModelId, number> {
  const out = Object.fromEntries(MODEL_IDS.map((m) => [m, 0])) as Record<ModelId, number>;
  for (const m of models) out[m]++;
  return out;
}

/** A kernel running only isolated apps (payment) with nobody else on it. */
function keptApart(list: readonly Instance[]): boolean {
  return list.length > 0 && list.every((i) => APPS[i.app].isolated);
}

/** What the team placed, grouped by the kind of server each item needs. */
function collect(team: Team, isolation: boolean): Group[] {
  const groups = new Map<string, Group>();
  const add = (server: Server, layer: LayerKind, isolated: boolean, id: string, item: VectorItem) => {
    const k = `${layer}|${isolated}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { layer, isolated, ids: [], items: [], servers: new Set() }));
    g.ids.push(id);
    g.items.push(item);
    g.servers.add(server);
  };
  for (const server of team.servers) {
    const layer = server.layer;
    if (!layer) continue;
    // Processes on one OS share its network stack; containers and VMs have their own.
    const ports = HOST_LAYERS[layer].hosts === "apps";
    const apart = isolation && keptApart(server.instances);
    for (const i of server.instances) {
      const port = APPS[i.app].port;
      add(server, layer, apart, i.id, {
        need: { cpu: i.cpu, mem: i.mem, gpu: APPS[i.app].gpu },
        key: ports && port !== null ? `port ${port}` : null,
      });
    }
    for (const vm of server.vms) {
      const f = vmFootprint(vm, server);
      add(server, layer, false, vm.id, { need: { cpu: f.cpu, mem: f.mem, gpu: 0 }, key: null });
    }
  }
  const order = (g: Group) => LAYER_KINDS.indexOf(g.layer) * 2 + (g.isolated ? 1 : 0);
  return [...groups.values()].sort((a, b) => order(a) - order(b));
}

/** Room on a server of each model once the layer is installed (VM footprints already include the hypervisor's per-VM memory). */
function binTypes(models: readonly ModelId[], layer: LayerKind): BinType[] {
  const l = HOST_LAYERS[layer];
  return models.map((m) => {
    const s = SERVER_MODELS[m];
    return { cap: { cpu: Math.max(0, s.cpu - l.cpu), mem: Math.max(0, s.mem - l.mem), gpu: l.gpu ? s.gpu : 0 }, price: s.price };
  });
}

/** The packing bound of a team as it stands (any moment: the caller picks the peak, see notePeak). */
export function packTeam(team: Team, opts: PackingOptions = {}): TeamPacking {
  // By default the machines that run everything alike: a CPU without hardware virtualization taxes
  // full-virtualization VMs differently, which the packing does not model (unless the team held one).
  const wanted = new Set<ModelId>([...(opts.models ?? MODEL_IDS.filter((m) => SERVER_MODELS[m].hwVirt)), ...team.servers.map((s) => s.model)]);
  const models = MODEL_IDS.filter((m) => wanted.has(m));
  const perResource = Object.fromEntries(RESOURCES.map((r) => [r, { demand: 0, l1: 0, l2: 0 }])) as Record<Resource, ResourceBound>;
  const groups: PackingGroup[] = [];
  const servers: PackedServer[] = [];
  let items = 0;
  let lowerBound = 0;
  const used = new Set<Server>();
  for (const g of collect(team, opts.isolation ?? false)) {
    const types = binTypes(models, g.layer);
    const bound = vectorBound(g.items, types);
    const bins = vectorFfd(g.items, types);
    for (const r of RESOURCES) {
      for (const it of g.items) perResource[r].demand += it.need[r];
      perResource[r].l1 += bound.l1[r];
      perResource[r].l2 += bound.l2[r];
    }
    for (const bin of bins) {
      servers.push({ model: models[bin.type], layer: g.layer, items: bin.items.map((i) => g.ids[i]), load: bin.load, room: { ...types[bin.type].cap } });
    }
    for (const s of g.servers) used.add(s);
    groups.push({ layer: g.layer, isolated: g.isolated, items: g.items.length, used: g.servers.size, ffd: bins.length, lowerBound: bound.bound });
    items += g.items.length;
    lowerBound += bound.bound;
  }
  const price = (list: readonly ModelId[]) => list.reduce((sum, m) => sum + SERVER_MODELS[m].price, 0);
  return {
    held: team.servers.length,
    used: used.size,
    items,
    ffd: servers.length,
    lowerBound,
    perResource,
    heldModels: byModel(team.servers.map((s) => s.model)),
    ffdModels: byModel(servers.map((s) => s.model)),
    heldPrice: price(team.servers.map((s) => s.model)),
    ffdPrice: price(servers.map((s) => s.model)),
    groups,
    servers,
  };
}

/** The packing bound of team `index` of a match, with the scenario's isolation rule. */
export function teamPacking(state: MatchState, index: number, opts: Omit<PackingOptions, "isolation"> = {}): TeamPacking {
  return packTeam(state.teams[index], { ...opts, isolation: state.world.paymentIsolation });
}

export interface PackingPeak {
  tick: number;
  /** What ranks the moments: servers held, then CPU and memory reserved by what was placed. */
  held: number;
  cpu: number;
  mem: number;
  packing: TeamPacking;
}

function reserved(team: Team): { cpu: number; mem: number } {
  let cpu = 0;
  let mem = 0;
  for (const s of team.servers) {
    for (const i of s.instances) { cpu += i.cpu; mem += i.mem; }
    for (const vm of s.vms) { cpu += vm.vcpus * 1000; mem += vm.mem; }
  }
  return { cpu, mem };
}

/**
 * Keeps the team's peak while a round is played (call once per tick): the moment it held the most
 * servers, and of those the one where it ran the most, so the card compares the fleet at its
 * largest with the most the team ever asked of it. Cheap when nothing changes: the packing is
 * computed only when the peak moves.
 */
export function notePeak(
  peak: PackingPeak | null, state: MatchState, index: number, tick: number, opts: Omit<PackingOptions, "isolation"> = {},
): PackingPeak | null {
  const team = state.teams[index];
  const held = team.servers.length;
  if (held === 0 || (peak && held < peak.held)) return peak;
  const r = reserved(team);
  if (peak && held === peak.held && (r.cpu < peak.cpu || (r.cpu === peak.cpu && r.mem <= peak.mem))) return peak;
  return { tick, held, cpu: r.cpu, mem: r.mem, packing: teamPacking(state, index, opts) };
}

/** What the debrief keeps of a team's packing peak: the counts, models and prices, not every placement. */
export interface PackingSummary {
  tick: number;
  held: number;
  used: number;
  items: number;
  ffd: number;
  lowerBound: number;
  heldModels: Record<ModelId, number>;
  ffdModels: Record<ModelId, number>;
  heldPrice: number;
  ffdPrice: number;
  groups: PackingGroup[];
}

export function packingSummary(peak: PackingPeak): PackingSummary {
  const p = peak.packing;
  return {
    tick: peak.tick, held: p.held, used: p.used, items: p.items, ffd: p.ffd, lowerBound: p.lowerBound, heldModels: p.heldModels,
    ffdModels: p.ffdModels, heldPrice: p.heldPrice, ffdPrice: p.ffdPrice, groups: p.groups,
  };
}
