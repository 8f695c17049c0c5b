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

/** The banner an engine event raises, if any: the spike, incidents, hardware warnings, reclaimed rentals. */
export function eventBanner(event: GameEvent, tick: number): BannerRow | null {
  const banner = { tick, team: event.team, app: "", hit: 0, cost: 0, target: "", at: 0 };
  switch (event.kind) {
    case "spike": return { ...banner, team: EVERY_TEAM, kind: "spike", at: event.wave };
    case "incident": return incidentRow(event, tick);
    case "hardware-warning": return { ...banner, kind: "hardware-warning", target: event.server, at: event.at };
    case "server-reclaimed": return { ...banner, kind: "server-reclaimed", target: event.server };
    default: return null;
  }
}

/** One banner per team that rented servers this minute: how many, and the model when they were all one. */
export function rentBanners(commands: readonly { team: number; command: Command }[], tick: number): BannerRow[] {
  const byTeam = new Map<number, string[]>();
  for (const { team, command } of commands) {
    if (command.type !== "rentServer") continue;
    byTeam.set(team, [...(byTeam.get(team) ?? []), command.model]);
  }
  return [...byTeam].map(([team, models]) => ({
    tick, team, kind: "rent", app: "", hit: models.length, cost: 0, target: models.every((m) => m === models[0]) ? models[0] : "", at: 0,
  }));
}

/** An incident as it landed on a team: its banner, and its line in the round's series. */
export function incidentRow(event: Extract<GameEvent, { kind: "incident" }>, tick: number): BannerRow {
  // The server it hit, when it was one (a hardware failure); several are not named.
  const target = event.target && !event.target.includes(",") ? event.target : "";
  return { tick, team: event.team, kind: event.incident, app: event.app ?? "", hit: event.hit.length, cost: event.cost, target, at: 0 };
}
