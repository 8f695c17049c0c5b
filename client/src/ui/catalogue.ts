import type { DragItem } from "../commands/build";
import { COMMAND_TYPES, rowOf } from "../commands/table";
import { t } from "../i18n";
import type { RoundView } from "../model/types";
import { h } from "./dom";

export interface CatalogueEntry {
  item: DragItem;
  label: string;
  detail: string;
  testid: string;
}

/** What can be dragged onto the racks this round, grouped as the command table says. */
export function catalogueEntries(round: RoundView): { group: string; entries: CatalogueEntry[] }[] {
  return COMMAND_TYPES.flatMap((type) => {
    const cat = rowOf(type).catalogue;
    const entries = cat?.items(round).map(({ values, ...rest }) => ({ item: { type, values }, ...rest })) ?? [];
    return cat && entries.length > 0 ? [{ group: t(cat.group), entries }] : [];
  });
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
