import * as Phaser from "phaser";
import { t } from "../i18n";
import { serverHeader } from "../model/describe";
import type { ServerView } from "../model/types";
import { appColor, appShort, boxAt, findInstance, layoutDatacenter, type Box, type Layout, type Rect } from "./layout";
import { COLORS, DELIVERING_ALPHA, LABEL } from "./palette";

export interface SceneHooks {
  /** A box was tapped (or empty space: null). */
  select(box: Box | null): void;
  /** A VM is being dragged (migration) from `at`, in page coordinates; the page's drag controller takes over. */
  dragVm(vmId: string, at: { clientX: number; clientY: number }): void;
}

interface Frame {
  servers: ServerView[];
  tick: number;
  startMinute: number;
}

/**
 * The team's datacenter: racks of servers with their host layer, VMs and containers as nested boxes
 * sized by what they reserve, filled by how busy they are. It renders what the state says; actions
 * go through the page (drag-and-drop, command panel), never from here to the server.
 */
export class DatacenterScene extends Phaser.Scene {
  layout: Layout = { width: 0, height: 0, columns: 1, servers: [] };
  private frame: Frame = { servers: [], tick: 0, startMinute: 0 };
  private g!: Phaser.GameObjects.Graphics;
  private overlay!: Phaser.GameObjects.Graphics;
  /** Everything drawn on redraw, baked into `baked` so a frame costs one textured quad. */
  private content!: Phaser.GameObjects.Container;
  private baked!: Phaser.GameObjects.RenderTexture;
  private readonly texts = new Map<string, Phaser.GameObjects.Text>();
  private selected: string | null = null;
  private highlight: { box: Rect; ok: boolean } | null = null;
  private ready = false;
  private dirty = true;
  private pressed: { box: Box | null; x: number; y: number; scrollY: number; moved: boolean } | null = null;

  constructor(private readonly hooks: SceneHooks) {
    super({ key: "datacenter" });
  }

  create(): void {
    // The racks change a few times a second at most, but the browser wants 60 frames: draw them
    // into a texture when they change and show only that texture in between.
    this.g = this.make.graphics({}, false);
    this.content = this.make.container({ x: 0, y: 0 }, false);
    this.content.add(this.g);
    this.baked = this.add.renderTexture(0, 0, Math.max(1, this.scale.width), Math.max(1, this.scale.height)).setOrigin(0, 0);
    this.overlay = this.add.graphics().setDepth(10);
    this.ready = true;
    this.scale.on("resize", () => { this.dirty = true; });
    this.input.on("pointerdown", (p: Phaser.Input.Pointer) => {
      this.pressed = { box: boxAt(this.layout, p.worldX, p.worldY), x: p.x, y: p.y, scrollY: this.cameras.main.scrollY, moved: false };
    });
    this.input.on("pointermove", (p: Phaser.Input.Pointer) => {
      const press = this.pressed;
      if (!press || !p.isDown) return;
      const dx = p.x - press.x;
      const dy = p.y - press.y;
      if (!press.moved && Math.hypot(dx, dy) < 8) return;
      press.moved = true;
      if (press.box?.kind === "vm") {
        this.pressed = null;
        // From the pointer's canvas position: Phaser hands over a TouchEvent (no clientX) on phones.
        const rect = this.game.canvas.getBoundingClientRect();
        this.hooks.dragVm(press.box.id, {
          clientX: rect.left + (p.x * rect.width) / this.scale.width,
          clientY: rect.top + (p.y * rect.height) / this.scale.height,
        });
        return;
      }
      this.cameras.main.scrollY = this.clampScroll(press.scrollY - dy);
    });
    this.input.on("pointerup", () => {
      const press = this.pressed;
      this.pressed = null;
      if (!press || press.moved) return;
      const box = press.box && (press.box.kind === "overhead" || press.box.kind === "vm-overhead")
        ? this.layout.servers.flatMap((s) => s.boxes).find((b) => b.kind === "server" && b.id === press.box!.server) ?? null
        : press.box;
      this.selected = box?.id ?? null;
      this.dirty = true;
      this.hooks.select(box);
    });
  }

  setFrame(frame: Frame): void {
    this.frame = frame;
    this.dirty = true;
  }

  select(id: string | null): void {
    this.selected = id;
    this.dirty = true;
  }

  /** Green or red outline while something is dragged over a box. */
  setHighlight(box: Rect | null, ok = false): void {
    this.highlight = box ? { box, ok } : null;
    this.drawOverlay();
  }

  override update(): void {
    if (!this.ready || !this.dirty) return;
    this.dirty = false;
    this.redraw();
  }

  /** Scrolls the racks by `dy`; false when they are already at that end (the page may scroll instead). */
  scrollBy(dy: number): boolean {
    if (!this.ready) return false;
    const cam = this.cameras.main;
    const next = this.clampScroll(cam.scrollY + dy);
    if (next === cam.scrollY) return false;
    cam.scrollY = next;
    return true;
  }

  private clampScroll(y: number): number {
    return Math.max(0, Math.min(y, Math.max(0, this.layout.height - this.scale.height)));
  }

  /** The box under a point given in page (client) coordinates. */
  boxAtClient(clientX: number, clientY: number): Box | null {
    const { x, y } = this.toWorld(clientX, clientY);
    return boxAt(this.layout, x, y);
  }

  toWorld(clientX: number, clientY: number): { x: number; y: number } {
    const rect = this.game.canvas.getBoundingClientRect();
    const sx = this.scale.width / rect.width;
    const sy = this.scale.height / rect.height;
    return { x: (clientX - rect.left) * sx + this.cameras.main.scrollX, y: (clientY - rect.top) * sy + this.cameras.main.scrollY };
  }

  /** The smallest label now shown, in CSS pixels (the browser tests hold it to 12 or more). */
  smallestLabel(): number {
    let min = Infinity;
    for (const tx of this.texts.values()) if (tx.visible) min = Math.min(min, parseFloat(String(tx.style.fontSize)));
    return Number.isFinite(min) ? min : 0;
  }

  /** Where a box is on the page, scrolling it into view first (the browser tests drop onto it). */
  clientRectOf(id: string): DOMRect | null {
    const box = this.layout.servers.flatMap((s) => s.boxes).find((b) => b.id === id);
    if (!box) return null;
    const cam = this.cameras.main;
    if (box.y < cam.scrollY || box.y + box.h > cam.scrollY + this.scale.height) cam.scrollY = this.clampScroll(box.y - 20);
    const rect = this.game.canvas.getBoundingClientRect();
    const sx = rect.width / this.scale.width;
    const sy = rect.height / this.scale.height;
    return new DOMRect(rect.left + (box.x - cam.scrollX) * sx, rect.top + (box.y - cam.scrollY) * sy, box.w * sx, box.h * sy);
  }

  /**
   * A label, at least 12 px. `plate`: on a dark backing box, so it keeps its contrast (≥ 7:1)
   * whatever colour and load fill lie under it.
   */
  private text(key: string, x: number, y: number, value: string, size = 12, color = LABEL.onPlate, plate = false): void {
    let tx = this.texts.get(key);
    if (!tx) {
      const style = { fontFamily: "system-ui, 'Noto Sans CJK SC', sans-serif", fontSize: `${Math.max(12, size)}px`, color, ...(plate ? { backgroundColor: LABEL.plate, padding: { x: 2, y: 0 } } : {}) };
      tx = this.make.text({ x, y, text: value, style }, false);
      tx.setResolution(Math.min(2, window.devicePixelRatio || 1));
      this.content.add(tx);
      this.texts.set(key, tx);
    } else {
      if (tx.text !== value) tx.setText(value);
      if (tx.x !== x || tx.y !== y) tx.setPosition(x, y);
      tx.setVisible(true);
    }
    tx.setData("used", true);
  }

  private redraw(): void {
    const { servers, tick, startMinute } = this.frame;
    this.layout = layoutDatacenter(servers, this.scale.width, this.scale.height);
    this.cameras.main.scrollY = this.clampScroll(this.cameras.main.scrollY);
    for (const tx of this.texts.values()) tx.setData("used", false);
    const g = this.g;
    g.clear();
    if (servers.length === 0) {
      this.text("empty", 16, 16, t("play.noServers"), 14, LABEL.empty);
    }
    for (const sl of this.layout.servers) {
      const s = sl.server;
      const f = sl.frame;
      const delivering = tick < s.readyAt;
      const failed = s.failedUntil > tick || s.failingAt > tick;
      g.fillStyle(COLORS.frame, delivering ? DELIVERING_ALPHA : 1).fillRect(f.x, f.y, f.w, f.h);
      g.lineStyle(failed ? 3 : 1, failed ? COLORS.failed : COLORS.frameLine, 1).strokeRect(f.x, f.y, f.w, f.h);
      g.fillStyle(COLORS.bar, 1).fillRect(sl.bar.x, sl.bar.y, sl.bar.w, sl.bar.h);
      this.text(`${s.id}:h`, f.x + 6, f.y + 4, serverHeader(s, tick, startMinute), 12, failed ? LABEL.headerFailed : LABEL.header);
      for (const b of sl.boxes) this.drawBox(b, s, tick);
    }
    for (const tx of this.texts.values()) if (!tx.getData("used")) tx.setVisible(false);
    const w = Math.max(1, Math.ceil(this.scale.width));
    const h = Math.max(1, Math.ceil(Math.max(this.layout.height, this.scale.height)));
    if (this.baked.width !== w || this.baked.height !== h) this.baked.resize(w, h);
    this.baked.clear();
    this.baked.draw(this.content, 0, 0);
    this.baked.render();
    this.drawOverlay();
  }

  private drawBox(b: Box, s: ServerView, tick: number): void {
    const g = this.g;
    if (b.kind === "overhead" || b.kind === "vm-overhead") {
      g.fillStyle(COLORS.overhead, 0.9).fillRect(b.x, b.y, b.w, b.h);
      if (b.w > 26 && b.h > 15) this.text(`${b.id}:l`, b.x + 2, b.y + 1, "OS", 12, LABEL.onPlate, true);
      return;
    }
    if (b.kind === "vm") {
      const vm = s.vms.find((v) => v.id === b.id)!;
      const booting = tick < vm.readyAt || tick < vm.downUntil;
      g.fillStyle(COLORS.vm, booting ? 0.5 : 1).fillRect(b.x, b.y, b.w, b.h);
      g.lineStyle(vm.migrationTo ? 2 : 1, vm.migrationTo ? COLORS.select : COLORS.vmLine, 1).strokeRect(b.x, b.y, b.w, b.h);
      // About 7 px a character at 12 px: a label that would run into the next VM is cut to the id.
      const label = `${vm.id} ${t("a11y.vcpuShort", { n: vm.vcpus })} ${t(`os.${vm.os}`)}${vm.engine ? ` +${t("play.containers")}` : ""}${booting ? ` ${t("play.booting")}` : ""}${vm.migrationTo ? ` → ${vm.migrationTo}` : ""}`;
      const fits = (s: string) => s.length * 7 + 6 <= b.w;
      const shown = fits(label) ? label : fits(vm.id) ? vm.id : "";
      if (shown) this.text(`${b.id}:l`, b.x + 2, b.y, shown, 12, LABEL.onPlate, true);
      if (this.selected === b.id) g.lineStyle(3, COLORS.select, 1).strokeRect(b.x - 1, b.y - 1, b.w + 2, b.h + 2);
      return;
    }
    if (b.kind === "instance") {
      const found = findInstance([s], b.id);
      if (!found) return;
      const i = found.instance;
      const color = appColor(i.app);
      const starting = tick < i.readyAt;
      const down = tick < i.downUntil || s.failedUntil > tick;
      g.fillStyle(down ? COLORS.down : color, down ? 0.9 : starting ? 0.25 : 0.35).fillRect(b.x + 1, b.y + 1, b.w - 2, b.h - 2);
      if (!down && !starting) {
        const fillH = Math.round(((b.h - 2) * i.load) / 100);
        g.fillStyle(color, 1).fillRect(b.x + 1, b.y + b.h - 1 - fillH, b.w - 2, fillH);
      }
      g.lineStyle(1, color, 1).strokeRect(b.x + 1, b.y + 1, b.w - 2, b.h - 2);
      if (down) {
        g.lineStyle(2, COLORS.bad, 1).lineBetween(b.x + 2, b.y + 2, b.x + b.w - 2, b.y + b.h - 2).lineBetween(b.x + b.w - 2, b.y + 2, b.x + 2, b.y + b.h - 2);
      }
      // Light on the translucent box: the load fill rises from the bottom and rarely reaches the label.
      if (b.w >= 32 && b.h >= 18) this.text(`${b.id}:l`, b.x + 4, b.y + 3, `${appShort(i.app)}${starting ? "…" : ""}`, 12, LABEL.onPlate, true);
      if (this.selected === b.id) g.lineStyle(3, COLORS.select, 1).strokeRect(b.x - 1, b.y - 1, b.w + 2, b.h + 2);
      return;
    }
    if (b.kind === "server" && this.selected === b.id) {
      g.lineStyle(3, COLORS.select, 1).strokeRect(b.x - 2, b.y - 2, b.w + 4, b.h + 4);
    }
  }

  private drawOverlay(): void {
    if (!this.overlay) return;
    this.overlay.clear();
    if (!this.highlight) return;
    const { box, ok } = this.highlight;
    this.overlay.lineStyle(4, ok ? COLORS.ok : COLORS.bad, 1).strokeRect(box.x - 2, box.y - 2, box.w + 4, box.h + 4);
    this.overlay.fillStyle(ok ? COLORS.ok : COLORS.bad, 0.15).fillRect(box.x, box.y, box.w, box.h);
  }
}
