import type { Command, LicenceEdition, ModelId, LayerKind, OsKind, VirtMode, AppId } from "../../../shared/engine";
import { errorText } from "../i18n";
import type { Box } from "../scenes/layout";
import { h } from "./dom";

export type DragItem =
  | { kind: "model"; model: ModelId }
  | { kind: "layer"; layer: LayerKind }
  | { kind: "licence"; edition: LicenceEdition }
  | { kind: "vm"; os: OsKind; mode: VirtMode; vcpus: number; mem: number; engine: boolean }
  | { kind: "app"; app: AppId }
  | { kind: "migrate"; vm: string };

/** The command a drop would send: what was dragged, onto what. */
export function commandFor(item: DragItem, box: Box | null, vmOfInstance: (instance: string) => string | null): Command | null {
  if (item.kind === "model") return { type: "buyServer", model: item.model };
  if (!box) return null;
  const server = box.server;
  switch (item.kind) {
    case "layer": return { type: "installLayer", server, layer: item.layer };
    case "licence": return { type: "buyLicence", server, edition: item.edition };
    case "vm": return { type: "createVm", server, os: item.os, mode: item.mode, vcpus: item.vcpus, mem: item.mem, engine: item.engine };
    case "migrate": return { type: "migrateVm", vm: item.vm, to: server };
    case "app": {
      let target = server;
      if (box.kind === "vm") target = box.id;
      else if (box.kind === "vm-overhead") target = box.id.split(":")[0];
      else if (box.kind === "instance") target = vmOfInstance(box.id) ?? server;
      return { type: "deploy", target, app: item.app };
    }
  }
}

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
}

/**
 * Drag from the catalogue (or a VM on the canvas) onto the datacenter. While dragging, the ghost and
 * the target turn green or red, and red says why, in the engine's own words; the server still decides.
 */
export function startDrag(item: DragItem, label: string, event: PointerEvent, target: DragTarget): void {
  event.preventDefault();
  const ghost = h("div", { class: "drag-ghost", testid: "drag-ghost" }, label, h("span", { class: "why" }));
  document.body.append(ghost);
  let current: { command: Command | null; reason: string | null } = { command: null, reason: null };

  const move = (x: number, y: number) => {
    ghost.style.left = `${x}px`;
    ghost.style.top = `${y}px`;
    if (!target.over(x, y)) {
      current = { command: null, reason: null };
      ghost.className = "drag-ghost";
      (ghost.lastChild as HTMLElement).textContent = "";
      target.highlight(null, false);
      return;
    }
    const box = target.boxAt(x, y);
    const command = commandFor(item, box, target.vmOfInstance);
    const error = command ? target.check(command) : null;
    current = { command, reason: error ? errorText(error) : null };
    ghost.className = `drag-ghost ${command ? (error ? "bad" : "ok") : ""}`;
    (ghost.lastChild as HTMLElement).textContent = current.reason ?? "";
    target.highlight(item.kind === "model" ? null : box, !error);
  };
  const onMove = (e: PointerEvent) => move(e.clientX, e.clientY);
  const finish = (drop: boolean) => {
    window.removeEventListener("pointermove", onMove);
    window.removeEventListener("pointerup", onUp);
    window.removeEventListener("keydown", onKey);
    ghost.remove();
    target.highlight(null, false);
    if (!drop || !current.command) return;
    if (current.reason) target.refuse(current.reason);
    else target.send(current.command);
  };
  const onUp = () => finish(true);
  const onKey = (e: KeyboardEvent) => { if (e.key === "Escape") finish(false); };
  window.addEventListener("pointermove", onMove);
  window.addEventListener("pointerup", onUp);
  window.addEventListener("keydown", onKey);
  move(event.clientX, event.clientY);
}
