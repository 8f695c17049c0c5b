/** Where the keyboard (and a screen reader's reading) goes when a screen changes, and what the tab is called. */
import { t } from "../i18n";
import type { Screen } from "../screens/screen";
import type { ScreenKey } from "../store/selectors";
import type { AppState } from "../store/state";

/** Each screen's own page title (tabs, history and screen readers tell screens apart by it). */
export function pageTitle(key: ScreenKey, s: AppState): string {
  const code = s.view?.code ?? (s.route.name === "play" || s.route.name === "host" || s.route.name === "projector" ? s.route.code : "");
  const what = t(`a11y.title.${key}`, { code });
  return `${what} · ${t("brand.name")}`;
}

/**
 * Moves focus to the start of a new screen: the element the screen names (`focusStart`), else its
 * first heading, made focusable for this. After a language switch the switch keeps the focus.
 * Focus inside an open dialog is left alone.
 */
export function focusScreenStart(root: HTMLElement, why: "screen" | "lang", screen: Screen): void {
  if (document.querySelector("dialog[open]")) return;
  if (why === "lang") {
    root.querySelector<HTMLElement>("[data-testid=lang-switch]")?.focus();
    return;
  }
  const target = screen.focusStart?.() ?? root.querySelector<HTMLElement>("main h1, h1");
  if (!target) return;
  if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: false });
}
