/**
 * Getting into a room, every way there is: a student joins by code, a teacher starts a session or
 * a practice room, a reload takes the seat back, a restarted server's session is waited for. One
 * place maps every failure to the words the join form shows.
 */
import { errorText } from "../i18n";
import type { Api } from "../net/api";
import type { Connection } from "../net/connection";
import { joinErrorOf } from "../net/errors";
import type { Role } from "../net/types";
import type { Router } from "../router";
import { joining, type AppState } from "../store/state";
import type { Store } from "../store/store";

/** What a failed attempt to get in reads as, in the reader's language. */
export function failureText(e: unknown): string {
  const err = joinErrorOf(e);
  return errorText({ code: err.code, params: err.params });
}

export interface JoinFlows {
  /** The landing page's actions: each resolves to the error to show, or null once in. */
  join(code: string, nickname: string): Promise<string | null>;
  host(): Promise<string | null>;
  practice(nickname: string): Promise<string | null>;
  /** Opens a room route (/play/CODE, /host/CODE): back into this browser's seat, or the reason why not. */
  enter(code: string, role: Role): Promise<void>;
}

export function joinFlows(store: Store<AppState>, conn: Connection, api: Api, router: Router): JoinFlows {
  const attempt = async (code: string, f: () => Promise<string | void>, path: (code: string) => string): Promise<string | null> => {
    store.update((s) => joining(s, code));
    try {
      const got = await f();
      store.update({ joinError: null });
      router.navigate(path(got || code));
      return null;
    } catch (e) {
      store.update({ link: { status: "idle" } });
      return failureText(e);
    }
  };
  return {
    join: (code, nickname) => attempt(code, () => conn.join(code, nickname), (c) => `/play/${c}`),
    host: () => attempt("", () => conn.hostNew(false), (c) => `/host/${c}`),
    practice: (nickname) => attempt("", () => conn.hostNew(true, nickname.trim() || undefined), (c) => `/play/${c}`),
    async enter(code, role) {
      if (conn.connected && conn.code === code) return;
      store.update((s) => joining(s, code));
      try {
        if (role === "host") await conn.hostResume(code);
        else await conn.resumeSeat(code);
      } catch (e) {
        const status = (await api.sessionStatus(code)).status;
        // The server restarted while this session was open (or is still restarting): wait for it to
        // come back (the teacher's page rebuilds it), then take the seat back.
        if (status === "interrupted" || status === "unreachable") return void conn.recover(code);
        store.update({ link: { status: "idle" }, joinError: status === "ended" ? errorText({ code: "session_ended", params: {} }) : failureText(e) });
        router.redirect(`/join/${code}`);
      }
    },
  };
}
