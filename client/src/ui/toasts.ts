import { h } from "./dom";

let host: HTMLElement | null = null;

/** Short messages in the corner: errors say why, successes confirm, both fade on their own. */
export function toast(text: string, kind: "bad" | "ok" | "info" = "info", ms = 5000): void {
  if (!host) {
    host = h("div", { class: "toasts", role: "status", "aria-live": "polite", testid: "toasts" });
    document.body.append(host);
  }
  const el = h("div", { class: `toast ${kind}`, testid: `toast-${kind}`, text });
  host.append(el);
  while (host.children.length > 4) host.firstChild?.remove();
  setTimeout(() => el.remove(), ms);
}
