import { APPS, GUEST_OS, LICENCES, SERVER_MODELS, type AppId, type LayerKind, type ModelId } from "../../../shared/engine/data";
import { money, t } from "../i18n";
import type { RoundView } from "../model/types";
import { VM_PRESETS } from "../../../shared/scenarios/presets";
import { h } from "./dom";
import type { DragItem } from "./drag";

export interface CatalogueEntry {
  item: DragItem;
  label: string;
  detail: string;
  testid: string;
}

export function catalogueEntries(round: RoundView): { group: string; entries: CatalogueEntry[] }[] {
  const unlocks = new Set(round.unlocks);
  const hypervisor = unlocks.has("type1") || unlocks.has("type2");
  const windows = unlocks.has("bare-windows") || hypervisor;
  const groups: { group: string; entries: CatalogueEntry[] }[] = [];
  groups.push({
    group: t("play.servers"),
    entries: (Object.keys(SERVER_MODELS) as ModelId[]).map((m) => {
      const s = SERVER_MODELS[m];
      return {
        item: { kind: "model", model: m }, label: t(`model.${m}`), testid: `cat-model-${m}`,
        detail: t("model.desc", { cores: s.cpu / 1000, mem: s.mem / 1024, gpu: s.gpu ? ` · ${s.gpu} GPU` : "", price: money(s.price) }),
      };
    }),
  });
  groups.push({
    group: t("play.layers"),
    entries: (round.unlocks as LayerKind[]).map((l) => ({
      item: { kind: "layer", layer: l }, label: t(`layer.${l}`), detail: t(`layer.desc-${l}`), testid: `cat-layer-${l}`,
    })),
  });
  if (hypervisor) {
    groups.push({
      group: t("play.vms"),
      entries: VM_PRESETS.map((p) => ({
        item: { kind: "vm", ...p },
        label: `${t(`os.${p.os}`)} VM · ${p.vcpus} vCPU${p.engine ? ` + ${t("play.containers")}` : ""}`,
        detail: `${(p.mem / 1024).toFixed(1)} GiB · ${t(`mode.${p.mode}`)} · ${GUEST_OS[p.os].bootTicks} min`,
        testid: `cat-vm-${p.os}-${p.vcpus}${p.engine ? "-engine" : ""}`,
      })),
    });
  }
  if (windows) {
    groups.push({
      group: t("action.buyLicence"),
      entries: (["essentials", "standard", "datacenter"] as const).map((e) => ({
        item: { kind: "licence", edition: e }, label: `Windows ${t(`edition.${e}`)}`, detail: money(LICENCES[e].price), testid: `cat-licence-${e}`,
      })),
    });
  }
  groups.push({
    group: t("play.appsTitle"),
    entries: (round.apps as AppId[]).map((a) => ({
      item: { kind: "app", app: a }, label: t(`app.${a}`), testid: `cat-app-${a}`,
      detail: `${t(`app.desc-${a}`)} ${t("play.cores", { n: APPS[a].cpu / 1000 })} · ${APPS[a].mem / 1024} GiB`,
    })),
  });
  return groups;
}

export function renderCatalogue(round: RoundView, onGrab: (entry: CatalogueEntry, e: PointerEvent) => void): HTMLElement {
  // Open on wide screens; on a phone it folds away under the datacenter until needed.
  const open = window.matchMedia("(min-width: 721px)").matches;
  return h("details", { class: "panel catalogue", testid: "catalogue", open },
    h("summary", { testid: "catalogue-toggle", text: t("play.catalogue") }),
    h("p", { class: "muted", style: { fontSize: "0.85rem", marginTop: 0 }, text: t("play.dragHint") }),
    catalogueEntries(round).map(({ group, entries }) => [
      h("h4", { text: group, style: { margin: "0.3rem 0" } }),
      h("div", { class: "group" }, entries.map((entry) => h("div", {
        class: "item", testid: entry.testid, role: "button", "aria-label": `${entry.label}: ${entry.detail}`,
        onpointerdown: (e: PointerEvent) => onGrab(entry, e),
      }, h("b", { text: entry.label }), h("small", { text: entry.detail })))),
    ]));
}
