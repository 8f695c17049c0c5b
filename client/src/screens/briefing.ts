import type { AppState } from "../store/state";
import { briefingView } from "../ui/briefing";
import { practiceGo } from "../ui/practice";
import { TeamCards, teamCardsKey } from "../ui/teamCards";
import { onChange, type Screen, type ScreenContext } from "./screen";

/** Before the clock runs: the scenario, its forecast, how to play, and the teams. */
export function briefingScreen(ctx: ScreenContext): Screen {
  const cards = new TeamCards();
  let view: { destroy(): void } | null = null;
  const renderCards = onChange((s: AppState) => `${teamCardsKey(s.view!)}#${s.me?.seat}`, () => {
    const s = ctx.store.get();
    cards.update(s.view!, s.me?.seat ?? -1);
  });
  return {
    mount(root) {
      const s = ctx.store.get();
      const b = briefingView(s.view!, cards.el, s.view!.practice ? practiceGo(ctx.room) : undefined);
      view = b;
      root.replaceChildren(b.el);
    },
    update: renderCards,
    destroy: () => view?.destroy(),
  };
}
