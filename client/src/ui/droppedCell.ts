import { APPS, type AppId } from "../../../shared/engine/data";
import { t } from "../i18n";
import { h } from "./dom";

/**
 * The "dropped" cell of an app's row. A backend drops nothing itself: its unanswered queries show
 * in brackets, since the requests fail at the app that asked.
 */
export function droppedCell(app: AppId, tr: { demand: number; served: number; dropped: number } | undefined): HTMLElement {
  const backend = APPS[app].role === "backend";
  const n = backend ? Math.max(0, (tr?.demand ?? 0) - (tr?.served ?? 0)) : (tr?.dropped ?? 0);
  // Never a bare "(62)": the backend's figure says what it counts, in words.
  return h("td", { class: n > 0 ? "short" : "", title: backend ? t("play.unanswered") : undefined },
    String(n), backend && n > 0 ? h("span", { class: "note", text: t("a11y.unansweredShort") }) : null);
}
