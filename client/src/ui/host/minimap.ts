import { t } from "../../i18n";
import { appColor, layoutDatacenter } from "../../scenes/layout";
import type { ServerView } from "../../model/types";

const hex = (n: number) => `#${n.toString(16).padStart(6, "0")}`;

/**
 * A team's datacenter in miniature for the projector: the same layout as the team view, drawn
 * with plain canvas (eight of them redraw every tick).
 */
export function drawMinimap(canvas: HTMLCanvasElement, servers: readonly ServerView[], tick: number): void {
  const ratio = Math.min(2, window.devicePixelRatio || 1);
  const w = canvas.clientWidth || 300;
  const hgt = canvas.clientHeight || 120;
  if (canvas.width !== w * ratio) canvas.width = w * ratio;
  if (canvas.height !== hgt * ratio) canvas.height = hgt * ratio;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = "#1b2129";
  ctx.fillRect(0, 0, w, hgt);
  // Lay out at a comfortable width, then scale the whole picture into the tile.
  const layout = layoutDatacenter(servers, 900);
  const scale = Math.min(w / layout.width, hgt / Math.max(1, layout.height));
  ctx.save();
  ctx.scale(scale, scale);
  for (const sl of layout.servers) {
    const s = sl.server;
    const f = sl.frame;
    ctx.globalAlpha = tick < s.readyAt ? 0.4 : 1;
    ctx.fillStyle = "#263040";
    ctx.fillRect(f.x, f.y, f.w, f.h);
    ctx.strokeStyle = s.failedUntil > tick ? "#d55e00" : "#8aa0b8";
    ctx.lineWidth = s.failedUntil > tick ? 6 : 2;
    ctx.strokeRect(f.x, f.y, f.w, f.h);
    for (const b of sl.boxes) {
      if (b.kind === "overhead" || b.kind === "vm-overhead") {
        ctx.fillStyle = "#6b7785";
        ctx.fillRect(b.x, b.y, b.w, b.h);
      } else if (b.kind === "vm") {
        ctx.strokeStyle = "#c8d3df";
        ctx.lineWidth = 2;
        ctx.strokeRect(b.x, b.y, b.w, b.h);
      } else if (b.kind === "instance") {
        const inst = [...s.instances, ...s.vms.flatMap((v) => v.instances)].find((i) => i.id === b.id);
        if (!inst) continue;
        const down = tick < inst.downUntil;
        ctx.fillStyle = down ? "#4a4f57" : hex(appColor(inst.app));
        ctx.globalAlpha = down ? 1 : 0.35;
        ctx.fillRect(b.x + 1, b.y + 1, b.w - 2, b.h - 2);
        ctx.globalAlpha = 1;
        const fill = ((b.h - 2) * inst.load) / 100;
        if (!down) ctx.fillRect(b.x + 1, b.y + b.h - 1 - fill, b.w - 2, fill);
      }
    }
    ctx.globalAlpha = 1;
  }
  ctx.restore();
}

/**
 * What a minimap shows, in words: its text alternative, and the line under it on the projector
 * ("5 servers (2 rented, 1 failing) · 9 apps running, 2 down, 1 starting").
 */
export function minimapSummary(servers: readonly ServerView[], tick: number): string {
  const instances = servers.flatMap((s) => [...s.instances, ...s.vms.flatMap((v) => v.instances)]);
  const down = instances.filter((i) => tick < i.downUntil).length;
  const starting = instances.filter((i) => tick >= i.downUntil && tick < i.readyAt).length;
  const running = instances.length - down - starting;
  const rented = servers.filter((s) => s.rented).length;
  // Broken (dead until repaired) and failing (warned, about to die) are different stories for the class.
  const broken = servers.filter((s) => s.failedUntil > tick).length;
  const failing = servers.filter((s) => s.failedUntil <= tick && s.failingAt > tick).length;
  const arriving = servers.filter((s) => tick < s.readyAt).length;
  const notes = [
    rented > 0 ? t("projector.rented", { count: rented }) : "",
    arriving > 0 ? t("projector.arriving", { count: arriving }) : "",
    broken > 0 ? t("projector.broken", { count: broken }) : "",
    failing > 0 ? t("projector.failing", { count: failing }) : "",
  ].filter(Boolean);
  const sep = t("projector.sep");
  const head = t("projector.servers", { count: servers.length }) + (notes.length > 0 ? t("projector.paren", { x: notes.join(sep) }) : "");
  const apps = [t("projector.running", { count: running }), down > 0 ? t("projector.down", { count: down }) : "", starting > 0 ? t("projector.starting", { count: starting }) : ""].filter(Boolean);
  return `${head} · ${apps.join(sep)}`;
}
