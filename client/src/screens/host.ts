import { t } from "../i18n";
import { midRound, teamServers } from "../store/selectors";
import type { AppState } from "../store/state";
import { debriefView } from "../ui/debrief";
import { h } from "../ui/dom";
import { ClassPanel } from "../ui/host/classPanel";
import { hostControls } from "../ui/host/controls";
import { JoinBox } from "../ui/host/joinBox";
import { LobbyBoard } from "../ui/host/lobbyBoard";
import { hostRunner, type HostControls } from "../ui/host/run";
import { seatsPanel } from "../ui/host/seats";
import { onChange, type Screen, type ScreenContext } from "./screen";

/**
 * The teacher's laptop: how students join (and the button that opens the projector's window), the
 * class at a glance (who has joined; once a round runs, scores and who is idle, with extra time),
 * then every control. What the class watches is the projector's page, not this one: nothing here
 * needs hiding from the room. After a round (`over`) the whole class's debrief sits in between.
 */
export function hostScreen(ctx: ScreenContext, over: boolean): Screen {
  let join: JoinBox | null = null;
  let controls: HostControls | null = null;
  let seats: ReturnType<typeof seatsPanel> | null = null;
  const run = hostRunner(ctx.room);
  const classPanel = new ClassPanel(run);
  // Who has joined, and who is still choosing a team (the same board as the projector's, at laptop size).
  const lobbyBoard = new LobbyBoard();
  const lobby = h("section", { class: "panel", testid: "host-lobby" }, lobbyBoard.el);
  const debriefBox = h("div");
  let debrief: { el: HTMLElement; destroy(): void } | null = null;
  const renderDebrief = onChange((s: AppState) => s.reports, (reports) => {
    debrief?.destroy();
    // The class debrief here too (the projector's window shows it to the room), then each team the teacher opens.
    debrief = debriefView(reports, null, { racks: (team) => teamServers(ctx.store.get(), team) });
    debriefBox.replaceChildren(debrief.el);
  });
  return {
    mount(root) {
      const code = ctx.store.get().view!.code;
      join = new JoinBox(code, ctx.api, "laptop");
      controls = hostControls(ctx.room);
      seats = seatsPanel(ctx.room);
      // Beside the round's controls, where the teacher's eye already is.
      controls.el.insertBefore(seats.el, controls.el.children[1] ?? null);
      const open = h("a", {
        class: "button primary", href: `/projector/${code}`, target: `spikeday-projector-${code}`, testid: "open-projector",
        text: t("projector.open"),
      });
      const projector = h("section", { class: "panel stack", testid: "host-projector", "aria-labelledby": "host-projector-title" },
        h("h2", { id: "host-projector-title", text: t("projector.title") }), open, h("p", { class: "muted", text: t("projector.openHint") }));
      root.replaceChildren(h("main", { class: "host-page", testid: "host-view" },
        h("div", { class: "host-top" }, h("div", { class: "stack" }, projector, join.el), lobby, classPanel.el),
        ...(over ? [debriefBox] : []),
        controls.el));
    },
    update(s) {
      const view = s.view;
      if (!view) return;
      if (over) renderDebrief(s);
      // Before the clock: who has joined which team. From the first minute: scores and who is idle.
      const round = midRound(view) || view.phase === "over";
      lobby.hidden = round;
      classPanel.el.hidden = !round;
      if (round) classPanel.update(view, s.activity);
      else lobbyBoard.update(view);
      seats?.update(view, s.bans);
      controls?.update(view);
    },
    destroy() {
      join?.destroy();
      debrief?.destroy();
    },
  };
}
