import { errorText, t } from "../i18n";
import { midRound, myTeam } from "../store/selectors";
import type { AppState } from "../store/state";
import { speak } from "../ui/announce";
import { h } from "../ui/dom";
import { practiceSetup } from "../ui/practice";
import { TeamCards, teamCardsKey } from "../ui/teamCards";
import { toast } from "../ui/toasts";
import { onChange, type Screen, type ScreenContext } from "./screen";

/** The one line saying what this student does next; never two that disagree (a late joiner is not told to wait for a start). */
function nextStep(s: AppState): string {
  const view = s.view!;
  const asks = s.me ? view.seats[String(s.me.seat)]?.asks ?? -1 : -1;
  if (asks >= 0) return t("lobby.waitingApproval", { team: view.teams[asks]?.name ?? "" });
  const team = myTeam(s);
  if (midRound(view)) return t("lobby.lateJoin");
  if (team >= 0) return t("a11y.inTeam", { team: view.teams[team]?.name ?? "" });
  return view.practice ? t("lobby.pick") : `${t("lobby.pick")} · ${t("lobby.waiting")}`;
}

/**
 * Before a student has a team (or before the round): pick a team. The page stays put as
 * classmates arrive (the cards update in place); after a pick, focus moves to the heading that
 * says what happens next.
 */
export function lobbyScreen(ctx: ScreenContext): Screen {
  // A heading: focus lands on it after a pick, and a heading is named by what it says (a bare status line is not).
  const hint = h("h2", { class: "next-step", testid: "lobby-hint", tabindex: "-1" });
  const pick = async (team: number) => {
    const r = await ctx.room.chooseTeam(team);
    if (!r.ok) return toast(errorText(r.error), "bad");
    // Mid-round the teacher decides: the student is told they asked, and waits.
    if (r.pending) speak("news", t("lobby.asked", { team: ctx.store.get().view?.teams[team]?.name ?? "" }));
    hint.focus();
  };
  const cards = new TeamCards(pick);
  const renderCards = onChange((s: AppState) => `${teamCardsKey(s.view!)}#${s.me?.seat}`, () => {
    const s = ctx.store.get();
    cards.update(s.view!, s.me?.seat ?? -1);
  });
  const renderHint = onChange(nextStep, (text) => { hint.textContent = text; });
  return {
    mount(root) {
      const s = ctx.store.get();
      root.replaceChildren(h("main", { class: "page stack", testid: "lobby-view" },
        h("h1", { text: t("lobby.title") }),
        h("p", { text: t("lobby.you", { nickname: s.me?.nickname ?? "" }) }),
        hint,
        cards.el,
        s.view?.practice ? practiceSetup(ctx.room) : null));
    },
    update(s) {
      renderCards(s);
      renderHint(s);
    },
    destroy: () => {},
    // Just joined: the next thing to do is to pick a team; back in a team already: what happens next.
    focusStart: () => cards.firstPick() ?? (myTeam(ctx.store.get()) >= 0 ? hint : null),
  };
}
