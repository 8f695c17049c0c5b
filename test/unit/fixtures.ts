/**
 * Scenario-style helpers for the engine's unit tests: build a match, act as a team through the
 * same command door players use, advance the clock, and read what a player would see.
 */
import { expect } from "vitest";
import {
  advance, applyCommand, applyHostAction, createMatch, stateHash,
  type AppId, type Command, type EngineError, type GameEvent, type HostAction, type Instance, type LayerKind,
  type MatchSettings, type MatchState, type ModelId, type OsKind, type Server, type Team, type VirtMode, type Vm,
} from "../../shared/engine";
import type { ScenarioId } from "../../shared/scenarios";

export interface MatchOptions extends Partial<Omit<MatchSettings, "scenario" | "teams">> {
  scenario?: ScenarioId;
  teams?: number;
  seed?: number;
}

/**
 * A fresh match. Defaults: free play (every app, every layer), one team, seed 1, and no scripted
 * incidents, so a test sees only what it sets up.
 */
export function newMatch(opts: MatchOptions = {}): MatchState {
  const { scenario = "free-play", teams = 1, seed = 1, scriptedIncidents = false, ...extra } = opts;
  const names = Array.from({ length: teams }, (_, i) => `team ${i + 1}`);
  return createMatch({ scenario, teams: names, scriptedIncidents, ...extra }, seed);
}

export function teamOf(state: MatchState, team = 0): Team {
  return state.teams[team];
}

/** Applies a command that must be accepted; a refusal fails the test with the engine's reason. */
export function accept(state: MatchState, command: Command, team = 0): void {
  const r = applyCommand(state, team, command);
  if (!r.ok) throw new Error(`command refused: ${JSON.stringify(command)} → ${JSON.stringify(r.error)}`);
}

/** Applies a command that must be refused; checks the state did not move and returns the error. */
export function refuse(state: MatchState, command: unknown, team = 0): EngineError {
  const before = stateHash(state);
  const r = applyCommand(state, team, command);
  if (r.ok) throw new Error(`command accepted, expected a refusal: ${JSON.stringify(command)}`);
  expect(stateHash(state)).toBe(before);
  return r.error;
}

export function buyServer(state: MatchState, model: ModelId, team = 0): string {
  accept(state, { type: "buyServer", model }, team);
  return teamOf(state, team).servers.at(-1)!.id;
}

export function installLayer(state: MatchState, server: string, layer: LayerKind, team = 0): void {
  accept(state, { type: "installLayer", server, layer }, team);
}

/**
 * A server of the team with `layer` installed: the first one of the model that has no layer yet
 * (free play starts with two small servers and a GPU node), or a new one bought for it.
 */
export function host(state: MatchState, layer: LayerKind, opts: { model?: ModelId; team?: number } = {}): string {
  const team = opts.team ?? 0;
  const model = opts.model ?? "small";
  const free = teamOf(state, team).servers.find((s) => s.layer === null && s.model === model);
  const id = free ? free.id : buyServer(state, model, team);
  installLayer(state, id, layer, team);
  return id;
}

export interface VmOptions {
  os?: OsKind;
  mode?: VirtMode;
  vcpus?: number;
  mem?: number;
  engine?: boolean;
}

/** A VM (Linux, paravirtualized, 3 vCPUs, 4 GiB unless told otherwise); returns its id. */
export function createVm(state: MatchState, server: string, opts: VmOptions = {}, team = 0): string {
  const os = opts.os ?? "linux";
  const command: Command = {
    type: "createVm", server, os, mode: opts.mode ?? (os === "linux" ? "para" : "full"),
    vcpus: opts.vcpus ?? 3, mem: opts.mem ?? 4096,
  };
  if (opts.engine !== undefined) command.engine = opts.engine;
  accept(state, command, team);
  return serverById(state, server).vms.at(-1)!.id;
}

/** Deploys an app on a server or into a VM; returns the new instance's id. */
export function deploy(
  state: MatchState, target: string, app: AppId, opts: { cpu?: number; memLimit?: number } = {}, team = 0,
): string {
  const command: Command = { type: "deploy", target, app };
  if (opts.cpu !== undefined) command.cpu = opts.cpu;
  if (opts.memLimit !== undefined) command.memLimit = opts.memLimit;
  accept(state, command, team);
  const list = target.startsWith("v") ? vmById(state, target).vm.instances : serverById(state, target).instances;
  return list.at(-1)!.id;
}

/** Plays `n` ticks; returns every event they produced. */
export function step(state: MatchState, n = 1): GameEvent[] {
  const events: GameEvent[] = [];
  for (let k = 0; k < n; k++) {
    advance(state);
    events.push(...state.events);
  }
  return events;
}

export type TimedEvent = GameEvent & { tick: number };

/** Plays `n` ticks; returns their events, each with the tick it happened on. */
export function timeline(state: MatchState, n: number): TimedEvent[] {
  const out: TimedEvent[] = [];
  for (let k = 0; k < n; k++) {
    advance(state);
    for (const e of state.events) out.push({ ...e, tick: lastTick(state) });
  }
  return out;
}

/** Plays until the clock shows `tick` (the next tick to be played). */
export function advanceTo(state: MatchState, tick: number): GameEvent[] {
  return step(state, Math.max(0, tick - state.tick));
}

/** The last tick played. */
export function lastTick(state: MatchState): number {
  return state.tick - 1;
}

/**
 * Plays until everything ordered so far is up: servers delivered, layers installed, VMs booted,
 * apps started, migrations and repairs done. The last tick played then had all of it running.
 */
export function settle(state: MatchState): void {
  let until = state.tick;
  const at = (t: number) => { until = Math.max(until, t); };
  for (const team of state.teams) {
    for (const s of team.servers) {
      at(s.readyAt); at(s.layerReadyAt); at(s.failedUntil); at(s.osDownUntil);
      for (const i of s.instances) { at(i.readyAt); at(i.downUntil); }
      for (const vm of s.vms) {
        at(vm.readyAt); at(vm.downUntil); at(vm.migration?.doneAt ?? 0);
        for (const i of vm.instances) { at(i.readyAt); at(i.downUntil); }
      }
    }
  }
  advanceTo(state, until + 1);
}

/** A teacher's incident, fired on the next tick; returns the incident event a team's banner shows. */
export function fire(state: MatchState, incident: Omit<HostAction, "type">, team = 0): Extract<GameEvent, { kind: "incident" }> {
  const r = applyHostAction(state, { type: "incident", ...incident });
  if (!r.ok) throw new Error(`incident refused: ${JSON.stringify(r.error)}`);
  const events = step(state);
  const ev = events.find((e) => e.kind === "incident" && e.team === team);
  if (!ev || ev.kind !== "incident") throw new Error("no incident event");
  return ev;
}

export function serverById(state: MatchState, id: string): Server {
  for (const team of state.teams) for (const s of team.servers) if (s.id === id) return s;
  throw new Error(`no server ${id}`);
}

export function vmById(state: MatchState, id: string): { vm: Vm; server: Server } {
  for (const team of state.teams) for (const server of team.servers) for (const vm of server.vms) if (vm.id === id) return { vm, server };
  throw new Error(`no vm ${id}`);
}

export function instanceById(state: MatchState, id: string): Instance {
  for (const team of state.teams) {
    for (const s of team.servers) {
      for (const i of s.instances) if (i.id === id) return i;
      for (const vm of s.vms) for (const i of vm.instances) if (i.id === id) return i;
    }
  }
  throw new Error(`no instance ${id}`);
}

/** Requests the instance served in the last tick played. */
export function served(state: MatchState, instance: string): number {
  return instanceById(state, instance).served;
}

/** Every listed instance served nothing in the last tick played. */
export function allDown(state: MatchState, ids: readonly string[]): boolean {
  return ids.every((id) => served(state, id) === 0);
}

/** Every listed instance served something in the last tick played. */
export function allServing(state: MatchState, ids: readonly string[]): boolean {
  return ids.every((id) => served(state, id) > 0);
}

/** Whether an instance (still) exists. */
export function exists(state: MatchState, instance: string): boolean {
  try {
    instanceById(state, instance);
    return true;
  } catch {
    return false;
  }
}

/**
 * Plays until each instance has reported ready in the team feed; returns, per instance, how many
 * ticks after `from` that was.
 */
export function readyAfter(state: MatchState, ids: readonly string[], from = state.tick, limit = 200): Record<string, number> {
  const out: Record<string, number> = {};
  for (let n = 0; n < limit && Object.keys(out).length < ids.length; n++) {
    for (const e of step(state)) {
      if (e.kind === "instance-ready" && ids.includes(e.instance)) out[e.instance] = lastTick(state) - from;
    }
  }
  if (Object.keys(out).length < ids.length) throw new Error(`not all of ${ids.join(",")} became ready`);
  return out;
}

/** Plays until the instance serves its first request; returns how many ticks after `from` that was. */
export function servingAfter(state: MatchState, instance: string, from = state.tick, limit = 200): number {
  for (let n = 0; n < limit; n++) {
    step(state);
    if (served(state, instance) > 0) return lastTick(state) - from;
  }
  throw new Error(`${instance} never served`);
}

/** The tick an event matching `match` shows up, playing at most `limit` ticks. */
export function tickOf(state: MatchState, match: (e: GameEvent) => boolean, limit = 200): number {
  for (let n = 0; n < limit; n++) {
    step(state);
    if (state.events.some(match)) return lastTick(state);
  }
  throw new Error("event never happened");
}
