import type { JoinFlows } from "../app/flows";
import type { Api } from "../net/api";
import type { RoomIntents } from "../net/types";
import type { AppState } from "../store/state";
import type { Store } from "../store/store";

/**
 * A screen owns its element from mount to destroy. `update` brings it in line with the state; it is
 * called after mount and then at most once a frame while anything changed, so a screen compares
 * what it shows with what it would show and touches the DOM only for the difference.
 */
export interface Screen {
  mount(root: HTMLElement): void;
  update(state: AppState): void;
  destroy(): void;
  /** Where focus goes when the screen appears (default: its first heading). */
  focusStart?(): HTMLElement | null;
}

/** What screens may use: the state, the room's intents, the HTTP API, the join flows, navigation. */
export interface ScreenContext {
  store: Store<AppState>;
  room: RoomIntents;
  api: Api;
  flows: JoinFlows;
  navigate(path: string): void;
}

/**
 * Runs `render` when `select`'s value differs from the last one rendered (by `equals`; a string
 * key or a primitive compares by value).
 */
export function onChange<S, T>(select: (s: S) => T, render: (value: T) => void, equals: (a: T, b: T) => boolean = Object.is): (s: S) => void {
  let rendered = false;
  let last: T;
  return (s) => {
    const value = select(s);
    if (rendered && equals(value, last)) return;
    rendered = true;
    last = value;
    render(value);
  };
}
