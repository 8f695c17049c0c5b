/**
 * The rules that bite on a server, VM or instance, said where the player looks (the details
 * panel): a rented server's bill, failing hardware, what processes on one OS cannot share, what an
 * app needs to serve anything, what a host layer costs its guests.
 */
import { APPS, GUEST_OS, HYPERVISOR_COST, SERVER_MODELS, type AppId, type ModelId, type OsKind } from "../../../../shared/engine/data";
import { clock, money, t } from "../../i18n";
import { cores, gib, needs } from "../../model/describe";
import type { InstanceView, ServerView, VmView } from "../../model/types";
import { h } from "../dom";

export function ruleLines(at: { server: ServerView; vm?: VmView; instance?: InstanceView; tick: number; startMinute?: number }): string[] {
  const { server: s, vm, instance: i, tick } = at;
  const lines: string[] = [];
  if (!vm && !i) {
    const model = SERVER_MODELS[s.model as ModelId];
    if (s.rented && model) lines.push(t("a11y.ruleRented", { price: money(model.rent) }));
    if (s.failingAt > tick) lines.push(t("a11y.ruleFailing", { time: clock((at.startMinute ?? 0) + s.failingAt) }));
    if (s.layer === "bare-linux" || s.layer === "bare-windows") lines.push(t("a11y.ruleSharedOs"));
    if (s.layer === "type2") lines.push(t("a11y.ruleType2", { para: HYPERVISOR_COST.type2.taxPct.para, full: HYPERVISOR_COST.type2.taxPct.full }));
    if (s.layer === "container-host") lines.push(t("a11y.ruleKernel"));
    if (!s.layer) lines.push(t("a11y.ruleNoLayer"));
  }
  if (vm && !i) {
    const os = GUEST_OS[vm.os as OsKind];
    if (os) lines.push(t("a11y.ruleGuestOs", { os: t(`os.${vm.os}`), cpu: cores(os.cpu), mem: gib(os.mem) }));
    if (vm.engine) lines.push(t("a11y.ruleKernel"));
  }
  if (i) {
    const app = APPS[i.app as AppId];
    for (const dep of needs(i.app)) lines.push(t("a11y.ruleNeeds", { app: t(`app.${i.app}`), dep: t(`app.${dep}`), n: app.deps[dep] }));
    if (app?.single) lines.push(t("a11y.ruleSingle"));
    if (app?.runtime && !i.container) lines.push(t("a11y.ruleRuntime", { runtime: `${app.runtime.name === "java" ? "Java" : app.runtime.name} ${app.runtime.version}` }));
    if (app?.isolated) lines.push(t("a11y.ruleIsolated"));
  }
  return lines;
}

export function ruleNotes(at: { server: ServerView; vm?: VmView; instance?: InstanceView; tick: number; startMinute?: number }): HTMLElement | null {
  const lines = ruleLines(at);
  if (lines.length === 0) return null;
  return h("div", { class: "rules", testid: "selection-rules" }, h("h4", { text: t("a11y.rulesHere") }), h("ul", {}, lines.map((l) => h("li", { text: l }))));
}
