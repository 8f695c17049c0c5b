import type { BanEntry } from "../../../../shared/protocol/messages";
import { LIMITS } from "../../../../shared/protocol/limits";
import { t } from "../../i18n";
import type { ClassView } from "../../model/types";
import type { RoomIntents } from "../../net/types";
import { seatsOf } from "../../store/selectors";
import { h } from "../dom";
import { hostRunner } from "./run";

/**
 * The teacher's hold on seats: who asks to join a team mid-round (let in or turn down), how many
 * seats are taken of the cap (raised in any phase), clearing the seats of students who are gone
 * (a flood's leftovers, a laptop that left), and the kicked list with an undo.
 */
export function seatsPanel(room: RoomIntents): { el: HTMLElement; update(view: ClassView, bans: readonly BanEntry[]): void } {
  const run = hostRunner(room);
  const count = h("b", { testid: "host-seat-count" });
  const raise = h("button", { type: "button", testid: "host-raise-cap", text: t("host.raiseCap") });
  const clear = h("button", { type: "button", testid: "host-clear-away" });
  const requests = h("div", { class: "stack", testid: "host-requests" });
  const kicked = h("div", { class: "stack", testid: "host-kicked" });
  let max = 0;
  raise.addEventListener("click", () => void run({ type: "setCap", maxStudents: Math.min(LIMITS.maxStudents, max + 10) }));
  clear.addEventListener("click", () => void run({ type: "clearAway" }));
  const el = h("fieldset", { testid: "host-seats" }, h("legend", { text: t("host.seatsTitle") }),
    h("div", { class: "row" }, count, raise, clear), requests, kicked);
  let key = "";
  return {
    el,
    update(view, bans) {
      const students = seatsOf(view).filter((s) => s.role === "student");
      const asking = students.filter((s) => (s.asks ?? -1) >= 0);
      const away = students.filter((s) => !s.connected).length;
      const next = JSON.stringify([students.length, view.config.maxStudents, away, asking.map((s) => [s.seat, s.asks]), bans, view.teams.map((x) => x.name)]);
      if (next === key) return;
      key = next;
      max = view.config.maxStudents;
      count.textContent = t("host.seats", { count: students.length, max });
      raise.disabled = max >= LIMITS.maxStudents;
      clear.textContent = t("host.clearAway", { count: away });
      clear.disabled = away === 0;
      requests.replaceChildren(...(asking.length === 0 ? [] : [h("b", { text: t("host.requests") })]), ...asking.map((s) => h("div", { class: "row", testid: `host-request-${s.seat}` },
        h("span", { class: "grow", text: t("host.asks", { nickname: s.nickname, team: view.teams[s.asks!]?.name ?? "?" }) }),
        h("button", { type: "button", class: "primary", testid: `host-approve-${s.seat}`, text: t("host.approve"), onclick: () => void run({ type: "approve", seat: s.seat }) }),
        h("button", { type: "button", testid: `host-deny-${s.seat}`, text: t("host.deny"), onclick: () => void run({ type: "deny", seat: s.seat }) }))));
      kicked.replaceChildren(...(bans.length === 0 ? [] : [h("b", { text: t("host.kicked") })]), ...bans.map((b) => h("div", { class: "row", testid: `host-banned-${b.seat}` },
        h("span", { class: "grow", text: b.nickname }),
        h("button", { type: "button", testid: `host-unkick-${b.seat}`, text: t("host.unkick"), onclick: () => void run({ type: "unkick", seat: b.seat }) }))));
    },
  };
}
