import type { RoomIntents } from "../net/types";
import type { AppState } from "../store/state";
import { speak } from "../ui/announce";
import { Banners } from "../ui/banners";
import { h } from "../ui/dom";
import { StatusBar } from "../ui/statusBar";
import { RoomAnnouncer } from "../ui/speech/room";
import { topbar } from "../ui/topbar";

/**
 * Around every screen of a room: the top bar with the live status, the banners, and the body the
 * screen fills; and what the room says aloud, whichever screen is up.
 */
export class RoomShell {
  readonly body = h("div", { class: "room-body" });
  private readonly status: StatusBar;
  private readonly banners = new Banners();
  private readonly announcer = new RoomAnnouncer(speak);

  constructor(room: RoomIntents) {
    this.status = new StatusBar(room);
  }

  mount(root: HTMLElement): void {
    // Sticky together: the clock, the cash and the spike banner stay in view while a phone scrolls.
    root.replaceChildren(h("div", { class: "room-top" }, topbar(this.status.el), this.banners.el), this.body);
  }

  update(s: AppState): void {
    this.status.update(s);
    this.banners.update(s);
    this.announcer.update(s);
  }

  destroy(): void {
    this.banners.destroy();
  }
}
