import { clock, localized, t } from "../i18n";
import type { FeedEntryView } from "../model/types";
import { h, replace } from "./dom";

/** One line of the team feed in the reader's language: who did what, or what happened. */
export function feedText(entry: FeedEntryView): string {
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(entry.data) as Record<string, unknown>;
  } catch { /* shown as-is below */ }
  if (entry.kind === "command") {
    const who = entry.seat === -1 ? t("feed.bot") : entry.who;
    return localized(`feed.${String(data.type)}`, { ...data, who });
  }
  if (entry.kind === "notice") return t("feed.notice", { text: String(data.text ?? "") });
  if (entry.kind === "event") {
    if (data.kind === "incident") {
      const title = t(`incident.${String(data.incident)}`);
      const hit = Array.isArray(data.hit) ? data.hit.length : 0;
      return hit === 0 ? t("incident.nothing", { title }) : `${t("feed.incident", { title })} — ${localized(`incident.desc-${String(data.incident)}`, { app: data.app ?? "", hit, cost: data.cost ?? 0 })}`;
    }
    // A warning names how long until the hardware dies (the event carries the tick it dies at).
    const minutes = typeof data.at === "number" ? data.at - entry.tick : undefined;
    return localized(`feed.${String(data.kind)}`, { ...data, minutes });
  }
  return entry.data;
}

export function renderFeed(list: HTMLElement, entries: readonly FeedEntryView[], startMinute: number): void {
  const items = [...entries].reverse().map((e) => h("li", {}, h("span", { class: "t", text: clock(startMinute + e.tick) }), feedText(e)));
  // An empty box with a title reads as broken: say that nothing has happened yet.
  replace(list, ...(items.length ? items : [h("li", { class: "muted", text: t("a11y.nothingHere") })]));
}
