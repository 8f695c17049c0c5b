import type { BotName } from "../../shared/bots/names";
import type { Seat } from "../session/Roster";
import type { Ban } from "../session/Bans";
import { Round } from "../session/Round";
import type { Store } from "../store/Store";
import { StoreSink } from "../store/sink";
import type { ClassRoom } from "./ClassRoom";

/** What a class room needs to be rebuilt after the server stops: who sat where, and the setup. */
export interface RoomSnapshot {
  roster: Seat[];
  /** Kicked students (a kick lasts the session, restarts included). */
  bans?: Ban[];
  teams: string[];
  bots: (BotName | null)[];
  locked: boolean;
  roundNumber: number;
  config: {
    scenario: string; budget: number; tickRate: number; unlocks: string[]; trafficPct: number;
    scriptedIncidents: boolean; maxStudents: number;
  };
}

export function snapshotOf(room: ClassRoom): RoomSnapshot {
  const c = room.state.config;
  return {
    roster: room.roster.dump(),
    bans: room.desk.bans.dump(),
    teams: room.state.teams.map((t) => t.name),
    bots: [...room.bots],
    locked: room.state.locked,
    roundNumber: room.state.round.number,
    config: {
      scenario: c.scenario, budget: c.budget, tickRate: c.tickRate, unlocks: [...c.unlocks], trafficPct: c.trafficPct,
      scriptedIncidents: c.scriptedIncidents, maxStudents: c.maxStudents,
    },
  };
}

/**
 * Rebuilds a room from the store: seats (students take them back with their seat tokens), teams,
 * bots, setup, the debriefs of finished rounds, and a round that was being played, replayed from
 * its log to the last tick stored and left paused for the teacher to resume.
 */
export async function restoreRoom(room: ClassRoom, store: Store, code: string): Promise<void> {
  const session = await store.session(code);
  const snap = session?.snapshot as RoomSnapshot | null | undefined;
  if (!snap) return;
  room.roster.restore(snap.roster);
  room.desk.bans.restore(snap.bans);
  for (const seat of room.roster.all()) room.syncSeat(seat);
  room.applyConfig({
    type: "configure", scenario: snap.config.scenario as never, budget: snap.config.budget, tickRate: snap.config.tickRate,
    unlocks: snap.config.unlocks as never, trafficPct: snap.config.trafficPct, scriptedIncidents: snap.config.scriptedIncidents,
    maxStudents: snap.config.maxStudents, teams: snap.teams,
  });
  snap.bots.forEach((b, i) => { if (i < snap.teams.length) room.setBot(i, b); });
  room.state.locked = snap.locked;
  const rounds = await store.rounds(code);
  const reports = await Promise.all(rounds.filter((r) => r.status === "finished").map((r) => store.report(r.id)));
  room.reports = reports.filter((r) => r !== null);
  room.state.round.number = rounds.length > 0 ? Math.max(...rounds.map((r) => r.number)) : snap.roundNumber;
  const running = rounds.find((r) => r.status === "running");
  const log = running ? await store.exportLog(running.id) : null;
  if (running && log) {
    const round = new Round({
      settings: log.header.settings, seed: log.header.seed, room: code, round: running.number, roster: log.header.roster,
      bots: log.header.bots as (BotName | null)[], startedAt: log.header.startedAt,
      sink: new StoreSink(store, code, running.id, () => room.lostRound()),
      // Inputs acknowledged for the last stored tick or later were never played: their senders are told.
      resume: { log, tick: running.lastTick, lost: await store.takeQueued(running.id, running.lastTick) },
    });
    room.adoptRound(round);
  } else {
    room.setPhase(room.reports.length > 0 ? "over" : "lobby");
  }
}
