import type { RoomIntents } from "../net/types";
import type { Route } from "../router";
import { RoomShell } from "../screens/room";
import type { Screen, ScreenContext } from "../screens/screen";
import { ROOM_SCREENS, screenFor, type ScreenKey } from "../store/selectors";
import type { AppState } from "../store/state";
import { throttleFrame } from "../ui/dom";
import { focusScreenStart, pageTitle } from "../ui/focus";
import { clearErrorToasts } from "../ui/toasts";
import { EAGER, LAZY, PLAYER_NEXT, type ScreenFactory } from "./screens";

/**
 * The screen machine: shows the screen the state calls for (screenFor), swapping screens when the
 * key or the language changes, and otherwise updating the one shown, at most once a frame. A
 * screen not loaded yet is fetched; the waiting message stands in for it meanwhile.
 */
export class App {
  private key: ScreenKey | null = null;
  private lang = "";
  private screen: Screen | null = null;
  private shell: RoomShell | null = null;
  private readonly factories: Partial<Record<ScreenKey, ScreenFactory>> = { ...EAGER };
  private readonly loading = new Map<ScreenKey, Promise<void>>();
  private readonly draw = throttleFrame(() => this.render());

  constructor(private readonly root: HTMLElement, private readonly ctx: ScreenContext, private readonly room: RoomIntents) {}

  start(): void {
    this.ctx.store.subscribe(() => this.draw());
    this.render();
  }

  /** Fetches screens before they are needed (the lobby fetches the round's screens). */
  prefetch(keys: readonly ScreenKey[]): Promise<void> {
    return Promise.all(keys.map((k) => this.load(k))).then(() => undefined);
  }

  private load(key: ScreenKey): Promise<void> {
    if (this.factories[key]) return Promise.resolve();
    let p = this.loading.get(key);
    if (!p) {
      p = LAZY[key as keyof typeof LAZY]().then((f) => {
        this.factories[key] = f;
        this.draw();
      });
      this.loading.set(key, p);
      // A failed fetch (offline for a moment) is tried again the next time the screen is wanted.
      p.catch(() => this.loading.delete(key));
    }
    return p;
  }

  private render(): void {
    const s = this.ctx.store.get();
    let key = screenFor(s);
    if (!this.factories[key]) {
      void this.load(key);
      key = "message";
    }
    const focus = key !== this.key || s.lang !== this.lang ? this.swap(key, s) : null;
    this.shell?.update(s);
    this.screen?.update(s);
    // After the first update: a screen's focus target (a team's Join button) exists only then.
    if (focus && this.screen) focusScreenStart(this.root, focus, this.screen);
  }

  /** Shows the screen for `key`; says where focus should go (null: leave it, the page just loaded). */
  private swap(key: ScreenKey, s: AppState): "screen" | "lang" | null {
    const first = this.key === null;
    const sameScreen = key === this.key;
    if (this.key === "play" && key === "debrief") clearErrorToasts();
    this.screen?.destroy();
    this.screen = null;
    const inRoom = ROOM_SCREENS.includes(key);
    if (!inRoom || s.lang !== this.lang) {
      this.shell?.destroy();
      this.shell = null;
    }
    this.key = key;
    this.lang = s.lang;
    const screen = this.factories[key]!(this.ctx);
    if (inRoom) {
      if (!this.shell) {
        this.shell = new RoomShell(this.room);
        this.shell.mount(this.root);
      }
      this.shell.body.replaceChildren();
      screen.mount(this.shell.body);
    } else screen.mount(this.root);
    this.screen = screen;
    document.title = pageTitle(key, s);
    // In the lobby, the round's screens (Phaser with the racks) come down while the student waits.
    if (key === "lobby") setTimeout(() => void this.prefetch(PLAYER_NEXT), 0);
    // A new screen starts where its reading starts; a language switch keeps the switch focused.
    return first ? null : sameScreen ? "lang" : "screen";
  }
}

/** Which room a route opens, and as whom; null for the pages outside a room. */
export function roomOf(route: Route): { code: string; role: "host" | "student" } | null {
  if (route.name === "play") return { code: route.code, role: "student" };
  // The projector joins as the teacher, with the host secret this browser keeps.
  if (route.name === "host" || route.name === "projector") return { code: route.code, role: "host" };
  return null;
}
