import { t } from "../i18n";
import { speak } from "./announce";
import { h } from "./dom";

/**
 * Copies `text` to the clipboard: the Clipboard API where the page is a secure context, else the
 * old select-and-copy (a classroom server on a LAN address is plain http, where the API is missing).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch { /* fall back below */ }
  const area = h("textarea", { value: text, readonly: true, "aria-hidden": "true", style: { position: "fixed", left: "-9999px", top: "0" } });
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch { /* not allowed */ }
  area.remove();
  return ok;
}

/** A "Copy link" button: says (and shows) whether the link is on the clipboard. */
export function copyLinkButton(url: string, testid = "copy-link"): HTMLButtonElement {
  const label = t("a11y.copyLink");
  const button = h("button", { type: "button", testid, text: label });
  button.addEventListener("click", async () => {
    const ok = await copyText(url);
    const said = ok ? t("common.copied") : t("a11y.copyFailed", { url });
    button.textContent = ok ? `✓ ${t("common.copied")}` : label;
    speak("news", said);
    if (ok) setTimeout(() => { button.textContent = label; }, 2500);
  });
  return button;
}
