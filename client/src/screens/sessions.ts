import { clock, t } from "../i18n";
import type { Api, SessionHistory } from "../net/api";
import { memory } from "../net/storage";
import { h } from "../ui/dom";
import { toast } from "../ui/toasts";
import { copyLinkButton } from "../ui/copyLink";
import { topbar } from "../ui/topbar";
import type { Screen, ScreenContext } from "./screen";

async function download(api: Api, code: string, round: string, kind: "log" | "csv", name: string): Promise<void> {
  const blob = await api.roundFile(code, round, kind);
  if (!blob) return toast(t("replay.noAccess"), "bad");
  const a = h("a", { href: URL.createObjectURL(blob), download: name });
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
export function sessionsScreen(ctx: ScreenContext): Screen {
  let root: HTMLElement | null = null;
  let alive = true;
  const load = async (): Promise<void> => {
    if (!root) return;
    const list = h("div", { class: "stack", testid: "sessions-list" });
    root.replaceChildren(topbar(), h("main", { class: "page stack", testid: "sessions-view" },
      h("h1", { text: t("sessions.title") }),
      h("p", { class: "muted", text: t("sessions.hint") }),
      h("a", { href: "/replay", class: "target", text: t("replay.upload") }),
      list));
    const cards: HTMLElement[] = [];
    for (const code of memory.hostCodes()) {
      const history = await ctx.api.sessionHistory(code);
      if (history) cards.push(sessionCard(ctx, history, () => void load()));
    }
    if (!alive) return;
    list.append(...(cards.length ? cards : [h("p", { testid: "sessions-empty", text: t("sessions.none") })]));
  };
  return {
    mount(el) {
      root = el;
      void load();
    },
    update: () => {},
    destroy: () => { alive = false; },
  };
}

function sessionCard(ctx: ScreenContext, s: SessionHistory, reload: () => void): HTMLElement {
  const { api, navigate } = ctx;
  const status = s.endedAt ? t("sessions.ended") : s.live ? t("sessions.live") : t("sessions.interrupted");
  const actions = h("div", { class: "row" });
  if (s.live && !s.endedAt) actions.append(h("button", { class: "primary", testid: `session-open-${s.code}`, text: t("sessions.open"), onclick: () => navigate(`/host/${s.code}`) }));
  if (!s.live && !s.endedAt) {
    actions.append(h("button", {
      class: "primary", testid: `session-resume-${s.code}`, text: t("sessions.resume"),
      onclick: async () => {
        try {
          await api.resumeSession(s.code);
          navigate(`/host/${s.code}`);
        } catch {
          toast(t("replay.noAccess"), "bad");
        }
      },
    }));
  }
  if (s.endedAt || !s.live) {
    actions.append(h("button", {
      class: "danger", testid: `session-delete-${s.code}`, text: t("sessions.delete"),
      onclick: async () => {
        if (!confirm(t("sessions.confirmDelete", { code: s.code }))) return;
        if (await api.deleteSession(s.code)) {
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
        h("button", { testid: `round-log-${r.number}`, text: t("sessions.log"), onclick: () => void download(api, s.code, r.id, "log", `spikeday-${s.code}-round${r.number}.json`) }),
        r.status === "finished" ? h("button", { testid: `round-csv-${r.number}`, text: t("sessions.csv"), onclick: () => void download(api, s.code, r.id, "csv", `spikeday-${s.code}-round${r.number}.csv`) }) : null,
        h("button", {
          testid: `round-share-${r.number}`, text: t("sessions.share"),
          onclick: async () => {
            if (await api.createShare(s.code, r.id)) reload();
          },
        }),
        r.shares.map((sh) => h("span", { class: "row" },
          h("input", { readonly: true, value: api.shareUrl(r.id, sh.id), testid: `share-link-${sh.id}`, style: { width: "16em" }, "aria-label": t("sessions.share") }),
          copyLinkButton(api.shareUrl(r.id, sh.id), `share-copy-${sh.id}`),
          h("button", {
            testid: `share-revoke-${sh.id}`, text: t("sessions.revoke"),
            onclick: async () => {
              await api.revokeShare(s.code, r.id, sh.id);
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
