import { t } from "../i18n";
import type { ClassView } from "../model/types";
import { midRound } from "../store/selectors";
import type { AppState } from "../store/state";
import { h } from "../ui/dom";
import { JoinBox } from "../ui/host/joinBox";
import { Projector } from "../ui/host/projector";
import { Sound } from "../ui/host/sound";
import { topbar } from "../ui/topbar";
import type { Screen, ScreenContext } from "./screen";

/**
 * The projector's page (/projector/CODE): opened from the teacher's page in the same browser, so
 * it joins with the same host secret, but it shows no control at all — only what the class should
 * see, readable from the back of the room: how to join (huge), the names arriving, the briefing, a
 * 3-2-1 before the clock, then the round. Sound, off until turned on here, adds to what is shown.
 */
export function projectorScreen(ctx: ScreenContext): Screen {
  const sound = new Sound();
  const soundBtn = h("button", { type: "button", class: "quiet", testid: "sound-toggle", "aria-pressed": "false", text: t("projector.soundOff") });
  soundBtn.addEventListener("click", () => {
    const on = sound.toggle();
    soundBtn.textContent = t(on ? "projector.soundOn" : "projector.soundOff");
    soundBtn.setAttribute("aria-pressed", String(on));
  });
  const board = new Projector();
  const side = h("div", { class: "projector-side" });
  const main = h("main", { class: "projector-main" }, side, board.el);
  const strip = h("div", { class: "projector-strip" });
  const number = h("div", { class: "countdown-number", testid: "countdown-number" });
  const overlay = h("div", { class: "countdown", testid: "countdown", role: "status", hidden: true },
    h("div", { class: "countdown-label", text: t("projector.countdown") }), number);
  let join: JoinBox | null = null;
  let joinSize = "";
  let last: ClassView | null = null;

  /** The join box large beside the lobby and briefing, a strip across the top once the round runs. */
  const placeJoin = (view: ClassView) => {
    const size = midRound(view) || view.phase === "over" ? "strip" : "projector";
    if (size === joinSize) return;
    joinSize = size;
    join?.destroy();
    join = new JoinBox(view.code, ctx.api, size);
    side.replaceChildren(...(size === "projector" ? [join.el] : []));
    strip.replaceChildren(...(size === "strip" ? [join.el] : []));
    side.hidden = size !== "projector";
    main.classList.toggle("with-join", size === "projector");
  };

  /** What is worth a sound: each second of the countdown, the go, the spike, an incident, the clock stopping. */
  const cues = (prev: ClassView | null, view: ClassView) => {
    if (!prev || !sound.on) return;
    if (view.countdown > 0 && view.countdown !== prev.countdown) sound.play("tick");
    if (prev.phase === "briefing" && view.phase === "playing") sound.play("go");
    if ((view.phase === "paused" || view.phase === "frozen") && prev.phase === "playing") sound.play("stop");
    const fresh = view.banners.filter((b) => !prev.banners.some((p) => p.tick === b.tick && p.kind === b.kind && p.team === b.team));
    if (fresh.some((b) => b.kind === "spike")) sound.play("spike");
    else if (fresh.some((b) => b.kind !== "rent")) sound.play("incident");
  };

  return {
    mount(root) {
      root.replaceChildren(h("div", { class: "projector-page", testid: "projector-page" },
        topbar(soundBtn),
        strip,
        main,
        overlay));
    },
    update(s: AppState) {
      const view = s.view;
      if (!view) return;
      placeJoin(view);
      board.update(view, s.book, s.reports);
      overlay.hidden = view.countdown <= 0;
      if (number.textContent !== String(view.countdown)) number.textContent = String(view.countdown);
      cues(last, view);
      last = view;
    },
    destroy() {
      join?.destroy();
      board.destroy();
      sound.close();
    },
  };
}
