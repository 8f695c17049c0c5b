import { t } from "../i18n";
import { modalDialog, type Dialog } from "./dialog";
import { h } from "./dom";

function caption(dropped: number): string {
  return dropped > 0 ? t("failure.caption", { dropped }) : t("a11y.failureRecovered");
}

/**
 * What a student trying to see their grades really gets when the portal is overloaded: the
 * sign-in page answering "wrong password" (the real cause is the server, not the password).
 * Opened only when the player asks (the "see what your users see" button), in a real modal; the
 * play screen closes it when the round ends.
 */
export class FailureDialog {
  private dialog: Dialog | null = null;
  private readonly captionEl = h("p", { class: "caption", testid: "failure-caption" });

  open(dropped: number): void {
    this.update(dropped);
    if (this.dialog?.isOpen()) return;
    const page = h("div", { class: "sso", "aria-hidden": "false" },
      h("div", { class: "sso-head", text: t("failure.title") }),
      h("div", { class: "body" },
        h("label", {}, t("failure.user"), h("input", { value: "2023150042", readonly: true, tabindex: "-1" })),
        h("label", {}, t("failure.password"), h("input", { type: "password", value: "********", readonly: true, tabindex: "-1", autocomplete: "off" })),
        h("div", { class: "err" }, h("b", { text: t("failure.message") }), h("br"), h("small", { text: t("failure.detail") })),
        h("button", { type: "button", class: "fake-login", disabled: true, text: t("failure.login") })));
    this.dialog = modalDialog({
      title: t("a11y.failureTitle"), testid: "failure-page", className: "failure", describe: true,
      body: h("div", { class: "stack", style: { alignItems: "center" } }, page, this.captionEl),
      onClose: () => { this.dialog = null; },
    });
    this.dialog.open();
  }

  /** Keeps an open page's count current: it stays up while the spike grows. */
  update(dropped: number): void {
    const text = caption(dropped);
    if (this.captionEl.textContent !== text) this.captionEl.textContent = text;
  }

  isOpen(): boolean {
    return this.dialog?.isOpen() ?? false;
  }

  close(): void {
    this.dialog?.close();
  }
}
