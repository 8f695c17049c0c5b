import { SCENARIOS } from "../../../shared/scenarios";
import { t } from "../i18n";
import type { ClassView } from "../model/types";
import type { RoomIntents } from "../net/types";
import { h, option } from "./dom";
import { LESSON_PRESETS, PRACTICE_DEFAULT_SPEED, PRACTICE_SPEEDS } from "../../../shared/scenarios/presets";
import { practiceRivalTeam } from "../../../shared/protocol/tuning";
import { endSessionButton, hostRunner, quickBar, type HostControls } from "./host/run";

/** Kept across redraws of the lobby, which is rebuilt whenever its teams change. */
let speedChoice = PRACTICE_DEFAULT_SPEED;

/**
 * A practice room has no teacher: the player picks a round of the lesson plan and a speed, then
 * starts it and later the clock, with the same host commands a teacher would send.
 */
export function practiceSetup(room: RoomIntents, title = t("practice.title")): HTMLElement {
  const run = hostRunner(room);
  const speed = h("select", {
    testid: "practice-speed", "aria-label": t("host.tickRate"),
    onchange: (e: Event) => { speedChoice = Number((e.target as HTMLSelectElement).value); },
  }, PRACTICE_SPEEDS.map((r) => option(String(r), `${r}×`, r === speedChoice)));
  return h("section", { class: "panel stack", testid: "practice-setup" },
    h("h2", { text: title }),
    h("p", { class: "muted", text: t("practice.intro") }),
    h("label", {}, t("host.tickRate"), speed),
    h("div", { class: "preset-grid" }, LESSON_PRESETS.map((p) => h("button", {
      type: "button", class: "primary", testid: `practice-${p.key}`, text: t(`host.${p.key}`),
      onclick: async () => {
        const configured = await run({
          type: "configure", scenario: p.scenario, unlocks: [...p.unlocks], budget: SCENARIOS[p.scenario].budget, tickRate: Number(speed.value),
        });
        if (!configured) return;
        // The round's rival strategies play the other teams.
        for (const [i, bot] of p.rivals.entries()) if (!(await run({ type: "setBot", team: practiceRivalTeam(i), bot }))) return;
        await run({ type: "start" });
      },
    }))));
}

/** In a practice room's briefing the player starts the clock when ready. */
export function practiceGo(room: RoomIntents): HTMLElement {
  const run = hostRunner(room);
  return h("button", {
    type: "button", class: "primary", testid: "practice-go", text: t("host.go"), style: { fontSize: "1.2rem" },
    onclick: () => void run({ type: "start" }),
  });
}

/** What a practice player needs while a round runs (the teacher's quick bar) or after it (the next round). */
export function practiceControls(room: RoomIntents, over: boolean): HostControls {
  const endSession = endSessionButton(hostRunner(room));
  if (over) {
    return {
      el: h("div", { class: "page stack", testid: "practice-controls" }, practiceSetup(room, t("practice.next")), h("div", { class: "row" }, endSession)),
      update: () => {},
    };
  }
  const bar = quickBar(room);
  return { el: h("section", { class: "panel row", testid: "practice-controls" }, bar.el, endSession), update: (view: ClassView) => bar.update(view) };
}
