import type { RoomRow } from "../../../shared/view/rows";
import { toPlain } from "../model/plain";
import type { ClassView } from "../model/types";

/**
 * The room's state as a plain snapshot: the synced rows serialized once per patch, so the store
 * holds values that do not change under it and selectors can tell old from new.
 */
export function snapshot(state: RoomRow): ClassView {
  const view = toPlain(state);
  // A view that sees no datacenter or feed (a student without a team, mid-round; the teacher's
  // feeds) has none of the list synced at all.
  return { ...view, datacenters: view.datacenters ?? [], feeds: view.feeds ?? [] };
}
