/**
 * The store and what the screens read from it: which screen the room's phase and this browser's
 * seat call for, whose team and datacenter is whose, and listeners that hear only real changes.
 */
import { describe, expect, it, vi } from "vitest";
import { Store } from "../../client/src/store/store";
import { onChange } from "../../client/src/screens/screen";
import {
  closed, debriefArrived, initialState, joining, reconnecting, stateArrived, welcomed, type AppState,
} from "../../client/src/store/state";
import { currentBanner, failurePageDue, myDatacenter, myServers, myTeam, screenFor, seatsOf, spikeStatus } from "../../client/src/store/selectors";
import type { ClassView } from "../../client/src/model/types";
import type { RoundReport } from "../../shared/debrief/report";
import { SCENARIOS } from "../../shared/scenarios";
import { spikeEnd } from "../../shared/scenarios/curve";
import { playMinutes } from "./match";

const game = playMinutes(12);

function inRoom(view: ClassView, me: { seat: number; role: "host" | "student" }, route: AppState["route"] = { name: "play", code: view.code }): AppState {
  let s = initialState(route, "en");
  s = { ...s, ...joining(s, view.code) };
  s = { ...s, ...stateArrived(s, view) };
  return { ...s, ...welcomed({ seat: me.seat, role: me.role, nickname: "x", seatToken: "", team: -1 }) };
}

const at = (phase: ClassView["phase"], patch: Partial<ClassView> = {}): ClassView => ({ ...game.views[5], phase, ...patch });

describe("the store", () => {
  it("tells listeners the new and old state, and nothing when nothing changed", () => {
    const store = new Store({ a: 1, b: "x" });
    const heard = vi.fn();
    store.subscribe(heard);
    store.update({ a: 1 });
    expect(heard).not.toHaveBeenCalled();
    store.update((s) => ({ a: s.a + 1 }));
    expect(heard).toHaveBeenCalledWith({ a: 2, b: "x" }, { a: 1, b: "x" });
  });
});

describe("re-rendering what changed", () => {
  it("renders a slice once, then only when it changes", () => {
    const drawn: string[] = [];
    const render = onChange((s: { seats: string; tick: number }) => s.seats, (seats) => drawn.push(seats));
    render({ seats: "Ann", tick: 1 });
    render({ seats: "Ann", tick: 2 });
    render({ seats: "Ann,Bo", tick: 3 });
    expect(drawn).toEqual(["Ann", "Ann,Bo"]);
  });
});

describe("which screen", () => {
  it("follows the phase for a student with a team", () => {
    expect(screenFor(inRoom(at("lobby"), { seat: 1, role: "student" }))).toBe("lobby");
    expect(screenFor(inRoom(at("briefing"), { seat: 1, role: "student" }))).toBe("briefing");
    expect(screenFor(inRoom(at("playing"), { seat: 1, role: "student" }))).toBe("play");
    expect(screenFor(inRoom(at("paused"), { seat: 1, role: "student" }))).toBe("play");
    expect(screenFor(inRoom(at("over"), { seat: 1, role: "student" }))).toBe("debrief");
    expect(screenFor(inRoom(at("ended"), { seat: 1, role: "student" }))).toBe("closed");
  });

  it("keeps a student without a team in the lobby while the round runs", () => {
    const view = at("playing", { seats: { ...game.views[5].seats, "3": { seat: 3, nickname: "Late", role: "student", team: -1, connected: true, asks: -1, asksTime: false } } });
    expect(screenFor(inRoom(view, { seat: 3, role: "student" }))).toBe("lobby");
  });

  it("gives the teacher the projector, with the debrief after a round, and a practice player the game", () => {
    expect(screenFor(inRoom(at("playing"), { seat: 0, role: "host" }, { name: "host", code: "ABCDEF" }))).toBe("host");
    expect(screenFor(inRoom(at("over"), { seat: 0, role: "host" }, { name: "host", code: "ABCDEF" }))).toBe("host-over");
    const practice = at("playing", { practice: true, seats: { "0": { seat: 0, nickname: "Solo", role: "host", team: 0, connected: true, asks: -1, asksTime: false } } });
    expect(screenFor(inRoom(practice, { seat: 0, role: "host" }))).toBe("play");
  });

  it("waits with a message until the room and this seat are known, and for a different room's state", () => {
    let s = initialState({ name: "play", code: "ABCDEF" }, "en");
    expect(screenFor(s)).toBe("message");
    s = { ...s, ...stateArrived(s, at("playing")) };
    expect(screenFor(s)).toBe("message");
    s = { ...s, ...welcomed({ seat: 1, role: "student", nickname: "Ann", seatToken: "", team: 0 }) };
    expect(screenFor(s)).toBe("play");
    expect(screenFor({ ...s, route: { name: "play", code: "ZZZZZZ" } })).toBe("message");
  });

  it("stays on the game while reconnecting, and closes for good when kicked", () => {
    let s = inRoom(at("playing"), { seat: 1, role: "student" });
    s = { ...s, ...reconnecting(s, 2, false) };
    expect(screenFor(s)).toBe("play");
    s = { ...s, ...closed(s, "kicked") };
    expect(screenFor(s)).toBe("closed");
    // A patch already on its way does not bring the game back.
    s = { ...s, ...stateArrived(s, at("playing")) };
    expect(screenFor(s)).toBe("closed");
  });

  it("shows the landing, past sessions and replays whatever the room does", () => {
    const s = inRoom(at("playing"), { seat: 1, role: "student" });
    expect(screenFor({ ...s, route: { name: "landing", code: "" } })).toBe("landing");
    expect(screenFor({ ...s, route: { name: "sessions" } })).toBe("sessions");
    expect(screenFor({ ...s, route: { name: "replay", round: "r1" } })).toBe("replay");
  });
});

describe("selectors", () => {
  it("finds this seat's team and datacenter, and nests its servers once per snapshot", () => {
    const s = inRoom(game.views[12], { seat: 2, role: "student" });
    expect(myTeam(s)).toBe(1);
    expect(myDatacenter(s)?.team).toBe(1);
    const servers = myServers(s);
    expect(servers.length).toBe(game.views[12].datacenters[1].servers.length);
    expect(myServers(s)).toBe(servers);
    const instances = servers.reduce((n, x) => n + x.instances.length + x.vms.reduce((m, v) => m + v.instances.length, 0), 0);
    expect(instances).toBe(game.views[12].teams[1].instances);
  });

  it("lists seats in joining order", () => {
    const view = at("lobby", { seats: { "10": { seat: 10, nickname: "b", role: "student", team: -1, connected: true, asks: -1, asksTime: false }, "2": { seat: 2, nickname: "a", role: "student", team: -1, connected: true, asks: -1, asksTime: false } } });
    expect(seatsOf(view).map((x) => x.seat)).toEqual([2, 10]);
  });

  it("counts down to the exam-morning spike, then says it is under way, then nothing", () => {
    const spike = SCENARIOS["exam-morning"].spike!;
    const view = game.views[5];
    expect(spikeStatus(view)).toEqual({ minutesLeft: spike.start - 5 });
    expect(spikeStatus({ ...view, tick: spike.start })).toBe("now");
    expect(spikeStatus({ ...view, tick: spikeEnd(spike, spike.start) })).toBeNull();
    expect(spikeStatus({ ...view, phase: "over" })).toBeNull();
  });

  it("opens the failure page only when the day is under way and enough users are turned away", () => {
    const view = at("playing");
    const team = { ...view.teams[0], demand: 1000, dropped: 200 };
    expect(failurePageDue({ ...view, tick: 2 }, team)).toBe(false);
    expect(failurePageDue({ ...view, tick: 300 }, team)).toBe(true);
    expect(failurePageDue({ ...view, tick: 300 }, { ...team, dropped: 50 })).toBe(false);
  });

  it("shows an incident banner to its team and the teacher, for 15 game minutes", () => {
    const view = at("playing", { tick: 20, banners: [{ tick: 18, team: 1, kind: "leak", app: "web", hit: 1, cost: 0, target: "", at: 0 }] });
    expect(currentBanner(inRoom(view, { seat: 2, role: "student" }))?.kind).toBe("leak");
    expect(currentBanner(inRoom(view, { seat: 1, role: "student" }))).toBeNull();
    expect(currentBanner(inRoom(view, { seat: 0, role: "host" }))?.kind).toBe("leak");
    expect(currentBanner(inRoom({ ...view, tick: 40 }, { seat: 2, role: "student" }))).toBeNull();
  });

  it("takes a late teacher's chart minutes from the round's report", () => {
    const s = inRoom(at("over"), { seat: 0, role: "host" });
    const report = { round: 1, series: game.series } as unknown as RoundReport;
    const next = { ...s, ...debriefArrived({ ...s, book: { round: -1, teams: [] } }, { reports: [report] }) };
    expect(next.book.round).toBe(1);
    expect(next.book.teams[0].served).toEqual(game.series.teams[0].served);
  });
});
