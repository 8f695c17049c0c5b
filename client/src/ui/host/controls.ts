import { BUDGET_LIMITS, LAYER_KINDS, TRAFFIC_PCT_LIMITS, type LayerKind } from "../../../../shared/engine/data";
import { BOT_NAMES } from "../../../../shared/bots/names";
import { SCENARIOS, SCENARIO_IDS, type ScenarioId } from "../../../../shared/scenarios";
import { LESSON_PRESETS, TICK_RATE_CHOICES } from "../../../../shared/scenarios/presets";
import { LIMITS } from "../../../../shared/protocol/limits";
import type { HostCommand } from "../../../../shared/protocol/messages";
import type { Phase } from "../../../../shared/protocol/phases";
import { money, t } from "../../i18n";
import type { RoomIntents } from "../../net/types";
import type { ClassView } from "../../model/types";
import { midRound, seatsOf } from "../../store/selectors";
import { h, option } from "../dom";
import { toast } from "../toasts";
import { endSessionButton, hostRunner, type HostControls } from "./run";
import { endRoundAsked, kickAsked } from "./confirm";

/** Every host command as labelled controls (also how the browser tests drive the teacher). */
export function hostControls(room: RoomIntents): HostControls {
  const run = hostRunner(room);

  // Round setup
  const scenario = h("select", { testid: "host-scenario" }, SCENARIO_IDS.map((s) => option(s, t(`scenario.${s}`))));
  // The budget is typed in dollars and kept in cents.
  const budget = h("input", { type: "number", min: String(BUDGET_LIMITS.min / 100), max: String(BUDGET_LIMITS.max / 100), step: "1000", testid: "host-budget" });
  const tickRate = h("select", { testid: "host-tickrate" }, TICK_RATE_CHOICES.map((r) => option(String(r), `${r}×`)));
  const unlockBoxes = LAYER_KINDS.map((l) => h("input", { type: "checkbox", value: l, testid: `host-unlock-${l}` }));
  const traffic = h("input", { type: "number", min: String(TRAFFIC_PCT_LIMITS.min), max: String(TRAFFIC_PCT_LIMITS.max), step: "5", testid: "host-traffic" });
  const incidents = h("input", { type: "checkbox", testid: "host-scripted" });
  const countdown = h("input", { type: "checkbox", testid: "host-countdown" });
  const maxStudents = h("input", { type: "number", min: String(LIMITS.minStudents), max: String(LIMITS.maxStudents), testid: "host-maxstudents" });
  const teamNames = h("textarea", { rows: 4, testid: "host-teamnames" });
  let loaded = false;
  let lastCap = -1;
  const fill = (scn: ScenarioId, unlocks: readonly string[]) => {
    scenario.value = scn;
    budget.value = String(Math.round(SCENARIOS[scn].budget / 100));
    unlockBoxes.forEach((b) => { b.checked = unlocks.includes(b.value); });
  };
  scenario.addEventListener("change", () => fill(scenario.value as ScenarioId, SCENARIOS[scenario.value as ScenarioId].unlocks));
  const apply = () => {
    const names = teamNames.value.split("\n").map((s) => s.trim()).filter(Boolean).slice(0, LIMITS.maxTeams);
    void run({
      type: "configure", scenario: scenario.value as ScenarioId, budget: Math.round(Number(budget.value) * 100),
      tickRate: Number(tickRate.value), unlocks: unlockBoxes.filter((b) => b.checked).map((b) => b.value as LayerKind),
      trafficPct: Number(traffic.value), scriptedIncidents: incidents.checked, maxStudents: Number(maxStudents.value), countdown: countdown.checked,
      ...(names.length >= LIMITS.minTeams ? { teams: names } : {}),
    }).then((ok) => ok && toast(t("common.ok"), "ok", 1500));
  };
  // What the server holds now: the teacher sees that a preset or "Apply" took effect.
  const current = h("p", { class: "muted", testid: "host-current", style: { margin: "0" } });
  const setup = h("fieldset", { testid: "host-setup" },
    h("legend", { text: t("host.setup") }),
    current,
    h("div", { class: "row" }, h("span", { class: "muted", text: t("host.presets") }),
      // A preset is a whole setup: it is applied at once, or "Start round" would run the old one.
      LESSON_PRESETS.map((p) => h("button", { type: "button", testid: `host-${p.key}`, onclick: () => { fill(p.scenario, p.unlocks); apply(); }, text: t(`host.${p.key}`) }))),
    h("label", {}, t("host.scenario"), scenario),
    h("label", {}, t("host.budget"), budget),
    h("div", {}, h("span", { class: "muted", text: t("host.unlocks") }),
      h("div", { class: "checks" }, unlockBoxes.map((b) => h("label", { class: "inline" }, b, t(`layer.${b.value}`))))),
    h("label", {}, t("host.traffic"), traffic),
    h("label", { class: "inline" }, incidents, t("host.incidents")),
    h("label", { class: "inline" }, countdown, t("host.countdown")),
    h("label", {}, t("host.maxStudents"), maxStudents),
    h("label", {}, t("host.teamNames"), teamNames),
    h("button", { type: "button", class: "primary", testid: "host-apply", onclick: apply, text: t("host.applySetup") }));

  // Round flow
  const btn = (key: string, testid: string, action: HostCommand, cls = "") => h("button", { type: "button", class: cls, testid, onclick: () => void run(action), text: t(key) });
  const startRound = btn("host.start", "host-start", { type: "start" }, "primary");
  const go = btn("host.go", "host-go", { type: "start" }, "primary");
  const pause = btn("host.pause", "host-pause", { type: "pause" });
  const freeze = btn("host.freeze", "host-freeze", { type: "freeze" });
  const resume = btn("host.resume", "host-resume", { type: "resume" }, "primary");
  let phaseNow: Phase = "lobby";
  const endRound = h("button", { type: "button", class: "danger", testid: "host-endround", text: t("host.endRound"), onclick: () => void endRoundAsked(run, phaseNow) });
  const endSession = endSessionButton(run);
  // The class's pace, at once and in any phase (the setup's "Apply" sends it too).
  tickRate.addEventListener("change", () => void run({ type: "speed", tickRate: Number(tickRate.value) }));
  const lock = btn("host.lock", "host-lock", { type: "lock" });
  const unlock = btn("host.unlock", "host-unlock", { type: "unlock" });
  const flow = h("fieldset", { testid: "host-flow" }, h("legend", { text: t("host.controls") }),
    h("div", { class: "row" }, startRound, go, pause, freeze, resume),
    h("label", {}, t("host.speed"), tickRate),
    h("div", { class: "row" }, lock, unlock, btn("host.autoBalance", "host-autobalance", { type: "autoBalance" })),
    // Set apart from the round's flow: these end things for everyone, and ask first.
    h("div", { class: "danger-zone", role: "group", "aria-labelledby": "danger-zone-title" },
      h("p", { id: "danger-zone-title", class: "muted", text: t("host.endsForEveryone") }), h("div", { class: "row" }, endRound, endSession)));

  // Incidents and messages
  const incKind = h("select", { testid: "host-incident-kind" }, (["leak", "kernel", "hardware", "audit"] as const).map((k) => option(k, t(`incident.${k}`))));
  const incTeam = h("select", { testid: "host-incident-team" });
  const incApp = h("select", { testid: "host-incident-app" });
  const msgText = h("input", { maxlength: String(LIMITS.messageMax), placeholder: t("host.messagePlaceholder"), testid: "host-message-text" });
  const msgTeam = h("select", { testid: "host-message-team" });
  const teamValue = (s: HTMLSelectElement) => (s.value === "" ? null : Number(s.value));
  const events = h("fieldset", { testid: "host-events" }, h("legend", { text: t("host.incident") }),
    h("label", {}, t("host.incidentKind"), incKind), h("label", {}, t("host.incidentTeam"), incTeam), h("label", {}, t("host.incidentApp"), incApp),
    h("button", {
      type: "button", testid: "host-incident-fire", text: t("host.fire"),
      onclick: () => void run({ type: "incident", kind: incKind.value as "leak", team: teamValue(incTeam), ...(incApp.value ? { app: incApp.value as never } : {}) }),
    }),
    h("hr"),
    h("label", {}, t("host.message"), msgText), h("label", {}, t("host.incidentTeam"), msgTeam),
    h("button", {
      type: "button", testid: "host-message-send", text: t("host.sendMessage"),
      onclick: () => { if (msgText.value.trim()) void run({ type: "message", text: msgText.value.trim(), team: teamValue(msgTeam) }).then((ok) => { if (ok) msgText.value = ""; }); },
    }));

  // Teams (bots) and students
  const teamsBox = h("div", { class: "stack", testid: "host-teams" });
  const studentsBox = h("div", { class: "stack", testid: "host-students" });
  const people = h("fieldset", {}, h("legend", { text: t("common.teams") }), teamsBox, h("hr"), studentsBox);

  const el = h("section", { class: "controls", testid: "host-controls" }, flow, setup, events, people);
  let teamKey = "";
  let studentKey = "";
  return {
    el,
    update(view: ClassView) {
      const phase = view.phase;
      phaseNow = phase;
      const cfg = view.config;
      if (!loaded) {
        loaded = true;
        fill(cfg.scenario, [...cfg.unlocks]);
        budget.value = String(Math.round(cfg.budget / 100));
        traffic.value = String(cfg.trafficPct);
        incidents.checked = cfg.scriptedIncidents;
        countdown.checked = cfg.countdown;
        maxStudents.value = String(cfg.maxStudents);
        teamNames.value = view.teams.map((x) => x.name).join("\n");
      }
      // The speed is the class's now: the select shows what the server holds.
      if (document.activeElement !== tickRate && tickRate.value !== String(cfg.tickRate)) tickRate.value = String(cfg.tickRate);
      // The cap also moves from the Seats panel (in any phase): the setup follows it, or "Apply" would undo it.
      if (cfg.maxStudents !== lastCap) {
        lastCap = cfg.maxStudents;
        maxStudents.value = String(cfg.maxStudents);
      }
      current.textContent = t("host.current", {
        scenario: t(`scenario.${cfg.scenario}`), speed: `${cfg.tickRate}×`, budget: money(cfg.budget), layers: cfg.unlocks.length,
      });
      startRound.disabled = !(phase === "lobby" || phase === "over");
      go.disabled = phase !== "briefing";
      pause.disabled = phase !== "playing" && phase !== "frozen";
      freeze.disabled = phase !== "playing" && phase !== "paused";
      resume.disabled = phase !== "paused" && phase !== "frozen";
      endRound.disabled = !(phase === "briefing" || midRound(view));
      lock.hidden = view.locked;
      unlock.hidden = !view.locked;
      setup.disabled = !(phase === "lobby" || phase === "over");
      const key = view.teams.map((x) => `${x.name}:${x.bot}`).join("|") + view.round.apps.join(",");
      if (key !== teamKey) {
        teamKey = key;
        const teamOptions = () => [option("", t("common.all")), ...view.teams.map((x, i) => option(String(i), x.name))];
        incTeam.replaceChildren(...teamOptions());
        msgTeam.replaceChildren(...teamOptions());
        incApp.replaceChildren(option("", "—"), ...[...view.round.apps].map((a) => option(a, t(`app.${a}`))));
        teamsBox.replaceChildren(...view.teams.map((team, i) => h("label", {}, team.name,
          h("select", {
            testid: `host-bot-${i}`,
            onchange: (e: Event) => { const v = (e.target as HTMLSelectElement).value; void run({ type: "setBot", team: i, bot: v ? (v as never) : null }); },
          }, option("", t("host.human"), !team.bot), BOT_NAMES.map((b) => option(b, `${t("host.bot")}: ${b}`, team.bot === b))))));
      }
      const students = seatsOf(view).filter((s) => s.role === "student");
      const sKey = students.map((s) => `${s.seat}:${s.team}:${s.connected}`).join("|") + view.teams.length;
      if (sKey !== studentKey) {
        studentKey = sKey;
        studentsBox.replaceChildren(h("b", { text: t("host.students", { count: students.length }) }), ...students.map((s) => h("div", { class: "row", testid: `host-student-${s.seat}` },
          h("span", { class: "grow", style: { opacity: s.connected ? "1" : "0.5" }, text: `${s.nickname}${s.connected ? "" : ` (${t("host.offline")})`}` }),
          h("select", {
            "aria-label": t("host.move"), testid: `host-move-${s.seat}`,
            onchange: (e: Event) => {
              const team = Number((e.target as HTMLSelectElement).value);
              if (team >= 0) void run({ type: "move", seat: s.seat, team });
            },
          }, option("-1", "—", s.team < 0), view.teams.map((x, i) => option(String(i), x.name, s.team === i))),
          h("button", { type: "button", class: "danger", testid: `host-kick-${s.seat}`, "aria-label": `${t("host.kick")}: ${s.nickname}`, onclick: () => void kickAsked(run, s.seat, s.nickname), text: t("host.kick") }))));
      }
    },
  };
}
