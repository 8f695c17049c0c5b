import { APPS, GUEST_OS, INCIDENTS, LICENCES, type AppId } from "./data";
import { randInt } from "./rng";
import { teamInstances, type InstanceRef } from "./lookup";
import { charge } from "./money";
import { instanceUp, serverUp, vmUp } from "./running";
import type { IncidentSpec, Instance, MatchState, Server, Team } from "./types";

/**
 * Incidents make the isolation lessons felt: what a failure takes down depends on what shares
 * an OS, a kernel or a machine with the thing that failed.
 */
export function fireIncident(state: MatchState, spec: IncidentSpec, t: number): void {
  for (const team of state.teams) {
    if (spec.team !== null && spec.team !== team.id) continue;
    switch (spec.kind) {
      case "leak": leak(state, team, spec.app ?? "web", t); break;
      case "kernel": kernel(state, team, spec.app ?? "web", t); break;
      case "hardware": hardware(state, team, spec.server, t); break;
      case "audit": audit(state, team); break;
    }
  }
}

function knockOut(instances: Instance[], until: number): string[] {
  for (const i of instances) i.downUntil = Math.max(i.downUntil, until);
  return instances.map((i) => i.id);
}

function siblings(ref: InstanceRef): Instance[] {
  return ref.vm ? ref.vm.instances : ref.server.instances;
}

/**
 * A memory leak: on a shared OS the OOM killer takes every process with it; a VM keeps it inside;
 * a container keeps it inside only when it has a memory limit.
 */
function leak(state: MatchState, team: Team, app: AppId, t: number): void {
  // Only a process that is actually running can leak: not one on a failed server or in a VM that is down.
  const candidates = [...teamInstances(team)].filter(
    (r) => r.instance.app === app && instanceUp(r.instance, t) && serverUp(r.server, t) && (!r.vm || vmUp(r.vm, t)),
  );
  if (candidates.length === 0) {
    state.events.push({ kind: "incident", team: team.id, incident: "leak", app, hit: [], cost: 0 });
    return;
  }
  const ref = candidates[randInt(state, 0, candidates.length - 1)];
  let hit: string[];
  if (ref.instance.container && ref.instance.memLimited) {
    hit = knockOut([ref.instance], t + INCIDENTS.containerRestartTicks);
  } else {
    const ticks = ref.instance.container ? INCIDENTS.containerRestartTicks : INCIDENTS.processRestartTicks;
    hit = knockOut(siblings(ref).filter((i) => instanceUp(i, t)), t + ticks);
  }
  state.events.push({ kind: "incident", team: team.id, incident: "leak", app, target: ref.instance.id, hit, cost: 0 });
}

/**
 * A container-escape kernel bug, exploited through an internet-facing app: every container on a
 * kernel that runs that app is compromised and down while the kernel is patched. A VM has its own
 * kernel, so a payment service in its own VM is out of reach.
 */
function kernel(state: MatchState, team: Team, entry: AppId, t: number): void {
  const hit: string[] = [];
  let breached = false;
  const kernels: { instances: Instance[]; id: string }[] = [];
  // A kernel that is not running (failed server, VM down) cannot be exploited.
  for (const server of team.servers) {
    if (!serverUp(server, t)) continue;
    if (server.layer === "container-host") kernels.push({ instances: server.instances, id: server.id });
    for (const vm of server.vms) if (vm.engine && vmUp(vm, t)) kernels.push({ instances: vm.instances, id: vm.id });
  }
  const targets: string[] = [];
  for (const k of kernels) {
    if (!k.instances.some((i) => i.app === entry && instanceUp(i, t))) continue;
    targets.push(k.id);
    hit.push(...knockOut(k.instances, t + INCIDENTS.kernelPatchTicks));
    if (k.instances.some((i) => APPS[i.app].isolated)) breached = true;
  }
  const cost = breached ? charge(team, "fines", INCIDENTS.breachFine, state.world.cashFloor) : 0;
  state.events.push({ kind: "incident", team: team.id, incident: "kernel", app: entry, target: targets.join(","), hit, cost });
}

/** A server dies: everything on it stops; type-1 VMs can be moved elsewhere and booted there. */
function hardware(state: MatchState, team: Team, serverId: string | undefined, t: number): void {
  const healthy = team.servers.filter((s) => s.layer !== null && t >= s.readyAt && t >= s.failedUntil);
  let server: Server | undefined = serverId ? healthy.find((s) => s.id === serverId) : undefined;
  if (!server && !serverId && healthy.length > 0) server = healthy[randInt(state, 0, healthy.length - 1)];
  if (!server) {
    state.events.push({ kind: "incident", team: team.id, incident: "hardware", hit: [], cost: 0 });
    return;
  }
  const until = t + INCIDENTS.hardwareRepairTicks;
  server.failedUntil = until;
  const hit = knockOut(server.instances, until + INCIDENTS.processRestartTicks);
  for (const vm of server.vms) {
    vm.downUntil = Math.max(vm.downUntil, until + GUEST_OS[vm.os].bootTicks);
    vm.migration = null;
    hit.push(vm.id);
  }
  // Migrations onto the dead server are cancelled; the VMs stay where they were.
  for (const s of team.servers) for (const vm of s.vms) if (vm.migration?.to === server.id) vm.migration = null;
  state.events.push({ kind: "incident", team: team.id, incident: "hardware", target: server.id, hit, cost: 0 });
}

/** Windows instances a server's licences cover: Datacenter any number, Standard two each, Essentials one. */
export function unlicensedWindows(server: Server): number {
  const oses = (server.layer === "bare-windows" ? 1 : 0) + server.vms.filter((v) => v.os === "windows").length;
  if (server.licences.datacenter > 0) return 0;
  const covered = server.licences.standard * (LICENCES.standard.covers ?? 0)
    + server.licences.essentials * (LICENCES.essentials.covers ?? 0);
  return Math.max(0, oses - covered);
}

function audit(state: MatchState, team: Team): void {
  const hit: string[] = [];
  let count = 0;
  for (const server of team.servers) {
    const n = unlicensedWindows(server);
    if (n > 0) { hit.push(server.id); count += n; }
  }
  const cost = charge(team, "fines", count * INCIDENTS.auditFinePerOse, state.world.cashFloor);
  state.events.push({ kind: "incident", team: team.id, incident: "audit", hit, cost });
}
