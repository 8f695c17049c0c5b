import { myTeam } from "../store/selectors";
import type { AppState } from "../store/state";
import { debriefView } from "../ui/debrief";
import { h } from "../ui/dom";
import type { HostControls } from "../ui/host/run";
import { practiceControls } from "../ui/practice";
import { onChange, type Screen, type ScreenContext } from "./screen";
import { teamServers } from "../store/selectors";

/** After a round, for a student: their team's round first; in a practice room, the next round's setup below. */
export function debriefScreen(ctx: ScreenContext): Screen {
  const report = h("div");
  let debrief: { el: HTMLElement; destroy(): void } | null = null;
  let controls: HostControls | null = null;
  const render = onChange((s: AppState) => s.reports, (reports) => {
    debrief?.destroy();
    const team = myTeam(ctx.store.get());
    debrief = debriefView(reports, team, { racks: (i) => teamServers(ctx.store.get(), i) });
    report.replaceChildren(debrief.el);
  });
  return {
    mount(root) {
      const practice = ctx.store.get().view?.practice;
      controls = practice ? practiceControls(ctx.room, true) : null;
      root.replaceChildren(report, ...(controls ? [controls.el] : []));
    },
    update(s) {
      render(s);
      if (s.view) controls?.update(s.view);
    },
    destroy: () => debrief?.destroy(),
  };
}
