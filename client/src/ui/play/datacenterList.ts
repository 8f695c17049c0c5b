/**
 * The datacenter as a keyboard- and screen-reader-navigable tree, beside the racks: servers → host
 * layer → VMs → instances, each with its load, free capacity and state. It reads the same
 * ServerView rows the canvas draws (no second model) and is updated in place every minute, so the
 * focused item keeps the focus. One Tab stop; arrows move (ARIA tree pattern); Enter or Space opens
 * the item's details and actions (the same panel a tap on the racks opens).
 */
import { serverFree, vmFree, type MatchState } from "../../../../shared/engine";
import { t } from "../../i18n";
import {
  cores, gib, instanceStatus, instanceWhat, needs, serverHeader, serverLoad, serverSize, vmStatus, vmWhat,
} from "../../model/describe";
import type { InstanceView, ServerView } from "../../model/types";
import { h } from "../dom";

export interface ListNode {
  /** The id of what it stands for; a host layer's node is `<server>:layer`. */
  id: string;
  kind: "server" | "layer" | "vm" | "instance";
  label: string;
  /** Something is wrong with it (down, failing, serves nothing): said first, drawn in the warning colour. */
  alert: boolean;
  children: ListNode[];
}

/** The tree's nodes for a team's servers: what the list shows, also handy for tests. */
export function listNodes(servers: readonly ServerView[], engine: MatchState | null, team: number, tick: number, startMinute: number): ListNode[] {
  const engineTeam = engine?.teams[team];
  const running = new Set(servers.flatMap((s) => [...s.instances, ...s.vms.flatMap((v) => v.instances)]).filter((i) => tick >= i.readyAt && tick >= i.downUntil).map((i) => i.app));
  const instanceNode = (i: InstanceView, s: ServerView): ListNode => {
    const missing = needs(i.app).filter((a) => !running.has(a));
    const status = instanceStatus(i, s, tick, startMinute);
    const blocked = missing.length > 0 ? t("a11y.needsApp", { app: missing.map((a) => t(`app.${a}`)).join(", ") }) : "";
    return {
      id: i.id, kind: "instance", children: [], alert: blocked !== "" || tick < i.downUntil || s.failedUntil > tick,
      label: [i.id, instanceWhat(i), status, blocked].filter(Boolean).join(" · "),
    };
  };
  return servers.map((s) => {
    const engineServer = engineTeam?.servers.find((x) => x.id === s.id);
    const free = engineTeam && engineServer ? serverFree(engineTeam, engineServer) : null;
    const freeText = free ? t("a11y.freeOf", { free: cores(free.cpu), mem: gib(free.mem) }) : "";
    const header = serverHeader(s, tick, startMinute);
    const vms = s.vms.map((v): ListNode => {
      const engineVm = engineServer?.vms.find((x) => x.id === v.id);
      const vfree = engineServer && engineVm ? vmFree(engineVm, engineServer) : null;
      return {
        id: v.id, kind: "vm", alert: tick < v.downUntil,
        label: [v.id, vmWhat(v), vfree ? t("a11y.freeOf", { free: cores(vfree.cpu), mem: gib(vfree.mem) }) : "", vmStatus(v, tick, startMinute)].filter(Boolean).join(" · "),
        children: v.instances.map((i) => instanceNode(i, s)),
      };
    });
    const layer: ListNode = {
      id: `${s.id}:layer`, kind: "layer", alert: false,
      label: s.layer ? `${t("a11y.hostLayer")}: ${t(`layer.${s.layer}`)}${tick < s.layerReadyAt ? ` · ${t("play.installing", { time: "" }).trim()}` : ""}` : t("a11y.noLayer"),
      children: [...vms, ...s.instances.map((i) => instanceNode(i, s))],
    };
    return {
      id: s.id, kind: "server", alert: s.failedUntil > tick || s.failingAt > tick,
      label: [header, serverSize(s), freeText, t("a11y.busy", { pct: serverLoad(s) })].filter(Boolean).join(" · "),
      children: [layer],
    };
  });
}

interface Item {
  li: HTMLLIElement;
  node: ListNode;
  level: number;
  parent: string | null;
}

export interface DatacenterList {
  el: HTMLElement;
  update(nodes: ListNode[]): void;
  /** Marks the item the racks or the list selected (null: none). */
  select(id: string | null): void;
  /** Puts the keyboard back on an item (after its details panel is left with Escape). */
  focus(id: string): void;
}

/**
 * `open(id)`: Enter or Space on an item (a host layer's node opens its server); `choose(id)`: the
 * item under the keyboard changed (the racks highlight it).
 */
export function datacenterList(label: string, open: (id: string) => void, choose: (id: string | null) => void): DatacenterList {
  const tree = h("ul", { role: "tree", "aria-label": label, class: "dc-tree", testid: "dc-tree" });
  const empty = h("p", { class: "muted", testid: "dc-tree-empty", text: t("play.noServers") });
  const items = new Map<string, Item>();
  const collapsed = new Set<string>();
  let active: string | null = null;
  let selected: string | null = null;

  const visible = (): Item[] => [...tree.children].filter((li) => !(li as HTMLElement).hidden).map((li) => items.get((li as HTMLElement).dataset.id!)!);
  /** Hides every item under a collapsed one (the tree is flat: levels say what is inside what). */
  const applyCollapse = () => {
    let hideBelow = Infinity;
    for (const li of tree.children as HTMLCollectionOf<HTMLLIElement>) {
      const it = items.get(li.dataset.id!)!;
      if (it.level <= hideBelow) hideBelow = Infinity;
      li.hidden = it.level > hideBelow;
      if (!li.hidden && collapsed.has(it.node.id) && it.node.children.length > 0) hideBelow = it.level;
    }
  };
  const setActive = (id: string | null, move: boolean) => {
    if (active && items.get(active)) items.get(active)!.li.tabIndex = -1;
    active = id && items.has(id) ? id : visible()[0]?.node.id ?? null;
    if (!active) return;
    const it = items.get(active)!;
    it.li.tabIndex = 0;
    if (move) {
      it.li.focus();
      choose(it.node.kind === "layer" ? it.parent : it.node.id);
    }
  };
  const toggle = (id: string, open: boolean) => {
    const it = items.get(id);
    if (!it || it.node.children.length === 0) return;
    if (open) collapsed.delete(id);
    else collapsed.add(id);
    it.li.setAttribute("aria-expanded", String(open));
    applyCollapse();
  };

  tree.addEventListener("keydown", (e) => {
    const list = visible();
    const i = list.findIndex((x) => x.node.id === active);
    const cur = list[i];
    if (!cur) return;
    const go = (it: Item | undefined) => it && setActive(it.node.id, true);
    switch (e.key) {
      case "ArrowDown": go(list[i + 1]); break;
      case "ArrowUp": go(list[i - 1]); break;
      case "Home": go(list[0]); break;
      case "End": go(list[list.length - 1]); break;
      case "ArrowRight":
        if (cur.node.children.length === 0) return;
        if (collapsed.has(cur.node.id)) toggle(cur.node.id, true);
        else go(items.get(cur.node.children[0].id));
        break;
      case "ArrowLeft":
        if (cur.node.children.length > 0 && !collapsed.has(cur.node.id)) toggle(cur.node.id, false);
        else if (cur.parent) go(items.get(cur.parent));
        break;
      case "Enter": case " ":
        open(cur.node.kind === "layer" ? cur.parent! : cur.node.id);
        break;
      default: return;
    }
    e.preventDefault();
  });
  tree.addEventListener("click", (e) => {
    const li = (e.target as HTMLElement).closest<HTMLLIElement>("li[role=treeitem]");
    if (!li) return;
    e.stopPropagation();
    setActive(li.dataset.id!, true);
    const it = items.get(li.dataset.id!)!;
    open(it.node.kind === "layer" ? it.parent! : it.node.id);
  });

  /**
   * Keeps the tree's items in depth-first order of `nodes` (a flat ARIA tree: each item's level
   * says where it sits, so its name is its own line and not its children's), moving only what is
   * out of place (a moved element loses the focus).
   */
  const place = (nodes: ListNode[], seen: Set<string>) => {
    const order: Item[] = [];
    const walk = (list: ListNode[], level: number, parentId: string | null) => list.forEach((node, k) => {
      let it = items.get(node.id);
      if (!it) {
        const li = h("li", { role: "treeitem", tabindex: "-1", "data-id": node.id, testid: `dc-item-${node.id}` }, h("span", { class: "dc-text" }));
        it = { li, node, level, parent: parentId };
        items.set(node.id, it);
      }
      it.node = node;
      it.level = level;
      it.parent = parentId;
      seen.add(node.id);
      const text = it.li.firstElementChild!;
      if (text.textContent !== node.label) text.textContent = node.label;
      it.li.className = `dc-${node.kind}${node.alert ? " alert" : ""}`;
      it.li.style.setProperty("--level", String(level - 1));
      it.li.setAttribute("aria-level", String(level));
      it.li.setAttribute("aria-setsize", String(list.length));
      it.li.setAttribute("aria-posinset", String(k + 1));
      it.li.setAttribute("aria-selected", String(selected === node.id));
      if (node.children.length > 0) it.li.setAttribute("aria-expanded", String(!collapsed.has(node.id)));
      else it.li.removeAttribute("aria-expanded");
      order.push(it);
      walk(node.children, level + 1, node.id);
    });
    walk(nodes, 1, null);
    order.forEach((it, k) => { if (tree.children[k] !== it.li) tree.insertBefore(it.li, tree.children[k] ?? null); });
    while (tree.children.length > order.length) tree.lastElementChild!.remove();
    applyCollapse();
  };

  const el = h("section", { class: "panel dc-list", testid: "dc-list", "aria-labelledby": "dc-list-title" },
    h("h2", { id: "dc-list-title", class: "h3", text: label }),
    h("p", { class: "muted small", id: "dc-list-help", text: t("a11y.treeHelp") }),
    empty, tree);
  tree.setAttribute("aria-describedby", "dc-list-help");
  return {
    el,
    update(nodes) {
      const hadFocus = tree.contains(document.activeElement);
      const seen = new Set<string>();
      place(nodes, seen);
      for (const id of [...items.keys()]) if (!seen.has(id)) items.delete(id);
      empty.hidden = nodes.length > 0;
      tree.hidden = nodes.length === 0;
      // The one Tab stop stays on the item it was on, or the first one if that item is gone.
      setActive(active, hadFocus && !tree.contains(document.activeElement));
    },
    select(id) {
      if (selected === id) return;
      if (selected) items.get(selected)?.li.setAttribute("aria-selected", "false");
      selected = id;
      if (id) items.get(id)?.li.setAttribute("aria-selected", "true");
      if (id && items.has(id) && !tree.contains(document.activeElement)) setActive(id, false);
    },
    focus(id) {
      setActive(id, true);
    },
  };
}
