/**
 * Every screen, by the key `screenFor` picks, and how to get it. The landing page and the waiting
 * message are in the first script; the rest load on demand (their own chunks: Phaser comes only
 * with the racks, charts only with the briefing, debrief and projector), so a student's phone
 * downloads little before the join form works.
 */
import { landingScreen } from "../screens/landing";
import { closedScreen, messageScreen } from "../screens/message";
import type { Screen, ScreenContext } from "../screens/screen";
import type { ScreenKey } from "../store/selectors";

export type ScreenFactory = (ctx: ScreenContext) => Screen;

/** In the first script: shown at once. */
export const EAGER: Partial<Record<ScreenKey, ScreenFactory>> = {
  landing: landingScreen,
  message: () => messageScreen(),
  closed: () => closedScreen(),
};

/** Loaded when first needed (or prefetched: `prefetchScreens`). */
export const LAZY: Record<Exclude<ScreenKey, "landing" | "message" | "closed">, () => Promise<ScreenFactory>> = {
  lobby: () => import("../screens/lobby").then((m) => m.lobbyScreen),
  briefing: () => import("../screens/briefing").then((m) => m.briefingScreen),
  play: () => import("../screens/play").then((m) => (ctx: ScreenContext) => new m.PlayScreen(ctx)),
  debrief: () => import("../screens/debrief").then((m) => m.debriefScreen),
  host: () => import("../screens/host").then((m) => (ctx: ScreenContext) => m.hostScreen(ctx, false)),
  "host-over": () => import("../screens/host").then((m) => (ctx: ScreenContext) => m.hostScreen(ctx, true)),
  projector: () => import("../screens/projector").then((m) => m.projectorScreen),
  sessions: () => import("../screens/sessions").then((m) => m.sessionsScreen),
  replay: () => import("../screens/replay").then((m) => m.replayScreen),
};

/** The screens a player in a room will need next: fetched while they read the lobby. */
export const PLAYER_NEXT: readonly ScreenKey[] = ["lobby", "briefing", "play", "debrief"];
