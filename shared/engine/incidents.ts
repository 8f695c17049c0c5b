import { APPS, GUEST_OS, HOST_LAYERS, INCIDENTS, LICENCES, RENT_DELIVERY_TICKS, type AppId } from "./data";
import { randInt } from "./rng";
import { teamInstances, type InstanceRef } from "./lookup";
import { charge } from "./money";
import { instanceUp, serverUp, vmUp } from "./running";
import { haEvacuate } from "./evacuate";
import { knockOut, rebootServer, rebootVm } from "./downtime";
import type { IncidentSpec, Instance, MatchState, Server, Team } from "./types";

/**
 * Incidents make the isolation lessons felt: what a failure takes down depends on what shares
 * an OS, a kernel or a machine with the thing that failed.
 */
export function fireIncident(state: MatchState, spec: IncidentSpec, t: number, warned = false): void {
  for (const team of state.teams) {
    if (spec.team !== null && spec.team !== team.id) continue;
    switch (spec.kind) {
      case "leak": leak(state, team, spec.app ?? "web", t); break;
      case "kernel": kernel(state, team, spec.app ?? "web", t); break;
      case "hardware":
        if (warned) warnHardware(state, team, t);
        else hardware(state, team, spec.server, t);
        break;
      case "audit": audit(state, team, t); break;
      case "patch": patch(state, team, t); break;
    }
  }
}

/**
 * A memory leak is a bug in one version of an app, so every running instance of it leaks. Alone on
 * its OS, a leaking process is killed by the OOM killer and restarted within minutes. Sharing an OS
 * with no boundary around it, it starves its neighbours and thrashes the whole OS until someone
 * reboots it: every app on it is down for long enough to matter. A VM is such a boundary (only its
 * guest reboots, faster than a machine); so is a container's memory limit (only it restarts).
 */
function leak(state: MatchState, team: Team, app: AppId, t: number): void {
  // Only a process that is actually running can leak: not one on a failed server or in a VM that is down.
  const leaking = [...teamInstances(team)].filter(
    (r) => r.instance.app === app && instanceUp(r.instance, t) && serverUp(r.server, t) && (!r.vm || vmUp(r.vm, t)),
  );
  const hit = new Set<string>();
  const w = { state, team, t };
  for (const ref of leaking) {
    const mates = osMates(ref).filter((i) => instanceUp(i, t) || hit.has(i.id));
    if (ref.instance.container && ref.instance.memLimited) {
      knockOut([ref.instance], t + INCIDENTS.containerRestartTicks, w);
      hit.add(ref.instance.id);
    } else if (mates.length <= 1) {
      knockOut([ref.instance], t + INCIDENTS.appRestartTicks + 1, w);
      hit.add(ref.instance.id);
    } else if (ref.vm) {
      for (const i of mates) hit.add(i.id);
      rebootVm(ref.vm, t + GUEST_OS[ref.vm.os].bootTicks, w);
    } else {
      for (const id of rebootServer(ref.server, t + INCIDENTS.serverRebootTicks, w)) hit.add(id);
    }
  }
  state.events.push({ kind: "incident", team: team.id, incident: "leak", app, target: leaking.map((r) => r.instance.id).join(","), hit: [...hit], cost: 0 });
}

function osMates(ref: InstanceRef): Instance[] {
  return ref.vm ? ref.vm.instances : ref.server.instances;
}

interface Kernel {
  id: string;
  instances: Instance[];
  /** Takes the kernel down until a tick (patched and rebooted), with everything on it. */
  down(until: number): string[];
}

/** Every running Linux kernel of a team with apps on it: bare OSes, container hosts, VM guests. */
function linuxKernels(state: MatchState, team: Team, t: number): Kernel[] {
  const out: Kernel[] = [];
  const w = { state, team, t };
  for (const server of team.servers) {
    if (!serverUp(server, t)) continue;
    if (server.layer && HOST_LAYERS[server.layer].os === "linux") {
      out.push({ id: server.id, instances: server.instances, down: (until) => rebootServer(server, until, w) });
    }
    for (const vm of server.vms) {
      if (vm.os === "linux" && vmUp(vm, t)) out.push({ id: vm.id, instances: vm.instances, down: (until) => rebootVm(vm, until, w) });
    }
  }
  return out;
}

/**
 * A Linux kernel exploit, reached through an internet-facing app: every kernel that runs that app
 * is compromised and down while it is patched, with everything else that shares it — a bare OS,
 * a container host, a VM alike. Payment data on a compromised kernel is a breach: what keeps
 * payment safe is a kernel of its own (its own VM or server) with nothing exposed on it.
 */
function kernel(state: MatchState, team: Team, entry: AppId, t: number): void {
  const hit: string[] = [];
  const targets: string[] = [];
  let breached = false;
  for (const k of linuxKernels(state, team, t)) {
    if (!k.instances.some((i) => i.app === entry && instanceUp(i, t))) continue;
    targets.push(k.id);
    if (k.instances.some((i) => APPS[i.app].isolated)) breached = true;
    hit.push(...k.instances.map((i) => i.id));
    k.down(t + INCIDENTS.kernelPatchTicks);
  }
  const cost = breached ? charge(team, "fines", INCIDENTS.breachFine, state.world.cashFloor, t) : 0;
  state.events.push({ kind: "incident", team: team.id, incident: "kernel", app: entry, target: targets.join(","), hit, cost });
}

/** Owned, delivered, set-up servers that are not failing already: what hardware can break. */
function breakable(team: Team, t: number): Server[] {
  return team.servers.filter((s) => !s.rented && s.layer !== null && t >= s.readyAt && t >= s.failedUntil && s.failingAt === 0);
}

/** CPU reserved on a server: the busiest machine is the one whose failure teaches the most. */
function load(server: Server): number {
  let cpu = 0;
  for (const i of server.instances) cpu += i.cpu;
  for (const vm of server.vms) cpu += vm.vcpus * 1000;
  return cpu;
}

/**
 * A scripted hardware failure warns first: the team's busiest server reports failing hardware and
 * dies `hardwareWarnTicks` later. Type-1 VMs can be live-migrated off it in the meantime (by hand,
 * or by themselves with the HA licence); everything else on it goes down with it.
 */
function warnHardware(state: MatchState, team: Team, t: number): void {
  let server: Server | null = null;
  for (const s of breakable(team, t)) if (!server || load(s) > load(server)) server = s;
  if (!server) {
    state.events.push({ kind: "incident", team: team.id, incident: "hardware", hit: [], cost: 0 });
    return;
  }
  server.failingAt = t + INCIDENTS.hardwareWarnTicks;
  state.events.push({ kind: "hardware-warning", team: team.id, server: server.id, at: server.failingAt });
  if (server.layer === "type1" && server.licences.ha > 0) haEvacuate(team, server, t);
}

/** A server dies (the teacher's incident): everything on it stops; type-1 VMs can be moved elsewhere and booted there. */
function hardware(state: MatchState, team: Team, serverId: string | undefined, t: number): void {
  const healthy = team.servers.filter((s) => s.layer !== null && t >= s.readyAt && t >= s.failedUntil);
  let server: Server | undefined = serverId ? healthy.find((s) => s.id === serverId) : undefined;
  if (!server && !serverId && healthy.length > 0) server = healthy[randInt(state, 0, healthy.length - 1)];
  if (!server) {
    state.events.push({ kind: "incident", team: team.id, incident: "hardware", hit: [], cost: 0 });
    return;
  }
  failServer(state, team, server, t);
}

/**
 * A server dies: everything on it stops until it is repaired. A rented one is the cloud's problem:
 * it bills nothing while the machine is dead and brings the instance back on new hardware within
 * minutes (its disk kept, so what ran on it boots again), as clouds recover a failed host.
 */
export function failServer(state: MatchState, team: Team, server: Server, t: number): void {
  const until = t + (server.rented ? RENT_DELIVERY_TICKS : INCIDENTS.hardwareRepairTicks);
  server.failedUntil = until;
  server.failingAt = 0;
  const w = { state, team, t };
  const hit = rebootServer(server, until, w);
  for (const vm of server.vms) {
    vm.migration = null;
    hit.push(...rebootVm(vm, until + GUEST_OS[vm.os].bootTicks, w));
  }
  // Migrations onto the dead server are cancelled; the VMs stay where they were.
  for (const s of team.servers) for (const vm of s.vms) if (vm.migration?.to === server.id) vm.migration = null;
  state.events.push({ kind: "incident", team: team.id, incident: "hardware", target: server.id, hit, cost: 0 });
}

/**
 * Security updates for a type-2 host's OS: the host reboots and every guest with it. A type-1
 * hypervisor is a thin layer with no general-purpose OS under it to patch.
 */
function patch(state: MatchState, team: Team, t: number): void {
  const hit: string[] = [];
  const targets: string[] = [];
  const w = { state, team, t };
  for (const server of team.servers) {
    if (server.layer !== "type2" || !serverUp(server, t)) continue;
    targets.push(server.id);
    rebootServer(server, t + INCIDENTS.hostPatchRebootTicks, w);
    for (const vm of server.vms) {
      vm.migration = null;
      hit.push(...rebootVm(vm, t + INCIDENTS.hostPatchRebootTicks + GUEST_OS[vm.os].bootTicks, w));
    }
  }
  state.events.push({ kind: "incident", team: team.id, incident: "patch", target: targets.join(","), hit, cost: 0 });
}

/** Windows instances a server's licences cover: Datacenter any number, Standard two each, Essentials one. */
export function unlicensedWindows(server: Server): number {
  const oses = (server.layer === "bare-windows" ? 1 : 0) + server.vms.filter((v) => v.os === "windows").length;
  if (server.licences.datacenter > 0) return 0;
  const covered = server.licences.standard * (LICENCES.standard.covers ?? 0)
    + server.licences.essentials * (LICENCES.essentials.covers ?? 0);
  return Math.max(0, oses - covered);
}

function audit(state: MatchState, team: Team, t: number): void {
  const hit: string[] = [];
  let count = 0;
  for (const server of team.servers) {
    const n = unlicensedWindows(server);
    if (n > 0) { hit.push(server.id); count += n; }
  }
  const cost = charge(team, "fines", count * INCIDENTS.auditFinePerOse, state.world.cashFloor, t);
  state.events.push({ kind: "incident", team: team.id, incident: "audit", hit, cost });
}
