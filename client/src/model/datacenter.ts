/**
 * A datacenter as the screens read it (the synced rows nested again), and as the engine holds it
 * (shared/view serversFromRows), so the browser can ask the engine itself what a command would do:
 * green or red while dragging, what is free on a selected server.
 */
import { checkCommand, createMatch, type EngineError, type MatchState, type World } from "../../../shared/engine";
import { serversFromRows } from "../../../shared/view/engine";
import type { ClassView, DatacenterView, InstanceView, ServerView, VmView } from "./types";

const nested = new WeakMap<DatacenterView, ServerView[]>();

/**
 * A datacenter's servers with their VMs and instances nested again (the synced lists are flat).
 * Computed once per snapshot: the scene, the panels and the minimap share the result.
 */
export function serversOf(dc: DatacenterView | undefined): ServerView[] {
  if (!dc) return [];
  const known = nested.get(dc);
  if (known) return known;
  const onHost = new Map<string, InstanceView[]>();
  for (const i of dc.instances) {
    const list = onHost.get(i.host);
    if (list) list.push(i);
    else onHost.set(i.host, [i]);
  }
  const onServer = new Map<string, VmView[]>();
  for (const v of dc.vms) {
    const vm: VmView = { ...v, instances: onHost.get(v.id) ?? [] };
    const list = onServer.get(v.server);
    if (list) list.push(vm);
    else onServer.set(v.server, [vm]);
  }
  const out = dc.servers.map((s) => ({ ...s, vms: onServer.get(s.id) ?? [], instances: onHost.get(s.id) ?? [] }));
  nested.set(dc, out);
  return out;
}

export function datacenterOf(view: ClassView, team: number): DatacenterView | undefined {
  for (const dc of view.datacenters ?? []) if (dc.team === team) return dc;
  return undefined;
}

const matches = new WeakMap<ClassView, { team: number; state: MatchState }>();

/**
 * Engine state for `team` as far as this browser can see it: the round's world as synced, the
 * team's servers and cash; other teams empty (they are not this browser's to see). Made once per
 * snapshot.
 */
export function toMatchState(view: ClassView, team: number): MatchState {
  const known = matches.get(view);
  if (known && known.team === team) return known.state;
  const scenario = view.round.scenario || view.config.scenario;
  const state = createMatch({ scenario, teams: view.teams.map((t, i) => t.name || String(i + 1)) }, 0);
  // The round's row is the world as the server plays it (setup and scenario both applied).
  const { number: _number, scenario: _scenario, tickRate: _tickRate, ...world } = view.round;
  state.world = { ...state.world, ...(world satisfies Partial<World>) };
  state.tick = view.tick;
  for (const t of state.teams) t.servers = [];
  for (const [app, demand] of Object.entries(view.demand)) state.demand[app as keyof MatchState["demand"]] = demand;
  const dc = datacenterOf(view, team);
  if (dc && state.teams[team]) {
    state.teams[team].servers = serversFromRows(dc);
    state.teams[team].cash = dc.cash;
  }
  matches.set(view, { team, state });
  return state;
}

/** The engine's verdict on a command for this team, as the browser sees the state now. */
export function verdict(view: ClassView, team: number, command: unknown): EngineError | null {
  return checkCommand(toMatchState(view, team), team, command);
}
