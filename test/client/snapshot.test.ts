/**
 * One shape on both paths into the screens: the live room (the server's schema, written from the
 * session's rows, as a browser snapshots it after a patch) and a replay (rows built from engine
 * state) give the client the same view of the same match.
 */
import { describe, expect, it } from "vitest";
import { advance } from "../../shared/engine";
import { botTurn, startBotMatch } from "../../shared/sim/run";
import { teamScoreRow } from "../../shared/view/leaderboard";
import { roomFromMatch } from "../../shared/view/replay";
import { ClassState } from "../../server/rooms/schema/ClassState";
import { SchemaWriter } from "../../server/rooms/writer";
import { toPlain } from "../../client/src/model/plain";
import { snapshot } from "../../client/src/net/snapshot";

describe("the snapshot a browser takes", () => {
  it("matches the replay's view of the same minute, row for row", () => {
    const match = startBotMatch("exam-morning", ["containers-autoscale", "vm-preprovision"], 9);
    for (let t = 0; t < 90; t++) {
      botTurn(match.state, match.bots);
      advance(match.state);
    }
    const roster = [{ seat: 1, nickname: "Ann", role: "student" as const, team: 0 }];
    const replay = roomFromMatch(match.state, { room: "ABCDEF", round: 1, roster, bots: ["", ""], over: false });

    const state = new ClassState();
    const writer = new SchemaWriter(state, () => {});
    writer.session({
      code: replay.code, phase: replay.phase, practice: false, locked: false, config: replay.config, countdown: replay.countdown, freeze: replay.freeze,
      teams: [...replay.teams].map(({ index, name, bot, members }) => ({ index, name, bot, members })),
      seats: [...replay.seats.values()], round: replay.round,
    });
    writer.match({
      tick: match.state.tick, demand: new Map(replay.demand), scores: match.state.teams.map(teamScoreRow), datacenters: [...replay.datacenters],
    });

    const live = snapshot(state);
    const expected = toPlain(replay);
    expect(live.tick).toBe(expected.tick);
    expect(live.round).toEqual(expected.round);
    expect(live.teams).toEqual(expected.teams);
    expect(live.seats).toEqual(expected.seats);
    expect(live.demand).toEqual(expected.demand);
    for (const dc of expected.datacenters) expect(live.datacenters[dc.team]).toEqual(dc);
    expect(expected.datacenters[1].vms.length + expected.datacenters[0].instances.length).toBeGreaterThan(0);
  });
});
