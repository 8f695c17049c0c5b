/**
 * A real modal dialog: the native <dialog> opened with showModal() (the page behind it is inert and
 * unreachable by pointer or screen reader), named by its title, Tab and Shift+Tab kept inside it,
 * Escape and the close button closing it, and focus given back to whatever had it before. Every
 * dialog in the client is one of these (the failure page, the teacher's confirmations).
 */
import { t } from "../i18n";
import { h, type Child } from "./dom";

export interface DialogOptions {
  /** Names the dialog (aria-labelledby) and heads it. */
  title: string;
  testid?: string;
  /** Extra class on the <dialog> (its look). */
  className?: string;
  /** Shown under the title; also the dialog's description (aria-describedby) when `describe` is set. */
  body?: Child;
  describe?: boolean;
  /** Buttons along the bottom; without any, a Close button. */
  actions?: HTMLButtonElement[];
  /** Where focus starts (default: the first action, else the close button). */
  initialFocus?: () => HTMLElement | null;
  /** Told once each time the dialog closes, with why. */
  onClose?: (reason: "cancel" | "action" | "closed") => void;
}

export interface Dialog {
  readonly el: HTMLDialogElement;
  open(): void;
  close(reason?: "cancel" | "action" | "closed"): void;
  isOpen(): boolean;
}

let serial = 0;

const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest("[hidden]") && el.getClientRects().length > 0);
}

export function modalDialog(opts: DialogOptions): Dialog {
  const id = `dlg-${++serial}`;
  const closeBtn = h("button", { type: "button", class: "dialog-x", "aria-label": t("common.close"), testid: opts.testid ? `${opts.testid}-x` : undefined, text: "×" });
  const actions = opts.actions && opts.actions.length > 0 ? opts.actions : [h("button", { type: "button", testid: opts.testid ? `${opts.testid}-close` : undefined, text: t("common.close") })];
  const usesDefaultClose = !opts.actions || opts.actions.length === 0;
  const body = h("div", { class: "dialog-body", id: `${id}-body` }, opts.body ?? null);
  const el = h("dialog", {
    class: `dialog${opts.className ? ` ${opts.className}` : ""}`, testid: opts.testid, "aria-labelledby": `${id}-title`,
    "aria-describedby": opts.describe ? `${id}-body` : undefined, "aria-modal": "true",
  },
  h("div", { class: "dialog-head" }, h("h2", { id: `${id}-title`, text: opts.title }), closeBtn),
  body,
  h("div", { class: "dialog-actions row" }, actions));
  let opener: Element | null = null;
  let why: "cancel" | "action" | "closed" = "closed";

  const close = (reason: "cancel" | "action" | "closed" = "closed") => {
    if (!el.open) return;
    why = reason;
    el.close();
  };
  closeBtn.addEventListener("click", () => close("cancel"));
  if (usesDefaultClose) actions[0].addEventListener("click", () => close("cancel"));
  // Escape: the browser cancels the dialog; say so the same way as the close button.
  el.addEventListener("cancel", (e) => {
    e.preventDefault();
    close("cancel");
  });
  el.addEventListener("close", () => {
    el.remove();
    const back = opener as HTMLElement | null;
    opener = null;
    if (back && back.isConnected && typeof back.focus === "function") back.focus();
    opts.onClose?.(why);
  });
  // showModal makes the page inert, but Tab would still reach the browser's own UI: wrap it.
  el.addEventListener("keydown", (e) => {
    if (e.key !== "Tab") return;
    const list = focusables(el);
    if (list.length === 0) return;
    const first = list[0];
    const last = list[list.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  });
  // A click on the backdrop (outside the box) closes, as the close button would.
  el.addEventListener("click", (e) => {
    if (e.target !== el) return;
    const r = el.getBoundingClientRect();
    const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
    if (!inside) close("cancel");
  });

  return {
    el,
    open() {
      if (el.open) return;
      opener = document.activeElement;
      why = "closed";
      document.body.append(el);
      el.showModal();
      (opts.initialFocus?.() ?? (usesDefaultClose ? closeBtn : actions[0])).focus();
    },
    close,
    isOpen: () => el.open,
  };
}

/**
 * Asks before something that cannot be undone (ending a round for everyone). Resolves true only
 * when the confirming button is pressed; Escape, the close button or Cancel resolve false.
 */
export function confirmDialog(opts: { title: string; message: string; confirm: string; cancel?: string; danger?: boolean; testid?: string }): Promise<boolean> {
  return new Promise((resolve) => {
    let answer = false;
    const yes = h("button", { type: "button", class: opts.danger ? "danger-solid" : "primary", testid: opts.testid ? `${opts.testid}-yes` : undefined, text: opts.confirm });
    const no = h("button", { type: "button", testid: opts.testid ? `${opts.testid}-no` : undefined, text: opts.cancel ?? t("common.cancel") });
    const dialog = modalDialog({
      title: opts.title, testid: opts.testid, className: "confirm", describe: true,
      body: h("p", { text: opts.message }), actions: [no, yes],
      // The safe answer has the focus: Enter by habit does not end anything.
      initialFocus: () => no,
      onClose: () => resolve(answer),
    });
    yes.addEventListener("click", () => { answer = true; dialog.close("action"); });
    no.addEventListener("click", () => dialog.close("cancel"));
    dialog.open();
  });
}
