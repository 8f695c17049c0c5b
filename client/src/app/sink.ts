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
    // The banner under the top bar shows it and says it aloud.
    notice: (m) => store.update((s) => noticeArrived(s, m.text)),
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
    request: (m) => {
      const team = store.get().view?.teams[m.team]?.name ?? "";
      toast(t(m.status === "approved" ? "lobby.approved" : "lobby.denied", { team }), m.status === "approved" ? "ok" : "bad", 8000);
    },
    // Said once, and plainly: which of this student's actions the server never carried out.
    lost: (m) => {
      const list = m.commands.map((c) => t(`action.${(c.command as { type?: string } | null)?.type ?? "unknown"}`, { defaultValue: String((c.command as { type?: string } | null)?.type ?? "?") }));
      if (list.length > 0) toast(t("play.lostCommands", { count: list.length, list: list.join(", ") }), "bad", 20000);
    },
    bans: (m) => store.update({ bans: m.bans }),
    activity: (m) => store.update({ activity: m }),
    moving: (m) => toast(t("play.moving", { minutes: Math.max(1, Math.ceil(m.withinSeconds / 60)) }), "info", 20000),
  };
}
