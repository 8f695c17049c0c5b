import { SCENARIOS } from "../../../shared/scenarios";
import type { HostCommand } from "../../../shared/protocol/messages";
import { errorText, t } from "../i18n";
import type { Network } from "../net/Network";
import type { ClassView } from "../state/types";
import type { HostControls } from "./host/controls";
import { h, option } from "./dom";
import { PRESETS } from "./host/controls";
import { toast } from "./toasts";

/** Kept across redraws of the lobby, which is rebuilt whenever the room changes. */
let speedChoice = 2;

/**
 * A practice room has no teacher: the player picks a round of the lesson plan and a speed, then
 * starts it and later the clock, with the same host commands a teacher would send.
 */
function runner(net: Network): (action: HostCommand) => Promise<boolean> {
  return async (action) => {
    const r = await net.host(action);
    if (!r.ok) toast(errorText(r.error), "bad");
    return r.ok;
  };
}

export function practiceSetup(net: Network, title = t("practice.title")): HTMLElement {
  const run = runner(net);
  const speed = h("select", {
    testid: "practice-speed", "aria-label": t("host.tickRate"),
    onchange: (e: Event) => { speedChoice = Number((e.target as HTMLSelectElement).value); },
  }, [1, 2, 3, 4].map((r) => option(String(r), `${r}×`, r === speedChoice)));
  return h("section", { class: "panel stack", testid: "practice-setup" },
    h("h2", { text: title }),
    h("p", { class: "muted", text: t("practice.intro") }),
    h("label", {}, t("host.tickRate"), speed),
    h("div", { class: "preset-grid" }, PRESETS.map((p) => h("button", {
      type: "button", class: "primary", testid: `practice-${p.key}`, text: t(`host.${p.key}`),
      onclick: async () => {
        const configured = await run({
          type: "configure", scenario: p.scenario, unlocks: p.unlocks, budget: SCENARIOS[p.scenario].budget, tickRate: Number(speed.value),
        });
        if (configured) await run({ type: "start" });
      },
    }))));
}

/** In a practice room's briefing the player starts the clock when ready. */
export function practiceGo(net: Network): HTMLElement {
  return h("button", {
    type: "button", class: "primary", testid: "practice-go", text: t("host.go"), style: { fontSize: "1.2rem" },
    onclick: async () => {
      const r = await net.host({ type: "start" });
      if (!r.ok) toast(errorText(r.error), "bad");
    },
  });
}

/** What a practice player needs while a round runs or after it: pause, end, the next round. */
export function practiceControls(net: Network, over: boolean): HostControls {
  const run = runner(net);
  const btn = (key: string, testid: string, action: HostCommand) => h("button", { type: "button", testid, text: t(key), onclick: () => void run(action) });
  const pause = btn("host.pause", "host-pause", { type: "pause" });
  const resume = btn("host.resume", "host-resume", { type: "resume" });
  const endRound = btn("host.endRound", "host-endround", { type: "endRound" });
  const endSession = h("button", {
    type: "button", class: "danger", testid: "host-endsession", text: t("host.endSession"),
    onclick: () => { if (confirm(t("host.confirmEnd"))) void run({ type: "endSession" }); },
  });
  const el = over
    ? h("div", { class: "page stack", testid: "practice-controls" }, practiceSetup(net, t("practice.next")), h("div", { class: "row" }, endSession))
    : h("section", { class: "panel row", testid: "practice-controls" }, pause, resume, endRound, endSession);
  return {
    el,
    update(view: ClassView) {
      pause.disabled = view.phase !== "playing";
      resume.disabled = view.phase !== "paused";
      endRound.disabled = !(view.phase === "playing" || view.phase === "paused");
    },
  };
}
