import { unlicensedWindows, serverFree, vmFree, type Command, type MatchState } from "../../../../shared/engine";
import { buildCommand, selectionActions } from "../../commands/build";
import { t } from "../../i18n";
import {
  cores, gib, instanceStatus, instanceWhat, needs, serverHeader, serverLoad, serverSize, vmStatus, vmWhat,
} from "../../model/describe";
import type { ServerView } from "../../model/types";
import { findInstance } from "../../scenes/layout";
import { h, replace } from "../dom";
import { ruleNotes } from "./rules";

export interface SelectionActions {
  /** Sends a command that needs nothing more (sell, delete, remove). */
  send(command: Command): void;
  /** Opens the command panel on `action` with the selected box filled in. */
  openPanel(action: Command["type"], values: Record<string, string>): void;
}

/**
 * What the selected server, VM or instance is, what is free on it, what runs on it, the rules that
 * bite there, and what can be done to it (the same buttons from the racks and from the list).
 * Returns false when the box is gone (sold, deleted), so the caller drops the selection.
 */
export function renderSelection(el: HTMLElement, id: string, engine: MatchState, team: number, servers: readonly ServerView[], at: { tick: number; startMinute: number }, actions: SelectionActions): boolean {
  const { tick, startMinute } = at;
  const server = servers.find((s) => s.id === id);
  const vmHit = servers.flatMap((s) => s.vms.map((v) => ({ v, s }))).find((x) => x.v.id === id);
  const inst = findInstance(servers, id);
  const engineTeam = engine.teams[team];
  const running = new Set(servers.flatMap((s) => [...s.instances, ...s.vms.flatMap((v) => v.instances)]).filter((i) => tick >= i.readyAt).map((i) => i.app));
  // Two parts, each redrawn only when it changes: the figures move every minute, the buttons (and
  // the focus on one of them) stay put while the same box is selected.
  if (!el.querySelector(":scope > .sel-info")) el.replaceChildren(h("div", { class: "sel-info" }), h("div", { class: "sel-actions" }));
  const info = el.querySelector<HTMLElement>(":scope > .sel-info")!;
  const actionsEl = el.querySelector<HTMLElement>(":scope > .sel-actions")!;
  // What the command table offers on this kind of box: sent at once when the box is all it needs.
  const buttons = (box: "server" | "vm" | "instance") => {
    replace(actionsEl, h("div", { class: "row", role: "group", "aria-label": t("a11y.actionsFor", { id }) }, selectionActions(box).map((a) => h("button", {
      type: "button", testid: a.testid, "data-for": id, text: a.needsForm ? `${t(`action.${a.type}`)}…` : t(`action.${a.type}`),
      onclick: () => (a.needsForm ? actions.openPanel(a.type, { [a.field]: id }) : actions.send(buildCommand(a.type, { [a.field]: id }))),
    }))));
    return null;
  };
  const heading = (text: string) => h("h3", { id: "selection-title", text });
  if (server) {
    const engineServer = engineTeam.servers.find((s) => s.id === id)!;
    const free = serverFree(engineTeam, engineServer);
    const lic = [server.standard ? `${t("edition.standard")} ×${server.standard}` : "", server.datacenter ? t("edition.datacenter") : "", server.essentials ? `${t("edition.essentials")} ×${server.essentials}` : "", server.ha ? t("edition.ha") : ""].filter(Boolean).join(", ");
    const unlicensed = unlicensedWindows(engineServer);
    const onIt = [
      ...server.vms.map((v) => `${v.id} · ${vmWhat(v)} · ${vmStatus(v, tick, startMinute)}${v.instances.length ? `: ${v.instances.map((i) => `${i.id} ${t(`app.${i.app}`)}`).join(", ")}` : ""}`),
      ...server.instances.map((i) => `${i.id} · ${instanceWhat(i)} · ${instanceStatus(i, server, tick, startMinute)}`),
    ];
    replace(info,
      heading(serverHeader(server, tick, startMinute)),
      h("p", { text: `${serverSize(server)} · ${t("a11y.freeOf", { free: cores(free.cpu), mem: gib(free.mem) })} · ${t("a11y.busy", { pct: serverLoad(server) })}` }),
      lic ? h("p", { class: "muted", text: t("play.licences", { list: lic }) }) : null,
      unlicensed > 0 ? h("p", { class: "warn-text", text: t("play.unlicensed", { n: unlicensed }) }) : null,
      h("h4", { text: t("a11y.runsHere") }),
      h("ul", { testid: "selection-contents" }, onIt.length ? onIt.map((line) => h("li", { text: line })) : h("li", { class: "muted", text: t("a11y.nothingHere") })),
      ruleNotes({ server, tick, startMinute }),
      buttons("server"));
    return true;
  }
  if (vmHit) {
    const { v, s } = vmHit;
    const engineServer = engineTeam.servers.find((x) => x.id === s.id);
    const engineVm = engineServer?.vms.find((x) => x.id === v.id);
    const free = engineServer && engineVm ? vmFree(engineVm, engineServer) : null;
    replace(info,
      heading(`${v.id} · ${vmWhat(v)}`),
      h("p", { text: [t("a11y.onServer", { server: s.id }), free ? t("a11y.freeOf", { free: cores(free.cpu), mem: gib(free.mem) }) : "", vmStatus(v, tick, startMinute)].filter(Boolean).join(" · ") }),
      h("h4", { text: t("a11y.runsHere") }),
      h("ul", { testid: "selection-contents" }, v.instances.length ? v.instances.map((i) => h("li", { text: `${i.id} · ${instanceWhat(i)} · ${instanceStatus(i, s, tick, startMinute)}` })) : h("li", { class: "muted", text: t("a11y.nothingHere") })),
      ruleNotes({ server: s, vm: v, tick, startMinute }),
      buttons("vm"));
    return true;
  }
  if (inst) {
    const i = inst.instance;
    const missing = needs(i.app).filter((a) => !running.has(a));
    replace(info,
      heading(`${i.id} · ${t(`app.${i.app}`)}`),
      h("p", { text: `${instanceWhat(i)} · ${instanceStatus(i, inst.server, tick, startMinute)} · ${t("a11y.onServer", { server: inst.vm ? `${inst.vm.id} (${inst.server.id})` : inst.server.id })}` }),
      missing.length ? h("p", { class: "warn-text", testid: "selection-needs", text: t("a11y.needsApp", { app: missing.map((a) => t(`app.${a}`)).join(", ") }) }) : null,
      ruleNotes({ server: inst.server, instance: i, tick, startMinute }),
      buttons("instance"));
    return true;
  }
  return false;
}
