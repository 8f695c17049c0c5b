import { h } from "./dom";
import { t } from "../i18n";
import { memory } from "../net/storage";
import { topbar } from "./topbar";
import { CODE_ALPHABET, LIMITS } from "../../../shared/protocol/limits";

export interface LandingActions {
  join(code: string, nickname: string): Promise<string | null>;
  host(): Promise<string | null>;
  practice(nickname: string): Promise<string | null>;
  resume(code: string, role: "host" | "student"): void;
}

/** Codes are shown in capitals; characters that can never be in a code (0, O, 1, I, L…) are dropped as you type. */
export function cleanCode(raw: string): string {
  return [...raw.toUpperCase()].filter((c) => CODE_ALPHABET.includes(c)).join("").slice(0, LIMITS.codeLength);
}

/** The first page: join a class by code, or (a teacher) start a session, or practise alone. `error`: why the last try failed. */
export function landing(root: HTMLElement, prefill: string, actions: LandingActions, error = ""): void {
  const code = h("input", {
    class: "code", testid: "join-code", placeholder: t("landing.codePlaceholder"), autocomplete: "off", autocapitalize: "characters",
    value: cleanCode(prefill), maxlength: String(LIMITS.codeLength), "aria-label": t("landing.code"),
  });
  code.addEventListener("input", () => { code.value = cleanCode(code.value); });
  // maxlength counts UTF-16 units (an emoji is two); the server counts visible characters.
  const nickname = h("input", {
    testid: "join-nickname", placeholder: t("landing.nicknamePlaceholder"), value: memory.nickname(), maxlength: String(LIMITS.nicknameMax * 2),
    "aria-label": t("landing.nickname"), autocomplete: "nickname",
  });
  // The error is tied to both fields (read with them) and marks them invalid while it stands.
  const errorLine = h("p", { class: "form-error", role: "alert", id: "join-error", testid: "join-error", text: error });
  const invalid = (on: boolean) => [code, nickname].forEach((el) => {
    el.setAttribute("aria-describedby", "join-error");
    if (on) el.setAttribute("aria-invalid", "true");
    else el.removeAttribute("aria-invalid");
  });
  invalid(error !== "");
  const busy = (b: boolean) => root.querySelectorAll("button").forEach((x) => { x.disabled = b; });
  const run = async (f: () => Promise<string | null>) => {
    busy(true);
    errorLine.textContent = "";
    invalid(false);
    const message = await f();
    busy(false);
    if (message) {
      errorLine.textContent = message;
      invalid(true);
    }
  };
  const joinForm = h("form", {
    class: "panel stack", testid: "join-form",
    onsubmit: (e: Event) => {
      e.preventDefault();
      memory.setNickname(nickname.value.trim());
      void run(() => actions.join(code.value, nickname.value));
    },
  },
  h("h2", { text: t("landing.join") }),
  h("label", {}, t("landing.code"), code),
  h("label", {}, t("landing.nickname"), nickname),
  h("button", { class: "primary", type: "submit", testid: "join-submit", text: t("landing.joinButton") }),
  errorLine);

  const last = memory.lastRoom();
  const resume = last
    ? h("button", {
      testid: "resume-last", onclick: () => actions.resume(last.code, last.role),
      text: t(last.role === "host" ? "landing.resumeHost" : "landing.resumeSeat", { code: last.code }),
    })
    : null;

  const teacher = h("div", { class: "panel stack" },
    h("h2", { text: t("landing.teacher") }),
    h("button", { class: "primary", testid: "host-new", onclick: () => void run(actions.host), text: t("landing.hostButton") }),
    resume,
    h("div", { class: "row" },
      h("a", { href: "/sessions", testid: "past-sessions", text: t("landing.pastSessions") }),
      h("a", { href: "/replay", testid: "open-replay", text: t("landing.replayButton") })),
    h("hr", { style: { border: "none", borderTop: "1px solid var(--line)", width: "100%" } }),
    h("p", { class: "muted", text: t("landing.practiceHint") }),
    h("button", { testid: "practice-new", onclick: () => void run(() => actions.practice(nickname.value)), text: t("landing.practiceButton") }));

  root.replaceChildren(
    topbar(),
    h("main", { class: "landing" },
      h("section", { class: "hero" }, h("h1", { text: t("brand.name") }), h("p", { class: "muted", text: t("brand.tagline") })),
      joinForm,
      teacher),
  );
  (prefill ? nickname : code).focus();
}
