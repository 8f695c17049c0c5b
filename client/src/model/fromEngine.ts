/**
 * Engine state → the same view shapes the room syncs, so the replay viewer can reuse the projector
 * and the datacenter scene: a replayed match looks exactly like the live one did.
 */
import { teamResult, type MatchState } from "../../../shared/engine";
import { encodeCache } from "../../../shared/protocol/cache";
import type { RosterEntry } from "../../../shared/log/format";
import type { ClassView, DatacenterView, InstanceRow, SeatView, ServerRow, TeamView, TrafficView, VmRow } from "./types";

function loadPct(usedCpu: number, cpu: number): number {
  return cpu <= 0 ? 0 : Math.min(100, Math.round((usedCpu * 20) / cpu) * 5);
}

export function datacenterFromEngine(state: MatchState, team: number): DatacenterView {
  const t = state.teams[team];
  const servers: ServerRow[] = [];
  const vms: VmRow[] = [];
  const instances: InstanceRow[] = [];
  for (const s of t.servers) {
    servers.push({
      id: s.id, model: s.model, boughtAt: s.boughtAt, readyAt: s.readyAt, failedUntil: s.failedUntil, rented: s.rented,
      failingAt: s.failingAt, osDownUntil: s.osDownUntil, layer: s.layer ?? "", layerReadyAt: s.layerReadyAt,
      essentials: s.licences.essentials, standard: s.licences.standard, datacenter: s.licences.datacenter, ha: s.licences.ha,
      busyCpu: s.busyCpu, pullFreeAt: s.pullFreeAt, cache: encodeCache(s.cache),
    });
    for (const i of s.instances) instances.push({ ...i, host: s.id, load: loadPct(i.usedCpu, i.cpu) });
    for (const v of s.vms) {
      vms.push({
        id: v.id, server: s.id, os: v.os, mode: v.mode, vcpus: v.vcpus, mem: v.mem, engine: v.engine, readyAt: v.readyAt,
        downUntil: v.downUntil, migrationTo: v.migration?.to ?? "", migrationDoneAt: v.migration?.doneAt ?? 0, pullFreeAt: v.pullFreeAt,
        cache: encodeCache(v.cache),
      });
      for (const i of v.instances) instances.push({ ...i, host: v.id, load: loadPct(i.usedCpu, i.cpu) });
    }
  }
  const traffic: Record<string, TrafficView> = Object.fromEntries(state.world.apps.map((a) => [a, { ...t.traffic[a] }]));
  return {
    team, cash: t.cash, servers, vms, instances, traffic, ledger: { ...t.ledger },
    revenue: t.last.revenue, power: t.last.power, rent: t.last.rent, penalties: t.last.penalties, fines: t.last.fines,
    capacityCpu: t.last.capacityCpu, reservedCpu: t.last.reservedCpu, usefulCpu: t.last.usefulCpu, osTaxCpu: t.last.osTaxCpu,
  };
}

export function viewFromEngine(state: MatchState, meta: { room: string; round: number; roster: readonly RosterEntry[]; bots: readonly (string | null)[]; over: boolean }): ClassView {
  const w = state.world;
  const teams: TeamView[] = state.teams.map((t, i) => {
    const r = teamResult(t);
    return {
      index: i, name: t.name, bot: meta.bots[i] ?? "", score: r.score, cash: t.cash, availability: r.availability,
      demand: t.last.demand, served: t.last.served, dropped: t.last.dropped, servers: t.servers.length,
      instances: t.servers.reduce((n, s) => n + s.instances.length + s.vms.reduce((m, v) => m + v.instances.length, 0), 0),
      members: meta.roster.filter((s) => s.team === i && s.role === "student").length,
    };
  });
  const seats: Record<string, SeatView> = Object.fromEntries(meta.roster.map((s) => [String(s.seat), { ...s, connected: true }]));
  return {
    code: meta.room, phase: meta.over ? "over" : "playing", practice: false, locked: false, tick: state.tick,
    config: {
      scenario: state.scenario, budget: w.budget, tickRate: 1, unlocks: [...w.unlocks], trafficPct: w.trafficPct,
      scriptedIncidents: w.scriptedIncidents, maxStudents: 0,
    },
    round: {
      number: meta.round, scenario: state.scenario, ticks: w.ticks, startMinute: w.startMinute, budget: w.budget, cashFloor: w.cashFloor,
      unlocks: [...w.unlocks], apps: [...w.apps], trafficPct: w.trafficPct, paymentIsolation: w.paymentIsolation, rent: w.rent, tickRate: 1,
    },
    demand: Object.fromEntries(w.apps.map((a) => [a, state.demand[a]])),
    seats, teams, banners: [],
    datacenters: state.teams.map((_, i) => datacenterFromEngine(state, i)),
  };
}
