import { SERVER_MODELS, unlicensedWindows, serverFree, vmFree, type Command, type ModelId } from "../../../../shared/engine";
import { buildCommand, selectionActions } from "../../commands/build";
import { clock, t } from "../../i18n";
import { toMatchState, toServer } from "../../model/datacenter";
import type { ClassView, ServerView } from "../../model/types";
import { findInstance } from "../../scenes/layout";
import { h, replace } from "../dom";

export interface SelectionActions {
  /** Sends a command that needs nothing more (sell, delete, remove). */
  send(command: Command): void;
  /** Opens the command panel on `action` with the selected box filled in. */
  openPanel(action: Command["type"], values: Record<string, string>): void;
}

/**
 * What the tapped box is (server, VM or instance), what is free on it, and what can be done to it.
 * Returns false when the box is gone (sold, deleted), so the caller drops the selection.
 */
export function renderSelection(el: HTMLElement, id: string, view: ClassView, team: number, servers: readonly ServerView[], actions: SelectionActions): boolean {
  const server = servers.find((s) => s.id === id);
  const vmHit = servers.flatMap((s) => s.vms.map((v) => ({ v, s }))).find((x) => x.v.id === id);
  const inst = findInstance(servers, id);
  const engineTeam = toMatchState(view, team).teams[team];
  // What the command table offers on this kind of box: sent at once when the box is all it needs.
  const buttons = (box: "server" | "vm" | "instance") => h("div", { class: "row" }, selectionActions(box).map((a) => h("button", {
    testid: a.testid, text: t(`action.${a.type}`),
    onclick: () => (a.needsForm ? actions.openPanel(a.type, { [a.field]: id }) : actions.send(buildCommand(a.type, { [a.field]: id }))),
  })));
  if (server) {
    const engineServer = engineTeam.servers.find((s) => s.id === id) ?? toServer(server);
    const free = serverFree(engineTeam, engineServer);
    const lic = [server.standard ? `${t("edition.standard")} ×${server.standard}` : "", server.datacenter ? t("edition.datacenter") : "", server.essentials ? `${t("edition.essentials")} ×${server.essentials}` : ""].filter(Boolean).join(", ");
    const unlicensed = unlicensedWindows(engineServer);
    replace(el,
      h("h3", { text: `${server.id} · ${t(`model.${server.model}`)}` }),
      h("p", { text: `${server.layer ? t(`layer.${server.layer}`) : t("layer.none")} · ${t("play.free", { cpu: (free.cpu / 1000).toFixed(1), mem: (free.mem / 1024).toFixed(1) })}` }),
      // Licences only matter where Windows can run: say nothing of them on a Linux box that has none.
      h("p", { class: "muted", text: `${t("play.cores", { n: SERVER_MODELS[server.model as ModelId].cpu / 1000 })}${lic ? ` · ${t("play.licences", { list: lic })}` : ""}` }),
      unlicensed > 0 ? h("p", { class: "short", style: { color: "var(--bad)" }, text: t("play.unlicensed", { n: unlicensed }) }) : null,
      buttons("server"));
    return true;
  }
  if (vmHit) {
    const { v, s } = vmHit;
    const engineServer = engineTeam.servers.find((x) => x.id === s.id);
    const engineVm = engineServer?.vms.find((x) => x.id === v.id);
    const free = engineServer && engineVm ? vmFree(engineVm, engineServer) : null;
    replace(el,
      h("h3", { text: `${v.id} · ${t(`os.${v.os}`)} · ${t(`mode.${v.mode}`)}` }),
      h("p", { text: `${v.vcpus} vCPU · ${(v.mem / 1024).toFixed(1)} GiB${free ? ` · ${t("play.free", { cpu: (free.cpu / 1000).toFixed(1), mem: (free.mem / 1024).toFixed(1) })}` : ""}` }),
      view.tick < v.readyAt ? h("p", { class: "muted", text: `${t("play.booting")} → ${clock(view.round.startMinute + v.readyAt)}` }) : null,
      buttons("vm"));
    return true;
  }
  if (inst) {
    const i = inst.instance;
    const status = view.tick < i.readyAt ? t(i.container ? "play.pulling" : "play.booting") : view.tick < i.downUntil ? t("play.down", { time: clock(view.round.startMinute + i.downUntil) }) : t("play.load", { pct: i.load });
    replace(el,
      h("h3", { text: `${i.id} · ${t(`app.${i.app}`)}` }),
      h("p", { text: `${t(i.container ? "play.container" : "play.process")} · ${i.cpu} m · ${i.mem} MiB${i.memLimited ? ` (${t("play.memLimited")})` : ""} · ${status}` }),
      buttons("instance"));
    return true;
  }
  return false;
}
