import { clock, t } from "../i18n";
import { httpBase } from "../net/Network";
import { memory } from "../net/storage";
import { h } from "./dom";
import { toast } from "./toasts";
import { topbar } from "./topbar";

interface RoundInfo {
  id: string; number: number; scenario: string; startedAt: string; endedAt: string | null; status: "running" | "finished";
  teams: string[]; winner: string | null; lastTick: number; shares: { id: string; createdAt: string }[];
}

interface History {
  code: string; createdAt: string; endedAt: string | null; practice: boolean; live: boolean; rounds: RoundInfo[];
}

function api(code: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${httpBase()}${path}`, { ...init, headers: { ...(init.headers ?? {}), "x-host-secret": memory.hostSecret(code) ?? "" } });
}

async function download(code: string, path: string, name: string): Promise<void> {
  const res = await api(code, path);
  if (!res.ok) return toast(t("replay.noAccess"), "bad");
  const a = h("a", { href: URL.createObjectURL(await res.blob()), download: name });
  a.click();
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toLocaleDateString()} ${clock(d.getHours() * 60 + d.getMinutes())}`;
}

/**
 * The teacher's past sessions (those this browser created): rounds with date, scenario, teams and
 * winner; replay, log and results downloads, share links, resume after a restart, delete.
 */
export async function sessionsPage(root: HTMLElement, navigate: (path: string) => void): Promise<void> {
  const list = h("div", { class: "stack", testid: "sessions-list" });
  root.replaceChildren(topbar(), h("main", { class: "page stack", testid: "sessions-view" },
    h("h1", { text: t("sessions.title") }),
    h("p", { class: "muted", text: t("sessions.hint") }),
    h("a", { href: "/replay", text: t("replay.upload") }),
    list));
  const codes = memory.hostCodes();
  if (codes.length === 0) return void list.append(h("p", { testid: "sessions-empty", text: t("sessions.none") }));
  for (const code of codes) {
    const res = await api(code, `/api/sessions/${code}/history`);
    if (!res.ok) continue;
    list.append(sessionCard(await res.json() as History, navigate, () => void sessionsPage(root, navigate)));
  }
  if (list.children.length === 0) list.append(h("p", { testid: "sessions-empty", text: t("sessions.none") }));
}

function sessionCard(s: History, navigate: (path: string) => void, reload: () => void): HTMLElement {
  const status = s.endedAt ? t("sessions.ended") : s.live ? t("sessions.live") : t("sessions.interrupted");
  const actions = h("div", { class: "row" });
  if (s.live && !s.endedAt) actions.append(h("button", { class: "primary", testid: `session-open-${s.code}`, text: t("sessions.open"), onclick: () => navigate(`/host/${s.code}`) }));
  if (!s.live && !s.endedAt) {
    actions.append(h("button", {
      class: "primary", testid: `session-resume-${s.code}`, text: t("sessions.resume"),
      onclick: async () => {
        const res = await api(s.code, `/api/sessions/${s.code}/resume`, { method: "POST" });
        if (res.ok) navigate(`/host/${s.code}`);
        else toast(t("replay.noAccess"), "bad");
      },
    }));
  }
  if (s.endedAt || !s.live) {
    actions.append(h("button", {
      class: "danger", testid: `session-delete-${s.code}`, text: t("sessions.delete"),
      onclick: async () => {
        if (!confirm(t("sessions.confirmDelete", { code: s.code }))) return;
        const res = await api(s.code, `/api/sessions/${s.code}`, { method: "DELETE" });
        if (res.ok) {
          memory.forgetHost(s.code);
          reload();
        } else toast(t("sessions.cannotDelete"), "bad");
      },
    }));
  }
  const rows = s.rounds.map((r) => h("tr", { testid: `round-row-${r.number}` },
    h("td", { text: String(r.number) }),
    h("td", { text: when(r.startedAt) }),
    h("td", { text: t(`scenario.${r.scenario}`) }),
    h("td", { text: r.teams.join(", ") }),
    h("td", { text: r.winner ?? (r.status === "running" ? t("sessions.running") : "—") }),
    h("td", {},
      h("div", { class: "row" },
        h("a", { href: `/replay/${r.id}?session=${s.code}`, testid: `round-replay-${r.number}`, text: t("sessions.replay"), onclick: (e: Event) => { e.preventDefault(); navigate(`/replay/${r.id}?session=${s.code}`); } }),
        h("button", { testid: `round-log-${r.number}`, text: t("sessions.log"), onclick: () => void download(s.code, `/api/rounds/${r.id}/log?download`, `spikeday-${s.code}-round${r.number}.json`) }),
        r.status === "finished" ? h("button", { testid: `round-csv-${r.number}`, text: t("sessions.csv"), onclick: () => void download(s.code, `/api/rounds/${r.id}/results.csv`, `spikeday-${s.code}-round${r.number}.csv`) }) : null,
        h("button", {
          testid: `round-share-${r.number}`, text: t("sessions.share"),
          onclick: async () => {
            const res = await api(s.code, `/api/rounds/${r.id}/shares`, { method: "POST" });
            if (res.ok) reload();
          },
        }),
        r.shares.map((sh) => h("span", { class: "row" },
          h("input", { readonly: true, value: `${httpBase()}/replay/${r.id}?share=${sh.id}`, testid: `share-link-${sh.id}`, style: { width: "16em" } }),
          h("button", {
            testid: `share-revoke-${sh.id}`, text: t("sessions.revoke"),
            onclick: async () => {
              await api(s.code, `/api/rounds/${r.id}/shares/${sh.id}`, { method: "DELETE" });
              reload();
            },
          })))))));
  return h("section", { class: "panel stack", testid: `session-${s.code}` },
    h("h2", { text: `${s.code} · ${status}` }),
    h("p", { class: "muted", text: `${when(s.createdAt)}${s.practice ? ` · ${t("host.practice")}` : ""}` }),
    actions,
    rows.length ? h("table", { class: "compare rounds" },
      h("thead", {}, h("tr", {}, ["#", t("sessions.date"), t("debrief.scenario"), t("common.teams"), t("sessions.winner"), ""].map((x) => h("th", { text: x })))),
      h("tbody", {}, rows)) : h("p", { class: "muted", text: t("sessions.noRounds") }));
}
