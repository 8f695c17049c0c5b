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

/**
 * The catalogue: real buttons. A pointer drags one onto the racks (or taps it, then a server); the
 * keyboard (Enter or Space) opens the command panel with the item filled in (`onChoose`).
 */
export function renderCatalogue(round: RoundView, onGrab: (entry: CatalogueEntry, e: PointerEvent) => void, onChoose: (entry: CatalogueEntry) => void): HTMLElement {
  // Open on wide screens; on a phone it folds away above the racks until needed.
  const open = window.matchMedia("(min-width: 721px)").matches;
  return h("details", { class: "panel catalogue", testid: "catalogue", open },
    h("summary", { testid: "catalogue-toggle", text: t("play.catalogue") }),
    h("p", { class: "muted small", style: { marginTop: 0 }, text: t("a11y.catalogueHint") }),
    catalogueEntries(round).map(({ group, entries }) => [
      h("h3", { class: "h4", text: group }),
      h("div", { class: "group", role: "group", "aria-label": group }, entries.map((entry) => h("button", {
        type: "button", class: "item", testid: entry.testid,
        onpointerdown: (e: PointerEvent) => { if (e.button === 0) onGrab(entry, e); },
        // A click from the keyboard has no pointer position (detail 0); a pointer's is the drag's.
        onclick: (e: MouseEvent) => { if (e.detail === 0) onChoose(entry); },
      }, h("b", { text: entry.label }), h("small", { text: entry.detail })))),
    ]));
}
