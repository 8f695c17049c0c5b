import { t } from "../i18n";
import { h } from "./dom";

/**
 * What a student trying to see their grades really gets when the portal is overloaded: the
 * sign-in page answering "wrong password" (the real cause is the server, not the password).
 */
export function failurePage(dropped: number): void {
  document.querySelector(".failure")?.remove();
  const close = () => overlay.remove();
  const overlay = h("div", { class: "failure", testid: "failure-page", role: "dialog", "aria-modal": "true", onclick: (e: Event) => { if (e.target === overlay) close(); } },
    h("div", { class: "stack", style: { alignItems: "center" } },
      h("div", { class: "sso" },
        h("header", { text: t("failure.title") }),
        h("div", { class: "body" },
          h("label", {}, t("failure.user"), h("input", { value: "2023150042", readonly: true })),
          h("label", {}, t("failure.password"), h("input", { type: "password", value: "********", readonly: true })),
          h("div", { class: "err" }, h("b", { text: t("failure.message") }), h("br"), h("small", { text: t("failure.detail") })),
          h("button", { class: "primary", disabled: true, text: t("failure.login") }))),
      h("p", { class: "caption", testid: "failure-caption", text: t("failure.caption", { dropped }) }),
      h("button", { testid: "failure-close", onclick: close, text: t("common.close") })));
  document.body.append(overlay);
  (overlay.querySelector("[data-testid=failure-close]") as HTMLButtonElement).focus();
  const onKey = (e: KeyboardEvent) => { if (e.key === "Escape") { close(); window.removeEventListener("keydown", onKey); } };
  window.addEventListener("keydown", onKey);
}

/** Takes the failure page down (the round is over: it must not cover the debrief). */
export function closeFailurePage(): void {
  document.querySelector(".failure")?.remove();
}

/** Keeps an open failure page's count current: it stays up while the spike grows. */
export function updateFailurePage(dropped: number): void {
  const caption = document.querySelector(".failure [data-testid=failure-caption]");
  if (caption) caption.textContent = t("failure.caption", { dropped });
}
