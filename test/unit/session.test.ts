import { beforeEach, describe, expect, it } from "vitest";
import { JoinRefused, Session } from "../../server/session/Session";
import { hashSecret } from "../../server/session/secrets";
import type { Seat } from "../../server/session/Roster";
import type { Reply } from "../../server/session/replies";
import { chooseTeam, hostRequest, teamCommand } from "../../server/session/requests";
import { welcomeFor } from "../../server/session/catchUp";
import type { Recovered } from "../../server/session/ports";
import { KICKED_CLOSE_CODE, SESSION_ENDED_CLOSE_CODE } from "../../shared/protocol/codes";
import { S2C, type AppliedMessage, type HistoryMessage, type ResultMessage, type WelcomeMessage } from "../../shared/protocol/messages";
import { PRACTICE_SETUP, ROOM_TIMING, SESSION_DEFAULTS } from "../../shared/protocol/tuning";
import { LIMITS } from "../../shared/protocol/limits";
import { BOT_SEAT, HOST_SEAT, NO_TEAM } from "../../shared/protocol/seats";
import { playLogged } from "../../shared/sim/log";
import { startBotMatch } from "../../shared/sim/run";
import { FakeWorld } from "./support/sessionPorts";
import { PACE_MS_PER_TICK } from "../../shared/engine";
import { SCENARIOS } from "../../shared/scenarios";

/*
 * The session without sockets: joins, rights, phases and rounds driven through its methods, time
 * through a fake clock, and what it publishes, sends and keeps read from fake ports.
 */

const SECRET = "the-teachers-secret-0123456789";
let world: FakeWorld;
let session: Session;
let nextId = 1;

function make(init: Partial<ConstructorParameters<typeof Session>[0]> = {}): Session {
  world = new FakeWorld();
  session = new Session({ code: "ABCDEF", hostSecretHash: hashSecret(SECRET), ...init }, world.ports);
  return session;
}

/** Joins as a browser would: admitted, seated, connected. */
function join(options: Record<string, unknown>): { seat: Seat; welcome: WelcomeMessage } {
  const { seat, token } = session.seat(session.admit(options));
  session.opened(seat);
  return { seat, welcome: welcomeFor(seat, token) };
}

function result(reply: Reply): ResultMessage {
  expect(reply.type).toBe(S2C.result);
  return reply.body as ResultMessage;
}

function host(action: Record<string, unknown>, applied: AppliedMessage[] = []): ResultMessage {
  return result(hostRequest(session, HOST_SEAT, "host-client", { id: nextId++, action }, (m) => applied.push(m)));
}

function command(seat: Seat, cmd: Record<string, unknown>, applied: AppliedMessage[] = []): ResultMessage {
  return result(teamCommand(session, seat.seat, `client-${seat.seat}`, { id: nextId++, command: cmd }, (m) => applied.push(m)));
}

const code = (r: ResultMessage) => (r.ok ? "ok" : r.error.code);

/** briefing → playing: the teacher starts the clock and the 3-2-1 runs out. */
function go(): void {
  expect(host({ type: "start" }).ok).toBe(true);
  world.clock.advance(LIMITS.countdownSeconds * 1000);
}
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof JoinRefused ? e.error.code : String(e);
  }
  return "admitted";
};

describe("a new session", () => {
  beforeEach(() => make());

  it("opens in the lobby with the default setup and teams, and publishes it", () => {
    expect(session.phase).toBe("lobby");
    expect(world.rows).toMatchObject({ code: "ABCDEF", phase: "lobby", practice: false, locked: false });
    expect(world.rows.config).toMatchObject({ scenario: SESSION_DEFAULTS.scenario, tickRate: SESSION_DEFAULTS.tickRate, maxStudents: SESSION_DEFAULTS.maxStudents });
    expect(world.rows.teams.map((t) => t.name)).toEqual(SESSION_DEFAULTS.teamNames.slice(0, SESSION_DEFAULTS.teams));
    expect(world.rows.round).toBeNull();
  });

  it("admits the teacher by secret, a student by nickname, and the student again by seat token in a locked room", () => {
    const teacher = join({ hostSecret: SECRET });
    expect(teacher.seat).toMatchObject({ seat: HOST_SEAT, role: "host", team: NO_TEAM });
    const ann = join({ nickname: "Ann" });
    expect(ann.welcome).toMatchObject({ seat: 1, role: "student", nickname: "Ann", team: NO_TEAM });
    expect(ann.welcome.seatToken.length).toBeGreaterThan(16);
    expect(host({ type: "lock" }).ok).toBe(true);
    expect(refusal(() => session.admit({ nickname: "Bob" }))).toBe("room_locked");
    expect(session.admit({ seatToken: ann.welcome.seatToken })).toEqual({ role: "student", seat: 1 });
    expect(refusal(() => session.admit({ hostSecret: "not-the-secret-at-all" }))).toBe("bad_secret");
    expect(world.rows.seats.map((s) => [s.seat, s.nickname, s.connected])).toEqual([[0, "Teacher", true], [1, "Ann", true]]);
  });

  it("refuses a nickname already taken (whatever its case) and a student over the class size", () => {
    join({ hostSecret: SECRET });
    join({ nickname: "Ann" });
    expect(refusal(() => session.admit({ nickname: "ANN" }))).toBe("nickname_taken");
    host({ type: "configure", maxStudents: 1 });
    expect(refusal(() => session.admit({ nickname: "Bob" }))).toBe("room_full");
  });

  it("a student's connection closing keeps the seat, shown as disconnected", () => {
    const ann = join({ nickname: "Ann" });
    session.closed(ann.seat.seat);
    expect(world.rows.seats.find((s) => s.seat === ann.seat.seat)).toMatchObject({ nickname: "Ann", connected: false });
    expect(session.admit({ seatToken: ann.welcome.seatToken })).toEqual({ role: "student", seat: ann.seat.seat });
  });
});

describe("a round, phase by phase", () => {
  let ann: Seat;

  beforeEach(() => {
    make();
    join({ hostSecret: SECRET });
    ann = join({ nickname: "Ann" }).seat;
    expect(result(chooseTeam(session, ann.seat, { id: nextId++, team: 0 })).ok).toBe(true);
  });

  it("briefing shows the round's world but its clock does not run", () => {
    expect(host({ type: "start" }).ok).toBe(true);
    expect(session.phase).toBe("briefing");
    expect(world.rows.round).toMatchObject({ number: 1, scenario: SESSION_DEFAULTS.scenario });
    expect(world.match?.datacenters).toHaveLength(SESSION_DEFAULTS.teams);
    world.clock.advance(10_000);
    expect(session.round!.state.tick).toBe(0);
    expect(session.clockRunning).toBe(false);
    expect(code(command(ann, { type: "buyServer", model: "small" }))).toBe("not_playing");
  });

  it("playing ticks at the engine's pace; paused stops the clock; the teacher ends the round", () => {
    host({ type: "start" });
    go();
    expect(session.phase).toBe("playing");
    // A quiet stretch at speed 1: two game minutes a second.
    world.clock.advance(3 * PACE_MS_PER_TICK.quiet);
    expect(world.match?.tick).toBe(3);
    const applied: AppliedMessage[] = [];
    const r = command(ann, { type: "buyServer", model: "small" }, applied);
    expect(r).toMatchObject({ ok: true, tick: 3, queued: true });
    expect(applied).toEqual([]);
    world.clock.advance(PACE_MS_PER_TICK.quiet);
    expect(applied).toEqual([{ id: r.id, ok: true, tick: 3 }]);
    expect(world.feeds.get(0)?.find((l) => l.kind === "command")).toMatchObject({ tick: 3, seat: ann.seat, who: "Ann" });

    expect(host({ type: "pause" }).ok).toBe(true);
    world.clock.advance(10_000);
    expect(world.match?.tick).toBe(4);
    expect(code(host({ type: "pause" }))).toBe("wrong_phase");
    expect(host({ type: "resume" }).ok).toBe(true);
    world.clock.advance(2 * PACE_MS_PER_TICK.quiet);
    expect(world.match?.tick).toBe(6);

    // The forecast window plays at one game minute a second.
    const slowFrom = SCENARIOS[session.config.scenario].slow![0];
    world.clock.advance((slowFrom - 6) * PACE_MS_PER_TICK.quiet);
    expect(world.match?.tick).toBe(slowFrom);
    world.clock.advance(PACE_MS_PER_TICK.spike - 1);
    expect(world.match?.tick).toBe(slowFrom);
    world.clock.advance(1);
    expect(world.match?.tick).toBe(slowFrom + 1);

    expect(host({ type: "endRound" }).ok).toBe(true);
    expect(session.phase).toBe("over");
    expect(session.clockRunning).toBe(false);
    const debrief = world.messages(S2C.debrief, "all")[0] as { reports: { round: number }[] };
    expect(debrief.reports.map((x) => x.round)).toEqual([1]);
    world.clock.advance(5_000);
    expect(world.match?.tick).toBe(slowFrom + 1);
  });

  it("a round called off in its briefing leaves no round behind", () => {
    host({ type: "start" });
    host({ type: "endRound" });
    expect(session.phase).toBe("lobby");
    expect(session.round).toBeNull();
    host({ type: "start" });
    expect(world.rows.round?.number).toBe(1);
  });

  it("a round ends by itself when its time is up, and the clock stops", () => {
    host({ type: "start" });
    session.round!.state.world.ticks = 5;
    go();
    world.clock.advance(10_000);
    expect(session.phase).toBe("over");
    expect(session.round!.log.final?.endedBy).toBe("time");
    expect(session.clockRunning).toBe(false);
    expect(world.match?.tick).toBe(5);
  });

  it("a queued command the round ends before is answered round_over", () => {
    host({ type: "start" });
    go();
    const applied: AppliedMessage[] = [];
    expect(command(ann, { type: "buyServer", model: "small" }, applied).ok).toBe(true);
    host({ type: "endRound" });
    expect(applied).toEqual([expect.objectContaining({ ok: false, error: { code: "round_over", params: { tick: 0 } } })]);
  });
});

describe("rights", () => {
  beforeEach(() => make());

  it("a student cannot act as the teacher, command a bot's team, or command without a team", () => {
    const ann = join({ nickname: "Ann" }).seat;
    expect(code(result(hostRequest(session, ann.seat, "c", { id: 1, action: { type: "start" } }, () => {})))).toBe("not_host");
    join({ hostSecret: SECRET });
    host({ type: "setBot", team: 1, bot: "idle" });
    expect(code(result(chooseTeam(session, ann.seat, { id: 2, team: 1 })))).toBe("team_is_bot");
    host({ type: "start" });
    go();
    expect(code(command(ann, { type: "buyServer", model: "small" }))).toBe("no_team");
  });

  it("mid-round a teamless student asks for a team and the teacher places them; nobody hops teams", () => {
    join({ hostSecret: SECRET });
    const ann = join({ nickname: "Ann" }).seat;
    host({ type: "start" });
    go();
    expect(result(chooseTeam(session, ann.seat, { id: 1, team: 2 }))).toMatchObject({ ok: true, pending: true });
    expect(ann.team).toBe(NO_TEAM);
    expect(world.rows.seats.find((x) => x.seat === ann.seat)?.asks).toBe(2);
    expect(host({ type: "approve", seat: ann.seat }).ok).toBe(true);
    expect(ann.team).toBe(2);
    expect(world.messages(S2C.request, ann.seat)).toEqual([{ team: 2, status: "approved" }]);
    expect(code(result(chooseTeam(session, ann.seat, { id: 2, team: 3 })))).toBe("wrong_phase");
    expect(host({ type: "move", seat: ann.seat, team: 3 }).ok).toBe(true);
    expect(ann.team).toBe(3);
    // The moved student is sent the new team's chart so far, each point with its minute.
    const history = world.messages(S2C.history, ann.seat).at(-1) as HistoryMessage;
    expect(history.minutes).toEqual(history.series.teams[3].served.map((_, i) => i));
  });

  it("a message that cannot be read is answered with error, echoing its id", () => {
    const reply = teamCommand(session, 0, "c", { id: 7, command: {}, extra: 1 }, () => {});
    expect(reply).toEqual({ type: S2C.error, body: { error: { code: "bad_message", params: { path: "", issue: "unrecognized_keys" } }, type: "cmd", id: 7 } });
  });
});

describe("the teacher's tools", () => {
  beforeEach(() => {
    make();
    join({ hostSecret: SECRET });
  });

  it("kicking a student tells them, closes their connections and keeps them out until the teacher undoes it", () => {
    const cy = join({ nickname: "Cy" });
    expect(host({ type: "kick", seat: cy.seat.seat }).ok).toBe(true);
    expect(world.messages(S2C.kicked, cy.seat.seat)).toEqual([{ reason: "kicked" }]);
    expect(world.closedSeats).toEqual([{ seat: cy.seat.seat, code: KICKED_CLOSE_CODE }]);
    expect(world.rows.seats.map((s) => s.seat)).toEqual([HOST_SEAT]);
    expect(refusal(() => session.admit({ nickname: "Cy" }))).toBe("kicked");
    expect(refusal(() => session.admit({ seatToken: cy.welcome.seatToken }))).toBe("kicked");
    expect(world.messages(S2C.bans, HOST_SEAT).at(-1)).toMatchObject({ bans: [{ seat: cy.seat.seat, nickname: "Cy" }] });
    expect(host({ type: "unkick", seat: cy.seat.seat }).ok).toBe(true);
    expect(session.admit({ seatToken: cy.welcome.seatToken })).toMatchObject({ role: "student", seat: cy.seat.seat });
  });

  it("ending the session tells everyone, keeps that it ended, and closes the room a moment later", () => {
    expect(host({ type: "endSession" }).ok).toBe(true);
    expect(session.phase).toBe("ended");
    expect(world.endedAt).not.toBeNull();
    expect(world.messages(S2C.kicked, "all")).toEqual([{ reason: "session_ended" }]);
    expect(world.roomClosed).toBeNull();
    world.clock.advance(ROOM_TIMING.endGraceMs);
    expect(world.roomClosed).toEqual({ code: SESSION_ENDED_CLOSE_CODE });
    expect(refusal(() => session.admit({ nickname: "Late" }))).toBe("session_ended");
  });

  it("seats and setup are saved shortly after they change, in one snapshot", () => {
    host({ type: "configure", tickRate: 2, teams: ["Red", "Blue"] });
    host({ type: "lock" });
    expect(world.snapshots).toHaveLength(0);
    world.clock.advance(ROOM_TIMING.persistDelayMs);
    expect(world.snapshots).toHaveLength(1);
    expect(world.snapshots[0]).toMatchObject({ teams: ["Red", "Blue"], locked: true, config: { tickRate: 2 } });
  });
});

describe("a session's lifetime", () => {
  it("closes itself after being empty for the idle time, not while someone is connected", () => {
    make();
    const t = join({ hostSecret: SECRET }).seat;
    world.clock.advance(ROOM_TIMING.idleCloseMs * 2);
    expect(world.roomClosed).toBeNull();
    session.closed(t.seat);
    world.clock.advance(ROOM_TIMING.idleCloseMs - 1);
    expect(world.roomClosed).toBeNull();
    world.clock.advance(1);
    expect(world.roomClosed).toEqual({ code: undefined });
  });

  it("once disposed, none of its timers fire", () => {
    make();
    join({ hostSecret: SECRET });
    host({ type: "start" });
    go();
    session.dispose();
    world.clock.advance(ROOM_TIMING.idleCloseMs * 2);
    expect(world.clock.pending).toBe(0);
    expect(world.match?.tick).toBe(0);
  });

  it("a practice room seats its player on team 0 against bots on the others", () => {
    make({ practice: true, hostNickname: "Mei" });
    expect(world.rows.seats).toEqual([{ seat: HOST_SEAT, nickname: "Mei", role: "host", team: PRACTICE_SETUP.team, connected: true, asks: NO_TEAM, asksTime: false }]);
    expect(world.rows.teams.map((t) => t.bot)).toEqual(["", ...PRACTICE_SETUP.bots]);
    expect(world.rows.config.tickRate).toBe(PRACTICE_SETUP.tickRate);
  });

  it("is rebuilt from what was kept: a round under way comes back paused at the tick it reached", () => {
    const match = startBotMatch("exam-morning", ["bare-metal", "containers-autoscale"], 11);
    const log = playLogged(match, ["bare-metal", "containers-autoscale"], "2024-01-01T00:00:00Z");
    world = new FakeWorld();
    const kept = {
      snapshot: {
        roster: [{ seat: 1, nickname: "Ann", role: "student", team: 0, tokenHash: "x", connected: true, joinedOrder: 0, asks: -1, devices: [] }],
        teams: ["A", "B"], bots: [null, null], locked: true, roundNumber: 2,
        config: { scenario: "exam-morning", budget: 1000, tickRate: 2, unlocks: ["type1"], trafficPct: 100, scriptedIncidents: true, maxStudents: 30 },
      },
      reports: [], lastRound: 2,
      running: { log: { ...log, final: null }, tick: 100, number: 2, sink: { start() {}, append() {}, finish() {} }, lost: [] },
    } satisfies Recovered;
    session = new Session({ code: "ABCDEF", hostSecretHash: hashSecret(SECRET), recover: true }, world.ports, kept);
    expect(session.phase).toBe("paused");
    expect(session.round!.state.tick).toBe(100);
    expect(session.round!.rebuiltFrom).toBeNull();
    expect(world.rows).toMatchObject({ locked: true, round: { number: 2 }, seats: [{ seat: 1, nickname: "Ann", connected: false }] });
    expect(world.match?.tick).toBe(100);
    // The log is cut at the tick reached: what came after was never played.
    expect(session.round!.log.entries.every((e) => e.tick <= 100)).toBe(true);
    expect(session.round!.log.entries.some((e) => e.type === "command" && e.seat === BOT_SEAT)).toBe(true);
  });
});
