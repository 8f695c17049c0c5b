import { t } from "../i18n";
import type { ClassView } from "../model/types";
import { seatsOf } from "../store/selectors";
import { h, replace } from "./dom";
import { teamColor } from "./teamColors";

interface Card {
  el: HTMLElement;
  title: HTMLElement;
  bot: HTMLElement;
  members: HTMLElement;
  button: HTMLButtonElement;
  mine: HTMLElement;
}

/**
 * Teams and their members, kept in place: as classmates arrive only the member lists change, so a
 * focused "Join" button keeps the focus and a screen reader is not sent back to the top. With
 * `pick`, a student joins a team here (not a bot's, not the one they are in); without, the cards
 * only show (projector, briefing).
 */
export class TeamCards {
  readonly el = h("div", { class: "teams", testid: "lobby-teams" });
  private readonly cards: Card[] = [];

  constructor(private readonly pick?: (team: number) => void) {}

  update(view: ClassView, mySeat: number): void {
    const seats = seatsOf(view).filter((s) => s.role === "student" || (view.practice && s.role === "host"));
    const mine = seats.find((s) => s.seat === mySeat);
    const midRound = view.phase === "playing" || view.phase === "paused";
    view.teams.forEach((team, i) => {
      const card = this.cards[i] ?? this.make(i);
      const members = seats.filter((s) => s.team === i);
      const isMine = mine?.team === i;
      card.el.classList.toggle("mine", isMine);
      setText(card.title, team.name);
      card.bot.hidden = !team.bot;
      setText(card.bot, team.bot ? `${t("lobby.botTeam")} (${team.bot})` : "");
      replace(card.members, members.length === 0 ? h("li", { class: "muted", text: t("lobby.empty") }) : members.map((m) => h("li", {
        class: m.connected ? "" : "away", text: `${m.nickname}${m.seat === mySeat ? ` (${t("common.you")})` : ""}${m.connected ? "" : ` · ${t("a11y.away")}`}`,
      })));
      card.button.hidden = !this.pick || !!team.bot || isMine;
      setText(card.button, t(midRound ? "a11y.askTeam" : "a11y.joinTeam", { team: team.name }));
      card.mine.hidden = !isMine;
    });
    while (this.cards.length > view.teams.length) this.cards.pop()!.el.remove();
  }

  /** The first team's button a student can press now (the next thing to do in the lobby). */
  firstPick(): HTMLButtonElement | null {
    return this.cards.map((c) => c.button).find((b) => !b.hidden) ?? null;
  }

  private make(i: number): Card {
    const title = h("h3");
    const bot = h("p", { class: "muted" });
    const members = h("ul", { "aria-label": t("a11y.members") });
    const button = h("button", { type: "button", testid: `pick-team-${i}`, onclick: () => this.pick?.(i) });
    const mine = h("b", { text: t("lobby.yourTeam") });
    const el = h("section", { class: "panel team-card", style: { "--team": teamColor(i) } as Record<string, string>, testid: `team-card-${i}` }, title, bot, members, button, mine);
    const card = { el, title, bot, members, button, mine };
    this.cards[i] = card;
    this.el.append(el);
    return card;
  }
}

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** The cards as a one-off element (the projector redraws them when `teamCardsKey` changes). */
export function teamCards(view: ClassView, mySeat: number, pick?: (team: number) => void): HTMLElement {
  const cards = new TeamCards(pick);
  cards.update(view, mySeat);
  return cards.el;
}

/** What the cards show, as a key: the cards need redrawing only when it changes. */
export function teamCardsKey(view: ClassView): string {
  const seats = seatsOf(view).map((s) => `${s.seat}:${s.nickname}:${s.role}:${s.team}:${s.connected}`).join("|");
  return `${view.teams.map((x) => `${x.name}:${x.bot}`).join("|")}#${seats}#${view.practice}#${view.phase}`;
}
