import type { AppState } from "../store/state";
import { debriefView } from "../ui/debrief";
import { h } from "../ui/dom";
import { hostControls } from "../ui/host/controls";
import { Projector } from "../ui/host/projector";
import type { HostControls } from "../ui/host/run";
import { seatsPanel } from "../ui/host/seats";
import { onChange, type Screen, type ScreenContext } from "./screen";
import { teamServers } from "../store/selectors";

/**
 * The teacher's page: what the class sees (join box, leaderboard, team tiles) on top, every
 * control below; after a round (`over`), the whole class's debrief in between.
 */
export function hostScreen(ctx: ScreenContext, over: boolean): Screen {
  let projector: Projector | null = null;
  let controls: HostControls | null = null;
  let seats: ReturnType<typeof seatsPanel> | null = null;
  const debriefBox = h("div");
  let debrief: { el: HTMLElement; destroy(): void } | null = null;
  const renderDebrief = onChange((s: AppState) => s.reports, (reports) => {
    debrief?.destroy();
    // The class is on the projector above; below it, each team the teacher opens.
    debrief = debriefView(reports, null, { racks: (team) => teamServers(ctx.store.get(), team), withoutClass: true });
    debriefBox.replaceChildren(debrief.el);
  });
  return {
    mount(root) {
      const s = ctx.store.get();
      projector = new Projector(s.view!.code);
      controls = hostControls(ctx.room);
      seats = seatsPanel(ctx.room);
      // Beside the round's controls, where the teacher's eye already is.
      controls.el.insertBefore(seats.el, controls.el.children[1] ?? null);
      root.replaceChildren(projector.el, ...(over ? [debriefBox] : []), controls.el);
    },
    update(s) {
      if (!s.view) return;
      if (over) renderDebrief(s);
      projector?.update(s.view, s.book, s.reports);
      seats?.update(s.view, s.bans);
      controls?.update(s.view);
    },
    destroy() {
      projector?.destroy();
      debrief?.destroy();
    },
  };
}
