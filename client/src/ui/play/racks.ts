import type * as Phaser from "phaser";
import { t } from "../../i18n";
import type { ServerView } from "../../model/types";
import { DatacenterScene, type SceneHooks } from "../../scenes/DatacenterScene";
import { layoutDatacenter } from "../../scenes/layout";
import { phaserParent } from "../../scenes/mount";
import { rendererType, sceneGame } from "../../scenes/renderer";
import { h } from "../dom";

/** Below this width the page scrolls and the racks grow to show every server (no scrolling inside them). */
const SCROLLING_PAGE = "(max-width: 1100px)";

/**
 * The racks canvas on the page: sized from its box on the first paint and whenever that box
 * changes (a tablet at round start once drew a 0×0 canvas until something resized the window),
 * never holding on to the page's wheel or touch scrolling, and named for assistive technology
 * (the list beside it is the same state, to read and act on).
 */
export class Racks {
  /** The canvas's box: role img, named with what it shows. */
  readonly wrap = h("div", { class: "canvas-wrap", testid: "datacenter-canvas", role: "img", "aria-roledescription": t("a11y.racksRole") });
  /** Over the racks while the teacher has paused: the clock stopping is easy to miss. */
  readonly pausedNote = h("div", { class: "paused-note", testid: "paused-note", hidden: true, text: t("play.pausedNote") });
  readonly el = h("div", { class: "canvas-frame" }, this.wrap, this.pausedNote);
  readonly scene: DatacenterScene;
  game: Phaser.Game | null = null;
  private observer: ResizeObserver | null = null;
  private servers: readonly ServerView[] = [];
  private label = "";

  constructor(hooks: SceneHooks) {
    this.scene = new DatacenterScene(hooks);
    // The wheel scrolls the racks only while they have somewhere to go; then the page scrolls on.
    this.wrap.addEventListener("wheel", (e) => {
      if (e.ctrlKey || !this.game) return;
      if (this.scene.scrollBy(e.deltaY)) e.preventDefault();
    }, { passive: false });
  }

  /** Starts Phaser once the box is in the page (a detached box measures 0×0). */
  start(): void {
    const parent = phaserParent(this.wrap);
    this.game = sceneGame(parent, this.scene, rendererType(location.search));
    this.observer = new ResizeObserver(() => this.refresh());
    this.observer.observe(this.wrap);
    this.fit();
  }

  private refresh(): void {
    const g = this.game;
    if (!g?.isBooted) {
      g?.events.once("ready", () => this.refresh());
      return;
    }
    const r = this.wrap.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && (Math.round(r.width) !== g.scale.width || Math.round(r.height) !== g.scale.height)) g.scale.refresh();
  }

  /** On a scrolling page the racks are as tall as their servers need: the page scrolls, not the racks. */
  private fit(): void {
    if (!window.matchMedia(SCROLLING_PAGE).matches) {
      this.wrap.style.height = "";
      return;
    }
    const width = this.wrap.clientWidth;
    if (width <= 0) return;
    const natural = layoutDatacenter(this.servers, width).height;
    const px = `${Math.ceil(natural)}px`;
    if (this.wrap.style.height !== px) this.wrap.style.height = px;
  }

  setFrame(servers: ServerView[], tick: number, startMinute: number): void {
    this.servers = servers;
    this.scene.setFrame({ servers, tick, startMinute });
    this.fit();
    const vms = servers.reduce((n, s) => n + s.vms.length, 0);
    const instances = servers.reduce((n, s) => n + s.instances.length + s.vms.reduce((m, v) => m + v.instances.length, 0), 0);
    const label = t("a11y.racksLabel", { servers: servers.length, vms, instances });
    if (label !== this.label) {
      this.label = label;
      this.wrap.setAttribute("aria-label", label);
    }
  }

  /** The canvas's drawing size and its box on the page (browser tests check both are never 0). */
  size(): { width: number; height: number; boxWidth: number; boxHeight: number } {
    const c = this.game?.canvas;
    const r = this.wrap.getBoundingClientRect();
    return { width: c?.width ?? 0, height: c?.height ?? 0, boxWidth: Math.round(r.width), boxHeight: Math.round(r.height) };
  }

  destroy(): void {
    this.observer?.disconnect();
    this.game?.destroy(true);
  }
}
