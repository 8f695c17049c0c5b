import { beforeEach, describe, expect, it } from "vitest";
import { Session } from "../../server/session/Session";
import { hashSecret } from "../../server/session/secrets";
import type { Seat } from "../../server/session/Roster";
import type { Reply } from "../../server/session/replies";
import { chooseTeam, hostRequest, teamCommand } from "../../server/session/requests";
import { catchUpFor } from "../../server/session/catchUp";
import { PACE_MS_PER_TICK, stateHash } from "../../shared/engine";
import { verifyLog } from "../../shared/log/verify";
import { LIMITS } from "../../shared/protocol/limits";
import { S2C, type ActivityMessage, type AppliedMessage, type ResultMessage } from "../../shared/protocol/messages";
import { HOST_SEAT } from "../../shared/protocol/seats";
import { ROOM_TIMING } from "../../shared/protocol/tuning";
import { FakeWorld } from "./support/sessionPorts";

/*
 * The teacher's hold on time (issues 11 and 14): the 3-2-1 before the clock, a freeze in which
 * players keep building, extra time for a team or a student, the class's speed mid-round, and who
 * is idle. Driven through the session's requests with a fake clock.
 */

const SECRET = "the-teachers-secret-0123456789";
const QUIET = PACE_MS_PER_TICK.quiet;
let world: FakeWorld;
let session: Session;
let nextId = 1;
let ann: Seat;
let bo: Seat;
let cy: Seat;

function join(options: Record<string, unknown>): Seat {
  const { seat } = session.seat(session.admit(options));
  session.opened(seat);
  return seat;
}

function result(reply: Reply): ResultMessage {
  expect(reply.type).toBe(S2C.result);
  return reply.body as ResultMessage;
}

function host(action: Record<string, unknown>): ResultMessage {
  return result(hostRequest(session, HOST_SEAT, "host-client", { id: nextId++, action }, () => {}));
}

function command(seat: Seat, cmd: Record<string, unknown>, applied: AppliedMessage[] = []): ResultMessage {
  return result(teamCommand(session, seat.seat, `client-${seat.seat}`, { id: nextId++, command: cmd }, (m) => applied.push(m)));
}

const code = (r: ResultMessage) => (r.ok ? "ok" : r.error.code);
/** A host action's outcome, including a message refused before it was read (`error`). */
function hostCode(action: Record<string, unknown>): string {
  const reply = hostRequest(session, HOST_SEAT, "host-client", { id: nextId++, action }, () => {});
  return reply.type === S2C.error ? (reply.body as { error: { code: string } }).error.code : code(reply.body as ResultMessage);
}
const buy = { type: "buyServer", model: "small" };

/** A class of three: Ann and Bo in team 0, Cy in team 1; the round briefed, the clock not started. */
beforeEach(() => {
  world = new FakeWorld();
  session = new Session({ code: "ABCDEF", hostSecretHash: hashSecret(SECRET) }, world.ports);
  join({ hostSecret: SECRET });
  ann = join({ nickname: "Ann" });
  bo = join({ nickname: "Bo" });
  cy = join({ nickname: "Cy" });
  for (const [seat, team] of [[ann, 0], [bo, 0], [cy, 1]] as const) chooseTeam(session, seat.seat, { id: nextId++, team });
  host({ type: "start" });
});

function play(): void {
  host({ type: "start" });
  world.clock.advance(LIMITS.countdownSeconds * 1000);
  expect(session.phase).toBe("playing");
}

describe("the 3-2-1 before the clock", () => {
  it("counts down whole seconds in the briefing, then the clock starts", () => {
    expect(host({ type: "start" }).ok).toBe(true);
    expect([session.phase, world.rows.countdown]).toEqual(["briefing", 3]);
    expect(code(command(ann, buy))).toBe("not_playing");
    world.clock.advance(1000);
    expect(world.rows.countdown).toBe(2);
    // A second click while it counts changes nothing.
    expect(host({ type: "start" }).ok).toBe(true);
    world.clock.advance(1000);
    expect(world.rows.countdown).toBe(1);
    world.clock.advance(999);
    expect(session.phase).toBe("briefing");
    world.clock.advance(1);
    expect([session.phase, world.rows.countdown]).toEqual(["playing", 0]);
    world.clock.advance(QUIET);
    expect(session.round!.state.tick).toBe(1);
  });

  it("ending the round during the countdown calls it off; without the countdown the clock starts at once", () => {
    host({ type: "start" });
    host({ type: "endRound" });
    expect([session.phase, world.rows.countdown]).toEqual(["lobby", 0]);
    world.clock.advance(10_000);
    expect(session.round).toBeNull();
    expect(host({ type: "configure", countdown: false }).ok).toBe(true);
    host({ type: "start" });
    host({ type: "start" });
    expect(session.phase).toBe("playing");
  });
});

describe("a freeze for discussion", () => {
  beforeEach(play);

  it("stops the clock, lets every team build and shows it at once; the next minute plays it, logged exactly", () => {
    world.clock.advance(3 * QUIET);
    expect(host({ type: "freeze" }).ok).toBe(true);
    expect(session.phase).toBe("frozen");
    expect(world.rows.freeze).toEqual({ everyone: true, teams: [], seats: [], secondsLeft: 0 });
    const applied: AppliedMessage[] = [];
    expect(command(ann, buy, applied)).toMatchObject({ ok: true, tick: 3, queued: true });
    expect(command(cy, { type: "buyServer", model: "large" }, applied).ok).toBe(true);
    // The team's feed says so now; its datacenter shows the purchase within a moment, the clock still at 3.
    expect(world.feeds.get(0)?.filter((l) => l.kind === "command")).toEqual([expect.objectContaining({ tick: 3, who: "Ann" })]);
    const before = world.match!.datacenters[0].servers.length;
    world.clock.advance(ROOM_TIMING.previewEveryMs);
    expect(world.match!.datacenters[0].servers.length).toBe(before + 1);
    expect([...world.match!.datacenters[1].servers].at(-1)?.model).toBe("large");
    world.clock.advance(60_000);
    expect(session.round!.state.tick).toBe(3);
    expect(applied).toEqual([]);

    expect(host({ type: "resume" }).ok).toBe(true);
    world.clock.advance(QUIET);
    expect(applied.map((a) => a.ok && a.tick)).toEqual([3, 3]);
    // Told once, not again when the minute played it.
    expect(world.feeds.get(0)?.filter((l) => l.kind === "command")).toHaveLength(1);
    const log = session.round!.log;
    expect(log.entries.filter((e) => e.type === "command").map((e) => [e.tick, e.seat])).toEqual([[3, ann.seat], [3, cy.seat]]);
    expect(log.entries.filter((e) => e.type === "pause" || e.type === "resume").map((e) => [e.type, e.tick])).toEqual([["pause", 3], ["resume", 3]]);
    // The log replays to the very state played.
    world.clock.advance(5 * QUIET);
    host({ type: "endRound" });
    const check = verifyLog(log);
    expect(check.problems).toEqual([]);
    expect(check.finalHash).toBe(stateHash(session.round!.state));
  });

  it("comes from a pause and goes back to one; a pause lets nobody build", () => {
    host({ type: "pause" });
    expect(code(command(ann, buy))).toBe("not_playing");
    expect(host({ type: "freeze" }).ok).toBe(true);
    expect(command(ann, buy).ok).toBe(true);
    expect(host({ type: "pause" }).ok).toBe(true);
    expect(code(command(ann, buy))).toBe("not_playing");
    expect(session.round!.log.entries.filter((e) => e.type === "pause")).toHaveLength(1);
  });

  it("lets a student queue more while frozen than in a running minute", () => {
    const install = { type: "installLayer", server: "s2", layer: "bare-linux" };
    const running = Array.from({ length: LIMITS.queuePerClient + 1 }, () => code(command(bo, install)));
    expect(running.at(-1)).toBe("queue_full");
    world.clock.advance(QUIET);
    host({ type: "freeze" });
    const frozen = Array.from({ length: LIMITS.queuePerClientFrozen + 1 }, () => code(command(bo, install)));
    expect(frozen.slice(0, -1).every((c) => c === "ok")).toBe(true);
    expect(frozen.at(-1)).toBe("queue_full");
  });

  it("is refused outside a round, and with a team or student that is not there", () => {
    expect(code(host({ type: "freeze", teams: [7] }))).toBe("unknown_team");
    expect(code(host({ type: "freeze", seats: [999] }))).toBe("unknown_seat");
    expect(hostCode({ type: "freeze", seats: [HOST_SEAT + 999_999] })).toBe("bad_message");
    expect(hostCode({ type: "freeze", seconds: 5 })).toBe("bad_message");
    host({ type: "endRound" });
    expect(code(host({ type: "freeze" }))).toBe("wrong_phase");
  });
});

describe("extra time for a team or a student", () => {
  beforeEach(play);

  it("a team's hold: only its students build, everyone else waits as in a pause", () => {
    expect(host({ type: "freeze", teams: [1] }).ok).toBe(true);
    expect(world.rows.freeze).toMatchObject({ everyone: false, teams: [1], seats: [] });
    expect(code(command(ann, buy))).toBe("frozen_for_others");
    expect(code(command(cy, buy))).toBe("ok");
  });

  it("a student's hold: that student only, not their teammates", () => {
    expect(host({ type: "freeze", seats: [bo.seat] }).ok).toBe(true);
    expect(code(command(bo, buy))).toBe("ok");
    expect(code(command(ann, buy))).toBe("frozen_for_others");
    expect(code(command(cy, buy))).toBe("frozen_for_others");
  });

  it("a timed hold counts down and restarts the clock by itself", () => {
    world.clock.advance(2 * QUIET);
    expect(host({ type: "freeze", seats: [cy.seat], seconds: 30 }).ok).toBe(true);
    expect(world.rows.freeze.secondsLeft).toBe(30);
    world.clock.advance(10_000);
    expect(world.rows.freeze.secondsLeft).toBe(20);
    expect(session.round!.state.tick).toBe(2);
    world.clock.advance(20_000);
    expect(session.phase).toBe("playing");
    expect(world.rows.freeze).toEqual({ everyone: true, teams: [], seats: [], secondsLeft: 0 });
    world.clock.advance(QUIET);
    expect(session.round!.state.tick).toBe(3);
    expect(session.round!.log.entries.filter((e) => e.type === "resume").map((e) => e.tick)).toEqual([2]);
  });

  it("the teacher resuming early ends the hold", () => {
    host({ type: "freeze", teams: [0], seconds: 60 });
    host({ type: "resume" });
    world.clock.advance(120_000);
    expect(session.phase).toBe("playing");
    expect(code(command(ann, buy))).toBe("ok");
  });
});

describe("the class's speed", () => {
  it("changes mid-round from the next minute, for the round and the setup", () => {
    play();
    world.clock.advance(QUIET);
    expect(host({ type: "speed", tickRate: 4 }).ok).toBe(true);
    expect(world.rows.round?.tickRate).toBe(4);
    expect(world.rows.config.tickRate).toBe(4);
    world.clock.advance(QUIET);
    expect(session.round!.state.tick).toBe(5);
    expect(host({ type: "speed", tickRate: 0.5 }).ok).toBe(true);
    world.clock.advance(QUIET * 2);
    expect(session.round!.state.tick).toBe(6);
    expect(hostCode({ type: "speed", tickRate: 8 })).toBe("bad_message");
  });
});

describe("who is idle", () => {
  const last = () => world.messages(S2C.activity, HOST_SEAT).at(-1) as ActivityMessage;

  it("counts playable time since each student's last command, per student and per team, for the teacher", () => {
    play();
    world.clock.advance(10_000);
    command(ann, buy);
    world.clock.advance(ROOM_TIMING.activityEveryMs);
    expect(last()).toMatchObject({ round: 1, playedS: 15 });
    expect(last().seats).toEqual([
      { seat: ann.seat, team: 0, idleS: 5, commands: 1 },
      { seat: bo.seat, team: 0, idleS: 15, commands: 0 },
      { seat: cy.seat, team: 1, idleS: 15, commands: 0 },
    ]);
    expect(last().teams).toEqual([{ team: 0, idleS: 5, commands: 1 }, { team: 1, idleS: 15, commands: 0 }]);
    // A pause is not idleness: nobody could act.
    host({ type: "pause" });
    world.clock.advance(60_000);
    expect(last().playedS).toBe(15);
    host({ type: "resume" });
    // A freeze for everyone counts; a teacher joining later gets the report at once.
    host({ type: "freeze" });
    world.clock.advance(5_000);
    const catchUp = catchUpFor(session, session.roster.host()!).find((m) => m.type === S2C.activity)?.body as ActivityMessage;
    expect(catchUp.playedS).toBe(20);
    expect(catchUp.seats.find((s) => s.seat === ann.seat)?.idleS).toBe(10);
  });

  it("leaves out bot teams, and students only count from when they got a team", () => {
    host({ type: "setBot", team: 1, bot: "idle" });
    play();
    world.clock.advance(20_000);
    host({ type: "move", seat: cy.seat, team: 0 });
    world.clock.advance(5_000);
    const report = last();
    expect(report.seats.map((s) => [s.seat, s.idleS])).toEqual([[ann.seat, 25], [bo.seat, 25], [cy.seat, 5]]);
    expect(report.teams.map((t) => t.team)).toEqual([0]);
  });

  it("is not sent in practice rooms", () => {
    world = new FakeWorld();
    session = new Session({ code: "PRACTI", hostSecretHash: hashSecret(SECRET), practice: true }, world.ports);
    join({ hostSecret: SECRET });
    host({ type: "start" });
    host({ type: "start" });
    world.clock.advance(30_000);
    expect(world.messages(S2C.activity)).toEqual([]);
  });
});
