import { APPS, IMAGE_LAYERS, REGISTRY, type LayerId } from "./data";
import { instanceUp, serverUp, vmUp } from "./running";
import type { Instance, Team } from "./types";

/*
 * Where a host's missing image layers come from (docs/DESIGN.md, "Registries"): the Docker daemon
 * looks in its own cache first, then asks a registry. Without a mirror of its own the team pulls
 * from the public registry over the datacenter's internet link — slowly, and no more than
 * REGISTRY.publicPullsPerTick images a minute from the team's address; pulls beyond that wait for a
 * minute with room. A registry mirror the team runs (the `registry` app) serves every host at the
 * datacenter link's speed with no limit, and fetches from the public registry only the layers it
 * does not hold yet (a pull-through cache).
 */

function isRegistry(i: Instance): boolean {
  return APPS[i.app].role === "infra";
}

/** Whether the team's registry mirror runs at tick `t` (as far as is known now). */
export function mirrorUp(team: Team, t: number): boolean {
  for (const s of team.servers) {
    if (!serverUp(s, t)) continue;
    for (const i of s.instances) if (isRegistry(i) && instanceUp(i, t)) return true;
    for (const vm of s.vms) if (vmUp(vm, t)) for (const i of vm.instances) if (isRegistry(i) && instanceUp(i, t)) return true;
  }
  return false;
}

/** The first tick from `from` on at which the team may start another public pull. */
function publicSlot(team: Team, from: number): number {
  const taken = team.registry.publicPulls;
  for (let t = from; ; t++) {
    let n = 0;
    for (const x of taken) if (x === t) n++;
    if (n < REGISTRY.publicPullsPerTick) return t;
  }
}

export interface ImagePull {
  /** When the host has every layer, in thousandths of a tick. */
  doneMilli: number;
  /** The tick a pull from the public registry starts (it takes a slot of the rate limit), or −1. */
  publicAt: number;
  /** Minutes the public pull waited for a slot. */
  waited: number;
  /** Through the team's own mirror; the layers the mirror fetched on the way (it keeps them). */
  viaMirror: boolean;
  mirrorAdds: LayerId[];
}

/**
 * Times the pull of the layers a host is missing: it starts once the host is ready (`start`) and
 * its link is free (`freeMilli`); layers the mirror holds come at the datacenter link's speed, the
 * rest from the public registry (through the mirror when there is one), after a rate-limit slot.
 */
export function planImagePull(team: Team, missing: readonly LayerId[], start: number, freeMilli: number): ImagePull {
  const mirror = mirrorUp(team, start);
  let publicMb = 0;
  let localMb = 0;
  let begin = Math.max(start * 1000, freeMilli);
  const mirrorAdds: LayerId[] = [];
  for (const layer of missing) {
    const held = mirror ? team.registry.mirror.find((c) => c.layer === layer) : undefined;
    if (held) {
      localMb += IMAGE_LAYERS[layer].mb;
      begin = Math.max(begin, held.at * 1000);
    } else {
      publicMb += IMAGE_LAYERS[layer].mb;
      if (mirror) mirrorAdds.push(layer);
    }
  }
  let publicAt = -1;
  let waited = 0;
  if (publicMb > 0) {
    // A pull starting within a minute takes one of that minute's slots.
    const first = Math.floor(begin / 1000);
    publicAt = publicSlot(team, first);
    waited = publicAt - first;
    begin = Math.max(begin, publicAt * 1000);
  }
  const doneMilli = begin + Math.ceil((publicMb * 1000) / REGISTRY.publicMbPerTick) + Math.ceil((localMb * 1000) / REGISTRY.mirrorMbPerTick);
  return { doneMilli, publicAt, waited, viaMirror: mirror, mirrorAdds };
}

/** Records a planned pull: its rate-limit slot, what the mirror now holds, the debrief's counts. */
export function commitImagePull(team: Team, pull: ImagePull, now: number): void {
  const r = team.registry;
  // Slots of minutes already played no longer count against the limit.
  r.publicPulls = r.publicPulls.filter((t) => t >= now);
  if (pull.publicAt >= 0) {
    r.publicPulls.push(pull.publicAt);
    team.stats.publicPulls++;
    team.stats.publicPullWaitTicks += pull.waited;
  }
  if (pull.viaMirror) team.stats.mirrorPulls++;
  const at = Math.ceil(pull.doneMilli / 1000);
  for (const layer of pull.mirrorAdds) if (!r.mirror.some((c) => c.layer === layer)) r.mirror.push({ layer, at });
}
