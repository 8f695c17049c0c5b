import { PACE_MS_PER_TICK } from "./data";
import { demandAt } from "./demand";
import { failServer, fireIncident } from "./incidents";
import { serveTeam } from "./serve";
import { SCENARIOS } from "../scenarios";
import type { MatchState, Team } from "./types";

export function isOver(state: MatchState): boolean {
  return state.tick >= state.world.ticks;
}

/**
 * Advances the match by one tick (one game minute): things that were due arrive, incidents fire,
 * demand is drawn, every team serves and pays. Returns false when the match was already over.
 */
export function advance(state: MatchState): boolean {
  if (isOver(state)) return false;
  const t = state.tick;
  const scn = SCENARIOS[state.scenario];
  state.events = [];
  for (const team of state.teams) arrivals(state, team, t);

  if (state.world.scriptedIncidents) {
    // Scripted hardware failures warn first (they are announced in the briefing as a risk).
    for (const inc of scn.incidents) if (inc.tick === t) fireIncident(state, { kind: inc.kind, team: null, app: inc.app }, t, true);
  }
  const pending = state.pendingIncidents;
  state.pendingIncidents = [];
  for (const inc of pending) fireIncident(state, inc, t);

  if (t === state.world.spikeStart) state.events.push({ kind: "spike", team: -1, wave: 1 });
  if (t === state.world.wave2Start) state.events.push({ kind: "spike", team: -1, wave: 2 });
  for (const app of state.world.apps) state.demand[app] = demandAt(scn, state.world, state.seed, app, t);
  for (const team of state.teams) serveTeam(state, scn, team, t);
  state.tick = t + 1;
  return true;
}

/**
 * Things that were scheduled for this tick: deliveries, installs, boots, migrations, repairs.
 * (Apps coming up are reported while serving, which walks every instance anyway.)
 */
function arrivals(state: MatchState, team: Team, t: number): void {
  const ev = state.events;
  for (const server of team.servers) {
    if (server.readyAt === t && server.boughtAt < t) ev.push({ kind: "server-delivered", team: team.id, server: server.id });
    if (server.layer && server.layerReadyAt === t) ev.push({ kind: "layer-ready", team: team.id, server: server.id, layer: server.layer });
    if (server.failedUntil > 0 && server.failedUntil === t) ev.push({ kind: "server-repaired", team: team.id, server: server.id });
    for (const vm of server.vms) {
      if (vm.readyAt === t) ev.push({ kind: "vm-ready", team: team.id, vm: vm.id });
    }
  }
  // Migrations finish after the scan so a VM moved this tick is not reported twice.
  for (const server of team.servers) {
    for (let n = server.vms.length - 1; n >= 0; n--) {
      const vm = server.vms[n];
      if (!vm.migration || vm.migration.doneAt !== t) continue;
      const target = team.servers.find((s) => s.id === vm.migration!.to);
      vm.migration = null;
      if (!target) continue;
      server.vms.splice(n, 1);
      target.vms.push(vm);
      ev.push({ kind: "migration-done", team: team.id, vm: vm.id, from: server.id, to: target.id });
    }
  }
  // Hardware that warned dies now, after the migrations that made it out in time.
  for (const server of team.servers) if (server.failingAt > 0 && server.failingAt === t) failServer(state, team, server, t);
}

/** Real milliseconds one tick lasts at speed 1×: the forecast window plays slower than quiet stretches. */
export function paceMs(state: MatchState): number {
  const { slowFrom, slowTo } = state.world;
  return state.tick >= slowFrom && state.tick < slowTo ? PACE_MS_PER_TICK.spike : PACE_MS_PER_TICK.quiet;
}
