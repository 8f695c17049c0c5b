import type { Command } from "../../../shared/engine";
import { dropCommand, type DragItem } from "../commands/build";
import { rowOf } from "../commands/table";
import { errorText, t } from "../i18n";
import type { Box } from "../scenes/layout";
import { h } from "./dom";

export interface DragTarget {
  /** The box under a page point, or null when not over the canvas. */
  boxAt(clientX: number, clientY: number): Box | null;
  /** Whether the point is over the canvas at all (dropping a new server anywhere there is fine). */
  over(clientX: number, clientY: number): boolean;
  highlight(box: Box | null, ok: boolean): void;
  vmOfInstance(instance: string): string | null;
  /** The engine's verdict in the browser: null when it would be accepted. */
  check(command: Command): { code: string; params: Record<string, unknown> } | null;
  send(command: Command): void;
  refuse(reason: string): void;
  /** Brings the canvas into view (a tapped item is placed there). */
  reveal(): void;
}

/** A tapped item waiting for its target; a new grab replaces it. */
let cancelArmed: (() => void) | null = null;

/** How far a pointer may wander and still count as a tap, in CSS pixels. */
const TAP_SLOP = 10;

/**
 * Drag from the catalogue (or a VM on the canvas) onto the datacenter. While dragging, the ghost and
 * the target turn green or red, and red says why, in the engine's own words; the server still decides.
 * A tap without a drag arms the item instead and the next tap on the canvas places it: on a phone the
 * catalogue and the racks are rarely on screen together.
 */
export function startDrag(item: DragItem, label: string, event: { clientX: number; clientY: number; preventDefault?(): void }, target: DragTarget): void {
  event.preventDefault?.();
  cancelArmed?.();
  const why = h("span", { class: "why" });
  const cancel = h("button", { class: "ghost-cancel", testid: "drag-cancel", text: t("common.cancel"), onclick: () => finish(false) });
  const ghost = h("div", { class: "drag-ghost", testid: "drag-ghost" }, h("span", { class: "what", text: label }), why);
  document.body.append(ghost);
  let current: { command: Command | null; reason: string | null } = { command: null, reason: null };
  let armed = false;
  let travelled = false;

  const judge = (x: number, y: number) => {
    const over = target.over(x, y);
    const box = over ? target.boxAt(x, y) : null;
    const command = over ? dropCommand(item, box, target.vmOfInstance) : null;
    const error = command ? target.check(command) : null;
    current = { command, reason: error ? errorText(error) : null };
    ghost.className = `drag-ghost${armed ? " armed" : ""}${command ? (error ? " bad" : " ok") : ""}`;
    why.textContent = current.reason ?? (armed ? t("play.tapToPlace") : "");
    // Only a drop that fills a field from the box under it has a box to light up.
    target.highlight(rowOf(item.type).drop ? box : null, !error);
  };
  const onMove = (e: PointerEvent) => {
    if (Math.abs(e.clientX - event.clientX) + Math.abs(e.clientY - event.clientY) > TAP_SLOP) travelled = true;
    if (armed) {
      if (e.pointerType === "mouse") judge(e.clientX, e.clientY);
      return;
    }
    ghost.style.left = `${e.clientX}px`;
    ghost.style.top = `${e.clientY}px`;
    judge(e.clientX, e.clientY);
  };
  function finish(drop: boolean): void {
    window.removeEventListener("pointermove", onMove);
    window.removeEventListener("pointerup", onUp);
    window.removeEventListener("keydown", onKey);
    if (cancelArmed === abandon) cancelArmed = null;
    ghost.remove();
    target.highlight(null, false);
    if (!drop || !current.command) return;
    if (current.reason) target.refuse(current.reason);
    else target.send(current.command);
  }
  const abandon = () => finish(false);
  const arm = () => {
    armed = true;
    cancelArmed = abandon;
    ghost.style.left = "";
    ghost.style.top = "";
    ghost.append(cancel);
    judge(-1, -1);
    target.reveal();
  };
  const onUp = (e: PointerEvent) => {
    const onGhost = e.target instanceof Node && ghost.contains(e.target);
    const overCanvas = !onGhost && target.over(e.clientX, e.clientY);
    if (!armed && !travelled && !overCanvas && !onGhost) return arm();
    if (armed) {
      // Taps elsewhere (scrolling to the racks, reading a number) keep the item armed.
      if (!overCanvas) return;
      judge(e.clientX, e.clientY);
    }
    finish(true);
  };
  const onKey = (e: KeyboardEvent) => { if (e.key === "Escape") finish(false); };
  window.addEventListener("pointermove", onMove);
  window.addEventListener("pointerup", onUp);
  window.addEventListener("keydown", onKey);
  ghost.style.left = `${event.clientX}px`;
  ghost.style.top = `${event.clientY}px`;
  judge(event.clientX, event.clientY);
}
