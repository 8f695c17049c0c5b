import type { Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { Role } from "../../shared/protocol/phases";
import type { ClassState } from "./schema/ClassState";
import type { DatacenterState, TeamFeedState } from "./schema/DatacenterState";

type Item = DatacenterState | TeamFeedState;

/**
 * The StateViews of a class room's connections. Everyone with the same role and team sees the same
 * thing (the teacher every datacenter, a student their own team's datacenter and feed), and
 * Colyseus encodes each patch once per StateView object, so connections share one view per
 * (role, team) instead of having one each: in a class of 50 a patch is encoded about 6 times
 * instead of 51 (this encoding was the largest part of the server's CPU time at 2,000 students).
 *
 * A connection whose seat changes team (a student picking one in the lobby, moved by the teacher)
 * cannot just be handed the other team's shared view: it still holds what it saw before. It gets a
 * view of its own for one patch, which removes what it no longer sees and adds what it now sees;
 * once that patch is sent it joins the shared view of its new team.
 */
export class ViewPool {
  private readonly shared = new Map<string, StateView>();
  /** Views of their own, for connections between two teams, with the shared view each is heading for. */
  private readonly moving = new Map<StateView, string>();

  constructor(private readonly state: ClassState) {}

  /** Shows a connection what its role and team may see (on joining, coming back, or after a move). */
  show(client: Client, role: Role, team: number): void {
    const key = keyOf(role, team);
    const current = client.view;
    if (!current) {
      // A new connection is sent the full state of its view on joining.
      client.view = this.sharedView(role, team);
      return;
    }
    const from = this.keyOfView(current);
    if (from === key) return;
    const had = from === undefined ? [] : this.contentOf(from);
    const wants = this.contentOf(key);
    const own = new StateView();
    // What the connection holds already: made visible without sending it again…
    for (const item of had) own.add(item);
    own.changes.clear();
    // …then what changes: removed and added for this connection only.
    for (const item of had) if (!wants.includes(item)) own.remove(item);
    for (const item of wants) if (!had.includes(item)) own.add(item);
    client.view = own;
    this.moving.set(own, key);
  }

  /**
   * After each patch: connections whose own view has been sent join the shared view of their team
   * (a view's changes are cleared once encoded).
   */
  settle(clients: Iterable<Client>): void {
    if (this.moving.size === 0) return;
    const inUse = new Set<StateView>();
    for (const client of clients) {
      const view = client.view;
      if (!view) continue;
      const key = this.moving.get(view);
      if (key === undefined) continue;
      if (view.changes.size === 0) {
        const [role, team] = splitKey(key);
        client.view = this.sharedView(role, team);
      } else inUse.add(view);
    }
    for (const view of [...this.moving.keys()]) if (!inUse.has(view)) this.moving.delete(view);
  }

  private sharedView(role: Role, team: number): StateView {
    const key = keyOf(role, team);
    let view = this.shared.get(key);
    if (!view) {
      view = new StateView();
      for (const item of this.contentOf(key)) view.add(item);
      // Every connection given this view gets its full state on joining: nothing is pending.
      view.changes.clear();
      this.shared.set(key, view);
    }
    return view;
  }

  private keyOfView(view: StateView): string | undefined {
    const moving = this.moving.get(view);
    if (moving !== undefined) return moving;
    for (const [key, v] of this.shared) if (v === view) return key;
    return undefined;
  }

  /** The teacher sees every datacenter; a student their team's; feeds go to a team's members only. */
  private contentOf(key: string): Item[] {
    const [role, team] = splitKey(key);
    const items: Item[] = [];
    this.state.datacenters.forEach((dc, t) => { if (role === "host" || team === t) items.push(dc); });
    this.state.feeds.forEach((feed, t) => { if (team === t) items.push(feed); });
    return items;
  }
}

function keyOf(role: Role, team: number): string {
  return `${role}:${team}`;
}

function splitKey(key: string): [Role, number] {
  const [role, team] = key.split(":");
  return [role as Role, Number(team)];
}
