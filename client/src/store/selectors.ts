/** What the screens ask of the state, computed in one place. */
import { SCENARIOS, type Scenario } from "../../../shared/scenarios";
import { spikeEnd } from "../../../shared/scenarios/curve";
import { FAILURE_PAGE } from "../../../shared/scenarios/presets";
import { datacenterOf, serversOf } from "../model/datacenter";
import type { ClassView, DatacenterView, RoundView, SeatView, ServerView, TeamView } from "../model/types";
import type { AppState } from "./state";

/** The round's scenario (none before the first round). */
export function scenarioOf(round: RoundView): Scenario | undefined {
  return round.scenario ? SCENARIOS[round.scenario] : undefined;
}

/** Every seat in the room, in joining order. */
export function seatsOf(view: ClassView): SeatView[] {
  return Object.values(view.seats).sort((a, b) => a.seat - b.seat);
}

/** This browser's team, or -1 before it picks one (and for the teacher). */
export function myTeam(s: AppState): number {
  if (!s.view || !s.me) return -1;
  return s.view.seats[String(s.me.seat)]?.team ?? -1;
}

export function myDatacenter(s: AppState): DatacenterView | undefined {
  return s.view ? datacenterOf(s.view, myTeam(s)) : undefined;
}

/** A team's servers as this browser sees them (a student only has their own team's; the teacher every team's). */
export function teamServers(s: AppState, team: number): ServerView[] | undefined {
  const dc = s.view ? datacenterOf(s.view, team) : undefined;
  return dc ? serversOf(dc) : undefined;
}

export function myServers(s: AppState): ServerView[] {
  return serversOf(myDatacenter(s));
}

/** A round is under way: the clock runs, or it is stopped (paused or frozen) mid-round. */
export function midRound(view: ClassView): boolean {
  return view.phase === "playing" || view.phase === "paused" || view.phase === "frozen";
}

/**
 * What a stopped clock means for this browser: "paused" (nobody acts), "build" (frozen, and this
 * student may keep building), "wait" (frozen while others have extra time: as a pause), or null.
 */
export function clockStop(s: AppState): "paused" | "build" | "wait" | null {
  const view = s.view;
  if (!view) return null;
  if (view.phase === "paused") return "paused";
  if (view.phase !== "frozen") return null;
  const f = view.freeze;
  const seat = s.me?.seat ?? -1;
  return f.everyone || f.seats.includes(seat) || f.teams.includes(myTeam(s)) ? "build" : "wait";
}

export function isTeacher(s: AppState): boolean {
  return s.me?.role === "host";
}

/** A student, or a practice room's player (also its host): someone who runs a datacenter. */
export function isPlayer(s: AppState): boolean {
  return s.me?.role === "student" || s.view?.practice === true;
}

export type ScreenKey =
  | "landing" | "sessions" | "replay"
  /** Waiting to get into the room (loading, reconnecting). */
  | "message"
  /** Out of the session: kicked, ended, lost. */
  | "closed"
  | "lobby" | "briefing" | "play" | "debrief"
  /** The teacher's controls, during and after a round. */
  | "host" | "host-over"
  /** What the class sees on the projector (the teacher's session, no controls). */
  | "projector";

export const ROOM_SCREENS: readonly ScreenKey[] = ["lobby", "briefing", "play", "debrief", "host", "host-over"];

/**
 * Which screen the route, the connection and the room's phase call for. The server decides when
 * phases change; the screens follow.
 */
export function screenFor(s: AppState): ScreenKey {
  const r = s.route;
  if (r.name === "landing" || r.name === "sessions" || r.name === "replay") return r.name;
  if (s.link.status === "closed") return "closed";
  const view = s.view;
  if (!view || view.code !== r.code || !s.me) return "message";
  if (view.phase === "ended") return "closed";
  if (r.name === "projector") return "projector";
  if (!isPlayer(s)) return view.phase === "over" ? "host-over" : "host";
  if (view.phase === "over") return "debrief";
  if (myTeam(s) < 0 || view.phase === "lobby") return "lobby";
  if (view.phase === "briefing") return "briefing";
  return "play";
}

/** Why this browser is out of the session (a room that ended reads as ended). */
export function closedReason(s: AppState): "kicked" | "session_ended" | "lost" {
  if (s.link.status === "closed") return s.link.reason;
  return "session_ended";
}

/**
 * The forecast spike against the clock: minutes until it starts, "now" while it runs, or null (no
 * spike in this scenario, it is over, or no round is running).
 */
export function spikeStatus(view: ClassView): { minutesLeft: number } | "now" | null {
  const scn = scenarioOf(view.round);
  if (!scn?.spike || view.phase === "over" || view.phase === "lobby") return null;
  const left = scn.spike.start - view.tick;
  if (left > 0) return { minutesLeft: left };
  return view.tick < spikeEnd(scn.spike, scn.spike.start) ? "now" : null;
}

/** The incident banner worth showing now: the newest this seat should see, for 15 minutes of game time. */
export function currentBanner(s: AppState): ClassView["banners"][number] | null {
  const view = s.view;
  if (!view) return null;
  const team = myTeam(s);
  const teacher = isTeacher(s);
  // Rentals are news for the projector; a student's own team's are in its feed.
  const b = [...view.banners].reverse().find((x) => teacher || (x.kind !== "rent" && (x.team === -1 || x.team === team)));
  if (!b || view.tick - b.tick > BANNER_MINUTES) return null;
  return b;
}

/** How long an incident banner stays up, in game minutes. */
export const BANNER_MINUTES = 15;

/**
 * Whether the student's page should show what their users see (the failing sign-in page) by
 * itself: once the day is under way and more than FAILURE_PAGE.droppedPct of front-end requests
 * are turned away.
 */
export function failurePageDue(view: ClassView, team: TeamView | undefined): boolean {
  if (!team || team.demand <= 0) return false;
  const scn = scenarioOf(view.round);
  const from = scn?.spike ? scn.spike.start - FAILURE_PAGE.minutesBeforeSpike : FAILURE_PAGE.minuteWithoutSpike;
  return view.tick >= from && team.dropped * 100 > team.demand * FAILURE_PAGE.droppedPct;
}
