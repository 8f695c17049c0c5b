import type { HostCommand } from "../../../../shared/protocol/messages";
import { errorText, t } from "../../i18n";
import type { ClassView } from "../../model/types";
import type { RoomIntents } from "../../net/types";
import { midRound } from "../../store/selectors";
import { h } from "../dom";
import { toast } from "../toasts";

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
    onclick: () => { if (confirm(t("host.confirmEnd"))) void run({ type: "endSession" }); },
  });
}

/**
 * Start the clock, pause, resume and end the round from the top bar: on a laptop driving a
 * projector the full controls sit below the view the class is watching.
 */
export function quickBar(room: RoomIntents): HostControls {
  const run = hostRunner(room);
  const btn = (key: string, testid: string, action: HostCommand) => h("button", { type: "button", class: "quick", testid, text: t(key), onclick: () => void run(action) });
  const go = btn("host.go", "bar-go", { type: "start" });
  const pause = btn("host.pause", "bar-pause", { type: "pause" });
  const freeze = btn("host.freeze", "bar-freeze", { type: "freeze" });
  const resume = btn("host.resume", "bar-resume", { type: "resume" });
  const endRound = btn("host.endRound", "bar-endround", { type: "endRound" });
  const el = h("span", { class: "row quickbar", testid: "host-quickbar" }, go, pause, freeze, resume, endRound);
  return {
    el,
    update(view: ClassView) {
      // Only what makes sense now is shown: the bar stays short.
      go.hidden = view.phase !== "briefing";
      pause.hidden = view.phase !== "playing" && view.phase !== "frozen";
      freeze.hidden = view.phase !== "playing" && view.phase !== "paused";
      resume.hidden = view.phase !== "paused" && view.phase !== "frozen";
      endRound.hidden = !midRound(view);
      el.hidden = go.hidden && pause.hidden && freeze.hidden && resume.hidden && endRound.hidden;
    },
  };
}
