import { t } from "../../i18n";
import type { ClassView } from "../../model/types";
import { seatsOf } from "../../store/selectors";
import { h } from "../dom";
import { teamColor } from "../teamColors";

/**
 * The projector's lobby: how many have joined, and each team's names, each new name popping in as
 * the student arrives (the room watches itself fill up). Names are kept where they are between
 * updates, so only arrivals move.
 */
export class LobbyBoard {
  private readonly count = h("h2", { class: "lobby-count", testid: "lobby-count", "aria-live": "polite" });
  private readonly teams = h("div", { class: "teams", testid: "lobby-teams" });
  readonly el = h("section", { class: "stack lobby-board" }, this.count, this.teams);
  private cards: { el: HTMLElement; list: HTMLElement; name: string; bot: string }[] = [];
  /** Students who have not picked a team yet. */
  private choosing = { el: h("section"), list: h("ul") };
  private readonly names = new Map<number, { li: HTMLElement; team: number; text: string }>();
  private seeded = false;

  update(view: ClassView): void {
    const students = seatsOf(view).filter((s) => s.role === "student");
    const text = t("projector.students", { count: students.length });
    if (this.count.textContent !== text) this.count.textContent = text;
    const shape = view.teams.map((x) => `${x.name}:${x.bot}`).join("|");
    if (shape !== this.cards.map((c) => `${c.name}:${c.bot}`).join("|")) this.buildCards(view);
    const seen = new Set<number>();
    for (const s of students) {
      seen.add(s.seat);
      const label = `${s.nickname}${s.connected ? "" : ` (${t("host.offline")})`}`;
      const known = this.names.get(s.seat);
      if (known && known.team === s.team) {
        if (known.text !== label) known.li.textContent = known.text = label;
        known.li.classList.toggle("away", !s.connected);
        continue;
      }
      known?.li.remove();
      const card = s.team >= 0 ? this.cards[s.team] : this.choosing;
      if (!card) {
        this.names.delete(s.seat);
        continue;
      }
      // Names present when the board first draws do not all pop at once: only arrivals do.
      const li = h("li", { class: `${this.seeded ? "pop" : ""}${s.connected ? "" : " away"}`, text: label });
      card.list.append(li);
      this.names.set(s.seat, { li, team: s.team, text: label });
    }
    for (const [seat, n] of this.names) {
      if (!seen.has(seat)) {
        n.li.remove();
        this.names.delete(seat);
      }
    }
    this.seeded = true;
    for (const c of this.cards) c.el.classList.toggle("empty", c.list.children.length === 0);
    this.choosing.el.hidden = this.choosing.list.children.length === 0;
  }

  private buildCards(view: ClassView): void {
    this.names.clear();
    this.cards = view.teams.map((team, i) => {
      const list = h("ul", {});
      const el = h("section", { class: "panel team-card", style: { "--team": teamColor(i) } as Record<string, string>, testid: `team-card-${i}` },
        h("h3", { text: team.name }),
        team.bot ? h("p", { class: "muted", text: `${t("lobby.botTeam")} (${team.bot})` }) : null,
        list);
      return { el, list, name: team.name, bot: team.bot };
    });
    const list = h("ul", {});
    this.choosing = { list, el: h("section", { class: "panel team-card choosing", testid: "team-card-none" }, h("h3", { text: t("projector.choosing") }), list) };
    this.teams.replaceChildren(...this.cards.map((c) => c.el), this.choosing.el);
  }
}
