import { APPS, INCIDENTS } from "./data";
import { charge } from "./money";
import { instanceUp } from "./running";
import type { Instance, MatchState, Server, Team } from "./types";

/*
 * A container runs on a writable layer above its image (the image itself stays shared, read-only,
 * by every container made from it): what the container writes goes to that layer and dies with
 * it. Replaced, moved, or started again after a crash, a reboot or a dead host, it starts from its
 * image: a database container loses the rows it wrote and must load last night's backup before it
 * answers; a registry mirror loses its cache. Data on a volume outlives the container. A process
 * on an operating system writes to that system's disk, which a restart keeps.
 */

/** Where something happened: the match, the team, the tick. */
export interface Where {
  state: MatchState;
  team: Team;
  t: number;
}

/** Whether what this instance writes lives in its own writable layer (a container without a volume). */
export function writesInLayer(i: Instance): boolean {
  return i.container && !i.volume;
}

/**
 * An instance starts again from its image after `until` (or, with `until` null, is gone for good):
 * a container without a volume loses its writable layer — a database its rows (each one a fine)
 * and the time to restore the backup, a registry mirror what it had cached.
 */
export function loseLayer(w: Where, i: Instance, until: number | null): void {
  if (!writesInLayer(i)) return;
  const spec = APPS[i.app];
  if (spec.role === "infra") w.team.registry.mirror = [];
  if (spec.role !== "backend") return;
  // A database that had not started yet (or already lost its layer) has nothing to lose.
  if (!instanceUp(i, w.t) && i.writes === 0) return;
  const rows = i.writes;
  i.writes = 0;
  const s = w.team.stats;
  s.lostWrites += rows;
  if (rows > 0) charge(w.team, "fines", rows * INCIDENTS.lostRowFine, w.state.world.cashFloor, w.t);
  let back = -1;
  if (until !== null) {
    i.downUntil = Math.max(i.downUntil, until + INCIDENTS.dbRestoreTicks);
    back = i.downUntil;
    s.restores++;
  }
  w.state.events.push({ kind: "data-lost", team: w.team.id, instance: i.id, app: i.app, rows, until: back });
}

/** Instances that are gone (removed, their server wiped, sold or reclaimed, their VM deleted). */
export function loseAll(w: Where, list: readonly Instance[]): void {
  for (const i of list) loseLayer(w, i, null);
}

/** Everything on a server is gone (wiped, sold, reclaimed): containers' writable layers with it. */
export function goneWith(w: Where, server: Server): void {
  loseAll(w, server.instances);
  for (const vm of server.vms) loseAll(w, vm.instances);
}
