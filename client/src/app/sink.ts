import { errorText, t } from "../i18n";
import type { NetSink } from "../net/types";
import type { Store } from "../store/store";
import {
  closed, debriefArrived, historyArrived, noticeArrived, reconnecting, stateArrived, welcomed, type AppState,
} from "../store/state";
import { toast } from "../ui/toasts";

/** The connection's news into the store; what is news for a moment only (refusals, notices) also as a toast. */
export function storeSink(store: Store<AppState>): NetSink {
  return {
    state: (view) => store.update((s) => stateArrived(s, view)),
    welcome: (m) => store.update(welcomed(m)),
    history: (m) => store.update((s) => historyArrived(s, m)),
    debrief: (m) => store.update((s) => debriefArrived(s, m)),
    notice: (m) => {
      toast(`${t("play.notice")}: ${m.text}`, "info", 12000);
      store.update((s) => noticeArrived(s, m.text));
    },
    error: (m) => toast(errorText(m.error), "bad"),
    applied: (m) => {
      if (!m.ok) toast(errorText(m.error), "bad");
    },
    reconnecting: (attempt, interrupted) => store.update((s) => reconnecting(s, attempt, interrupted)),
    reconnected: () => {
      store.update((s) => ({ link: { status: "online", code: s.link.status === "idle" ? "" : s.link.code } }));
      toast(t("common.reconnected"), "ok");
    },
    closed: (reason) => store.update((s) => closed(s, reason)),
  };
}
