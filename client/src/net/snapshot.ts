import type { ClassView } from "../model/types";
import { toPlain } from "../model/plain";

/**
 * The room's state as a plain snapshot: the synced schema serialized once per patch, so the store
 * holds values that do not change under it and selectors can tell old from new.
 */
export function snapshot(state: unknown): ClassView {
  const view = toPlain(state) as ClassView;
  // A view that sees no datacenter (a student without a team, mid-round) has none synced at all.
  return view.datacenters ? view : { ...view, datacenters: [] };
}
