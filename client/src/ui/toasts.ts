import { t } from "../i18n";
import { speak } from "./announce";
import { h } from "./dom";

/** The corner stack; in index.html from page load, made here only where there is none. */
function host(): HTMLElement {
  let el = document.querySelector<HTMLElement>("[data-testid=toasts]");
  if (!el) {
    el = h("div", { class: "toasts", testid: "toasts" });
    document.body.append(el);
  }
  return el;
}

/**
 * Short messages in the corner, also spoken (an error is a refusal: it interrupts; the rest waits).
 * Confirmations and notes fade on their own; an error stays until its × is pressed, so nobody has
 * to read it against a timer.
 */
export function toast(text: string, kind: "bad" | "ok" | "info" = "info", ms = 6000): void {
  const stack = host();
  const el = h("div", { class: `toast ${kind}`, testid: `toast-${kind}` }, h("span", { text }));
  if (kind === "bad") {
    el.append(h("button", { type: "button", class: "toast-x", testid: "toast-dismiss", "aria-label": `${t("a11y.dismiss")}: ${text}`, text: "×", onclick: () => el.remove() }));
  } else setTimeout(() => el.remove(), ms);
  stack.append(el);
  // Old confirmations go first; errors the student has not dismissed stay while there is room.
  while (stack.children.length > 5) (stack.querySelector(".toast:not(.bad)") ?? stack.firstElementChild)?.remove();
  // A refusal of what this person just did interrupts; the rest waits its turn.
  speak(kind === "bad" ? "refusal" : "news", text);
}

/** Takes down the error toasts: a round's refusals mean nothing once its debrief is on screen (they covered its cards). */
export function clearErrorToasts(): void {
  for (const el of host().querySelectorAll(".toast.bad")) el.remove();
}
