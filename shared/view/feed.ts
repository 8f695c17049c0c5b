import type { Command } from "../engine/commands";
import type { GameEvent } from "../engine/types";
import { EVERY_TEAM, SYSTEM_SEAT } from "../protocol/seats";
import type { BannerRow, FeedRow } from "./rows";

/*
 * Lines of a team's feed and the banners everyone sees, from what was applied and what happened in
 * a tick. The data is JSON the browser renders in the reader's language.
 */

export function commandLine(tick: number, seat: number, who: string, command: Command): FeedRow {
  return { tick, seat, who, kind: "command", data: JSON.stringify(command) };
}

export function noticeLine(tick: number, seat: number, who: string, text: string): FeedRow {
  return { tick, seat, who, kind: "notice", data: JSON.stringify({ text }) };
}

/** The feed line an engine event makes for its team (the spike concerns everyone: a banner only). */
export function eventLine(event: GameEvent, tick: number): { team: number; line: FeedRow } | null {
  if (event.kind === "spike") return null;
  return { team: event.team, line: { tick, seat: SYSTEM_SEAT, who: "", kind: "event", data: JSON.stringify(event) } };
}

/** The banner an engine event raises, if any: the spike, and incidents. */
export function eventBanner(event: GameEvent, tick: number): BannerRow | null {
  if (event.kind === "spike") return { tick, team: EVERY_TEAM, kind: "spike", app: "", hit: 0, cost: 0 };
  if (event.kind === "incident") return incidentRow(event, tick);
  return null;
}

/** An incident as it landed on a team: its banner, and its line in the round's series. */
export function incidentRow(event: Extract<GameEvent, { kind: "incident" }>, tick: number): BannerRow {
  return { tick, team: event.team, kind: event.incident, app: event.app ?? "", hit: event.hit.length, cost: event.cost };
}
