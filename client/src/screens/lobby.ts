import { errorText, t } from "../i18n";
import type { AppState } from "../store/state";
import { h } from "../ui/dom";
import { practiceSetup } from "../ui/practice";
import { teamCards, teamCardsKey } from "../ui/teamCards";
import { toast } from "../ui/toasts";
import { onChange, type Screen, type ScreenContext } from "./screen";

/**
 * Before a student has a team (or before the round): pick a team. Only the team cards and the
 * hint are redrawn as classmates arrive; the rest of the page stays put.
 */
export function lobbyScreen(ctx: ScreenContext): Screen {
  let cards: HTMLElement = h("div");
  const hint = h("p", { class: "muted", testid: "lobby-hint" });
  const pick = async (team: number) => {
    const r = await ctx.room.chooseTeam(team);
    if (!r.ok) toast(errorText(r.error), "bad");
    // Mid-round the teacher decides: the student is told they asked, and waits.
    else if (r.pending) toast(t("lobby.asked", { team: ctx.store.get().view?.teams[team]?.name ?? "" }), "info", 6000);
  };
  const renderCards = onChange((s: AppState) => `${teamCardsKey(s.view!)}#${s.me?.seat}`, () => {
    const s = ctx.store.get();
    const next = teamCards(s.view!, s.me?.seat ?? -1, pick);
    cards.replaceWith(next);
    cards = next;
  });
  const renderHint = onChange((s: AppState) => {
    const asks = s.me ? s.view!.seats[String(s.me.seat)]?.asks ?? -1 : -1;
    if (asks >= 0) return t("lobby.waitingApproval", { team: s.view!.teams[asks]?.name ?? "" });
    return s.view!.phase === "playing" || s.view!.phase === "paused" ? t("lobby.lateJoin") : t("lobby.pick");
  }, (text) => { hint.textContent = text; });
  return {
    mount(root) {
      const s = ctx.store.get();
      root.replaceChildren(h("main", { class: "page stack", testid: "lobby-view" },
        h("h1", { text: t("lobby.title") }),
        h("p", { text: t("lobby.you", { nickname: s.me?.nickname ?? "" }) }),
        hint,
        cards,
        s.view?.practice ? practiceSetup(ctx.room) : h("p", { class: "muted", text: t("lobby.waiting") })));
    },
    update(s) {
      renderCards(s);
      renderHint(s);
    },
    destroy: () => {},
  };
}
