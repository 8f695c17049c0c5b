import { t } from "../i18n";
import type { ClassView } from "../model/types";
import { seatsOf } from "../store/selectors";
import { h } from "./dom";
import { teamColor } from "./teamColors";

/**
 * Teams and their members. With `pick`, a student joins a team here (not a bot's, not the one
 * they are in); without, the cards only show (projector, briefing).
 */
export function teamCards(view: ClassView, mySeat: number, pick?: (team: number) => void): HTMLElement {
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
      pick && !team.bot && !isMine
        ? h("button", { testid: `pick-team-${i}`, onclick: () => pick(i), text: t("lobby.join") })
        : isMine ? h("b", { text: t("lobby.yourTeam") }) : null);
  }));
}

/** What the cards show, as a key: the cards need redrawing only when it changes. */
export function teamCardsKey(view: ClassView): string {
  const seats = seatsOf(view).map((s) => `${s.seat}:${s.nickname}:${s.role}:${s.team}:${s.connected}`).join("|");
  return `${view.teams.map((x) => `${x.name}:${x.bot}`).join("|")}#${seats}#${view.practice}`;
}
