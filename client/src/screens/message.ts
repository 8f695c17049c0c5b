import { t } from "../i18n";
import { closedReason } from "../store/selectors";
import type { AppState } from "../store/state";
import { h } from "../ui/dom";
import { topbar } from "../ui/topbar";
import { onChange, type Screen } from "./screen";

function waitingText(s: AppState): string {
  if (s.link.status === "reconnecting") return s.link.interrupted ? t("common.restarting", { attempt: s.link.attempt }) : t("common.reconnecting", { attempt: s.link.attempt });
  return t("common.loading");
}

/** While the room is being reached: loading, reconnecting, or waiting for a restarted server. */
export function messageScreen(): Screen {
  const title = h("h1", { class: "h2" });
  const render = onChange(waitingText, (text) => { title.textContent = text; });
  return {
    mount: (root) => root.replaceChildren(topbar(), h("main", { class: "overlay-center", testid: "message" }, title)),
    update: render,
    destroy: () => {},
  };
}

/** Out of the session for good: kicked, the session ended, or the seat could not be recovered. */
export function closedScreen(): Screen {
  const title = h("h1", { class: "h2" });
  return {
    mount: (root) => root.replaceChildren(topbar(), h("main", { class: "overlay-center stack", testid: "closed" },
      title, h("a", { href: "/", class: "target", text: t("common.back") }))),
    update: (s) => { title.textContent = t(`errors.${closedReason(s)}`); },
    destroy: () => {},
  };
}
