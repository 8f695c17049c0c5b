/**
 * Room snapshots the way a browser receives them, made by playing a real bot match with the
 * engine and turning each minute's state into the synced shape (the replay viewer's converter).
 */
import { emptySeries, recordTick, type RoundSeries } from "../../shared/debrief/series";
import { advance, applyCommand, createMatch, type Command, type MatchState } from "../../shared/engine";
import { botTurn, startBotMatch } from "../../shared/sim/run";
import { roomFromMatch, type ReplayMeta } from "../../shared/view/replay";
import { toPlain } from "../../client/src/model/plain";
import type { ClassView } from "../../client/src/model/types";

/** The room as a browser holds it: the replay's rows from engine state, as a plain snapshot. */
export function viewOf(state: MatchState, meta: ReplayMeta): ClassView {
  return toPlain(roomFromMatch(state, meta));
}

export interface PlayedMatch {
  /** views[t]: the room as synced at tick t (minute t−1 just played). */
  views: ClassView[];
  /** The server's series after the last tick (what a `history` message carries). */
  series: RoundSeries;
}

export function playMinutes(minutes: number, scenario: "exam-morning" | "double-12" = "exam-morning"): PlayedMatch {
  const bots = ["containers-autoscale", "bare-metal"] as const;
  const match = startBotMatch(scenario, bots, 7);
  const series = emptySeries(bots.length);
  const roster = [{ seat: 1, nickname: "Ann", role: "student" as const, team: 0 }, { seat: 2, nickname: "Bo", role: "student" as const, team: 1 }];
  const snap = () => viewOf(match.state, { room: "ABCDEF", round: 1, roster, bots: ["", ""], over: false });
  const views = [snap()];
  for (let t = 0; t < minutes; t++) {
    botTurn(match.state, match.bots);
    advance(match.state);
    recordTick(series, match.state);
    views.push(snap());
  }
  return { views, series };
}

/** A team with a type-1 host holding a 6-vCPU Linux VM that runs an app, and a container host running one: every kind of box. */
export function builtDatacenter(): { state: MatchState; view: ClassView } {
  const state = createMatch({ scenario: "free-play", teams: ["A"], scriptedIncidents: false }, 3);
  const act = (c: Command) => {
    const r = applyCommand(state, 0, c);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  act({ type: "installLayer", server: "s1", layer: "type1" });
  act({ type: "installLayer", server: "s2", layer: "container-host" });
  for (let i = 0; i < 5; i++) advance(state);
  act({ type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: 6, mem: 12288 });
  for (let i = 0; i < 5; i++) advance(state);
  act({ type: "deploy", target: state.teams[0].servers[0].vms[0].id, app: "web" });
  act({ type: "deploy", target: "s2", app: "web" });
  advance(state);
  return { state, view: viewOf(state, { room: "ABCDEF", round: 1, roster: [], bots: [""], over: false }) };
}
