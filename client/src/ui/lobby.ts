import { t, errorText } from "../i18n";
import type { Network } from "../net/Network";
import type { ClassView, SeatView } from "../state/types";
import { h } from "./dom";
import { practiceSetup } from "./practice";
import { teamColor } from "./teamColors";
import { toast } from "./toasts";

export function seatsOf(view: ClassView): SeatView[] {
  const out: SeatView[] = [];
  view.seats.forEach((s) => out.push(s));
  return out.sort((a, b) => a.seat - b.seat);
}

/** Teams and their members; a student picks a team here (or the teacher balances them). */
export function teamCards(view: ClassView, mySeat: number, net: Network | null, canPick: boolean): HTMLElement {
  const seats = seatsOf(view).filter((s) => s.role === "student" || (view.practice && s.role === "host"));
  const mine = seats.find((s) => s.seat === mySeat);
  return h("div", { class: "teams", testid: "lobby-teams" }, view.teams.map((team, i) => {
    const members = seats.filter((s) => s.team === i);
    const isMine = mine?.team === i;
    return h("section", { class: `panel team-card${isMine ? " mine" : ""}`, style: { "--team": teamColor(i) } as Record<string, string>, testid: `team-card-${i}` },
      h("h3", { text: team.name }),
      team.bot ? h("p", { class: "muted", text: `${t("lobby.botTeam")} (${team.bot})` }) : null,
      h("ul", {}, members.length === 0 ? h("li", { class: "muted", text: t("lobby.empty") }) : members.map((m) => h("li", {
        style: { opacity: m.connected ? "1" : "0.5" }, text: `${m.nickname}${m.seat === mySeat ? ` (${t("common.you")})` : ""}`,
      }))),
      canPick && net && !team.bot && !isMine
        ? h("button", {
          testid: `pick-team-${i}`,
          onclick: async () => {
            const r = await net.chooseTeam(i);
            if (!r.ok) toast(errorText(r.error), "bad");
          },
          text: t("lobby.join"),
        })
        : isMine ? h("b", { text: t("lobby.yourTeam") }) : null);
  }));
}

export function lobbyView(view: ClassView, mySeat: number, nickname: string, net: Network): HTMLElement {
  const midRound = view.phase === "playing" || view.phase === "paused";
  return h("main", { class: "page stack", testid: "lobby-view" },
    h("h1", { text: t("lobby.title") }),
    h("p", { text: t("lobby.you", { nickname }) }),
    h("p", { class: "muted", text: midRound ? t("lobby.lateJoin") : t("lobby.pick") }),
    teamCards(view, mySeat, net, true),
    view.practice ? practiceSetup(net) : h("p", { class: "muted", text: t("lobby.waiting") }));
}
