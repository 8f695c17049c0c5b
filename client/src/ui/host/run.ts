import "./host.css";
import type { HostCommand } from "../../../../shared/protocol/messages";
import type { Phase } from "../../../../shared/protocol/phases";
import { errorText, t } from "../../i18n";
import type { ClassView } from "../../model/types";
import type { RoomIntents } from "../../net/types";
import { midRound } from "../../store/selectors";
import { h } from "../dom";
import { toast } from "../toasts";
import { endRoundAsked, endSessionAsked } from "./confirm";

export interface HostControls {
  el: HTMLElement;
  update(view: ClassView): void;
}

/** Sends a host command; a refusal becomes an error toast. Resolves to whether it was accepted. */
export function hostRunner(room: RoomIntents): (action: HostCommand) => Promise<boolean> {
  return async (action) => {
    const r = await room.host(action);
    if (!r.ok) toast(errorText(r.error), "bad");
    return r.ok;
  };
}

export function endSessionButton(run: (action: HostCommand) => Promise<boolean>): HTMLButtonElement {
  return h("button", {
    type: "button", class: "danger", testid: "host-endsession", text: t("host.endSession"),
    onclick: () => void endSessionAsked(run),
  });
}

/**
 * Start the clock, pause, freeze, resume and end the round from the top bar: on a laptop driving a
 * projector the full controls sit below. End round stands apart from the others, in red, and asks
 * first. Only what applies now is shown; when the button that had the focus goes (Pause becomes
 * Resume), the focus moves to the one that took its place instead of falling to the page.
 */
export function quickBar(room: RoomIntents, opts: { startRound?: boolean } = {}): HostControls {
  const run = hostRunner(room);
  let phase: Phase = "lobby";
  const btn = (key: string, testid: string, action: HostCommand) => h("button", { type: "button", class: "quick", testid, text: t(key), onclick: () => void run(action) });
  // The teacher's next step from the lobby or a debrief, without scrolling down to the controls.
  const start = btn("host.start", "bar-start", { type: "start" });
  const go = btn("host.go", "bar-go", { type: "start" });
  const pause = btn("host.pause", "bar-pause", { type: "pause" });
  const freeze = btn("host.freeze", "bar-freeze", { type: "freeze" });
  const resume = btn("host.resume", "bar-resume", { type: "resume" });
  const endRound = h("button", { type: "button", class: "quick danger-quick", testid: "bar-endround", text: t("host.endRound"), onclick: () => void endRoundAsked(run, phase) });
  const flow = h("span", { class: "row quickbar-flow" }, start, go, pause, freeze, resume);
  const danger = h("span", { class: "quickbar-danger" }, endRound);
  const el = h("span", { class: "row quickbar", testid: "host-quickbar", role: "group", "aria-label": t("host.controls") }, flow, danger);
  const all = [start, go, pause, freeze, resume, endRound];
  return {
    el,
    update(view: ClassView) {
      phase = view.phase;
      const focused = all.find((b) => b === document.activeElement);
      // Only what makes sense now is shown: the bar stays short.
      start.hidden = !opts.startRound || (view.phase !== "lobby" && view.phase !== "over");
      go.hidden = view.phase !== "briefing" || view.countdown > 0;
      pause.hidden = view.phase !== "playing" && view.phase !== "frozen";
      freeze.hidden = view.phase !== "playing" && view.phase !== "paused";
      resume.hidden = view.phase !== "paused" && view.phase !== "frozen";
      endRound.hidden = !midRound(view);
      el.hidden = all.every((b) => b.hidden);
      if (focused?.hidden) all.find((b) => !b.hidden && b !== endRound)?.focus();
    },
  };
}
