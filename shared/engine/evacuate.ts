import { MIGRATION_MIB_PER_TICK } from "./data";
import { serverFree, vmFootprint } from "./capacity";
import type { Server, Team, Vm } from "./types";

/** Live migration copies the VM's memory over the network; it keeps serving meanwhile. */
export function startMigration(vm: Vm, to: Server, now: number): void {
  const start = Math.max(now, to.layerReadyAt);
  vm.migration = { to: to.id, doneAt: start + Math.max(1, Math.ceil(vm.mem / MIGRATION_MIB_PER_TICK)) };
}

/** A type-1 server that can take VMs now and is not itself about to fail. */
function canHost(server: Server, t: number): boolean {
  return server.layer === "type1" && t >= server.readyAt
    && t >= server.failedUntil && t >= server.osDownUntil && server.failingAt === 0;
}

/**
 * Proactive HA (the paid hypervisor suite): every VM on a host that warns of failing hardware is
 * live-migrated, first fit in server order, to another type-1 host with room. VMs that fit nowhere
 * stay, as they would for a team doing it by hand.
 */
export function haEvacuate(team: Team, failing: Server, t: number): void {
  for (const vm of failing.vms) {
    if (vm.migration) continue;
    for (const target of team.servers) {
      if (target === failing || !canHost(target, t)) continue;
      const need = vmFootprint(vm, target);
      const free = serverFree(team, target);
      if (free.cpu < need.cpu || free.mem < need.mem) continue;
      startMigration(vm, target, t);
      break;
    }
  }
}
