/**
 * Where everything goes on the datacenter canvas: servers as rack units, and inside each the host
 * layer's overhead, VMs and instances as boxes whose width is the CPU they reserve. Pure: the scene
 * draws it, the drag-and-drop hit-tests it, the browser tests read it.
 */
import { serverCapacity, vmFootprint, vmOverheadCpu } from "../../../shared/engine/capacity";
import { APPS, HOST_LAYERS, SERVER_MODELS, type AppId, type LayerKind } from "../../../shared/engine/data";
import type { InstanceView, ServerView, VmView } from "../model/types";

export interface Rect { x: number; y: number; w: number; h: number }

export type BoxKind = "server" | "vm" | "instance" | "overhead" | "vm-overhead";

export interface Box extends Rect {
  kind: BoxKind;
  id: string;
  /** Server id for everything inside a server. */
  server: string;
  depth: number;
}

export interface ServerLayout {
  server: ServerView;
  frame: Rect;
  /** The strip inside the frame where reservations are drawn. */
  bar: Rect;
  boxes: Box[];
}

export interface Layout {
  width: number;
  height: number;
  columns: number;
  servers: ServerLayout[];
}

export const UNIT_H = 52;
const GAP = 10;
const PAD = 12;
const HEADER = 22;
const MIN_COL = 300;

function layerCpu(layer: LayerKind | ""): number {
  return layer ? HOST_LAYERS[layer].cpu : 0;
}

/** Boxes left to right along `bar`, each as wide as its share of `total` CPU (never thinner than 6 px). */
function strip(bar: Rect, total: number, parts: { cpu: number; make: (r: Rect) => void }[]): void {
  let x = bar.x;
  for (const p of parts) {
    const w = Math.max(6, Math.round((p.cpu / total) * bar.w));
    const clipped = Math.min(w, bar.x + bar.w - x);
    if (clipped <= 0) break;
    p.make({ x, y: bar.y, w: clipped, h: bar.h });
    x += clipped;
  }
}

function layoutServer(server: ServerView, frame: Rect): ServerLayout {
  const bar: Rect = { x: frame.x + 6, y: frame.y + HEADER, w: frame.w - 12, h: frame.h - HEADER - 6 };
  const boxes: Box[] = [{ kind: "server", id: server.id, server: server.id, depth: 0, ...frame }];
  const cpu = serverCapacity(server).cpu;
  // The engine's own accounting of what a VM keeps for itself (guest OS, hypervisor tax, engine).
  const host = { layer: server.layer || null, model: server.model };
  const parts: { cpu: number; make: (r: Rect) => void }[] = [];
  if (server.layer) {
    parts.push({ cpu: layerCpu(server.layer), make: (r) => boxes.push({ kind: "overhead", id: `${server.id}:os`, server: server.id, depth: 1, ...r }) });
  }
  for (const vm of server.vms) {
    const overhead = vmOverheadCpu(vm, host);
    parts.push({
      cpu: vmFootprint(vm, host).cpu,
      make: (r) => {
        boxes.push({ kind: "vm", id: vm.id, server: server.id, depth: 1, ...r });
        const inner: Rect = { x: r.x + 2, y: r.y + 15, w: r.w - 4, h: r.h - 17 };
        const vmParts: { cpu: number; make: (q: Rect) => void }[] = [
          { cpu: overhead, make: (q) => boxes.push({ kind: "vm-overhead", id: `${vm.id}:os`, server: server.id, depth: 2, ...q }) },
          ...vm.instances.map((i) => ({ cpu: i.cpu, make: (q: Rect) => boxes.push({ kind: "instance" as const, id: i.id, server: server.id, depth: 2, ...q }) })),
        ];
        if (inner.w > 4 && inner.h > 4) strip(inner, vmFootprint(vm, host).cpu, vmParts);
      },
    });
  }
  for (const i of server.instances) {
    parts.push({ cpu: i.cpu, make: (r) => boxes.push({ kind: "instance", id: i.id, server: server.id, depth: 1, ...r }) });
  }
  strip(bar, cpu, parts);
  return { server, frame, bar, boxes };
}

/**
 * Servers in rack columns; small servers are one unit tall, large and GPU servers two. With a
 * `height`, units grow (up to three times) so a small datacenter fills the view and stays legible.
 */
export function layoutDatacenter(servers: readonly ServerView[], width: number, height = 0): Layout {
  const columns = Math.max(1, Math.floor((width - PAD) / (MIN_COL + GAP)));
  const colW = Math.floor((width - PAD * 2 - GAP * (columns - 1)) / columns);
  const unitsOf = (s: ServerView) => SERVER_MODELS[s.model].units;
  const perColumn = new Array<number>(columns).fill(0);
  for (const s of servers) perColumn[perColumn.indexOf(Math.min(...perColumn))] += unitsOf(s);
  const tallest = Math.max(1, ...perColumn);
  const unitH = height > 0 ? Math.max(UNIT_H, Math.min(UNIT_H * 3, Math.floor((height - PAD * 2) / tallest) - GAP)) : UNIT_H;
  const heights = new Array<number>(columns).fill(PAD);
  const out: ServerLayout[] = [];
  for (const s of servers) {
    const col = heights.indexOf(Math.min(...heights));
    const units = unitsOf(s);
    const h = units * unitH + (units - 1) * 8;
    const frame: Rect = { x: PAD + col * (colW + GAP), y: heights[col], w: colW, h };
    heights[col] += h + GAP;
    out.push(layoutServer(s, frame));
  }
  return { width, height: Math.max(...heights) + PAD, columns, servers: out };
}

/** The deepest box under a point (an instance inside a VM beats the VM, which beats its server). */
export function boxAt(layout: Layout, x: number, y: number): Box | null {
  let best: Box | null = null;
  for (const s of layout.servers) {
    const f = s.frame;
    if (x < f.x || y < f.y || x > f.x + f.w || y > f.y + f.h) continue;
    for (const b of s.boxes) {
      if (x >= b.x && y >= b.y && x <= b.x + b.w && y <= b.y + b.h && (!best || b.depth >= best.depth)) best = b;
    }
  }
  return best;
}

export function findInstance(servers: readonly ServerView[], id: string): { instance: InstanceView; server: ServerView; vm: VmView | null } | null {
  for (const s of servers) {
    for (const i of s.instances) if (i.id === id) return { instance: i, server: s, vm: null };
    for (const vm of s.vms) for (const i of vm.instances) if (i.id === id) return { instance: i, server: s, vm };
  }
  return null;
}

export function appColor(app: string): number {
  const colors: Record<AppId, number> = {
    web: 0x56b4e9, grades: 0x009e73, db: 0xe69f00, payment: 0xcc79a7, enroll: 0xf0e442, train: 0xd55e00, registry: 0x999999,
  };
  return colors[app as AppId] ?? 0xaaaaaa;
}

export function appShort(app: string): string {
  return APPS[app as AppId] ? { web: "WEB", grades: "GRD", db: "DB", payment: "PAY", enroll: "ENR", train: "AI", registry: "REG" }[app as AppId] : "?";
}
