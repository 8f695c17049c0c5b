import type { RoomIntents } from "../net/types";
import type { Route } from "../router";
import { briefingScreen } from "../screens/briefing";
import { debriefScreen } from "../screens/debrief";
import { hostScreen } from "../screens/host";
import { landingScreen } from "../screens/landing";
import { lobbyScreen } from "../screens/lobby";
import { closedScreen, messageScreen } from "../screens/message";
import { PlayScreen } from "../screens/play";
import { replayScreen } from "../screens/replay";
import { RoomShell } from "../screens/room";
import type { Screen, ScreenContext } from "../screens/screen";
import { sessionsScreen } from "../screens/sessions";
import { ROOM_SCREENS, screenFor, type ScreenKey } from "../store/selectors";
import type { AppState } from "../store/state";
import { throttleFrame } from "../ui/dom";

/** Every screen, by the key `screenFor` picks. */
const SCREENS: Record<ScreenKey, (ctx: ScreenContext) => Screen> = {
  landing: landingScreen,
  sessions: sessionsScreen,
  replay: replayScreen,
  message: () => messageScreen(),
  closed: () => closedScreen(),
  lobby: lobbyScreen,
  briefing: briefingScreen,
  play: (ctx) => new PlayScreen(ctx),
  debrief: debriefScreen,
  host: (ctx) => hostScreen(ctx, false),
  "host-over": (ctx) => hostScreen(ctx, true),
};

/**
 * The screen machine: shows the screen the state calls for (screenFor), swapping screens when the
 * key or the language changes, and otherwise updating the one shown, at most once a frame.
 */
export class App {
  private key: ScreenKey | null = null;
  private lang = "";
  private screen: Screen | null = null;
  private shell: RoomShell | null = null;
  private readonly draw = throttleFrame(() => this.render());

  constructor(private readonly root: HTMLElement, private readonly ctx: ScreenContext, private readonly room: RoomIntents) {}

  start(): void {
    this.ctx.store.subscribe(() => this.draw());
    this.render();
  }

  private render(): void {
    const s = this.ctx.store.get();
    const key = screenFor(s);
    if (key !== this.key || s.lang !== this.lang) this.swap(key, s);
    this.shell?.update(s);
    this.screen?.update(s);
  }

  private swap(key: ScreenKey, s: AppState): void {
    this.screen?.destroy();
    this.screen = null;
    const inRoom = ROOM_SCREENS.includes(key);
    if (!inRoom || s.lang !== this.lang) {
      this.shell?.destroy();
      this.shell = null;
    }
    this.key = key;
    this.lang = s.lang;
    const screen = SCREENS[key](this.ctx);
    if (inRoom) {
      if (!this.shell) {
        this.shell = new RoomShell(this.room);
        this.shell.mount(this.root);
      }
      this.shell.body.replaceChildren();
      screen.mount(this.shell.body);
    } else screen.mount(this.root);
    this.screen = screen;
  }
}

/** Which room a route opens, and as whom; null for the pages outside a room. */
export function roomOf(route: Route): { code: string; role: "host" | "student" } | null {
  if (route.name === "play") return { code: route.code, role: "student" };
  if (route.name === "host") return { code: route.code, role: "host" };
  return null;
}
