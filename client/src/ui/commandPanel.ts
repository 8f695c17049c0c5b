import { APPS, type AppId, type Command, type CommandType } from "../../../shared/engine";
import { buildCommand, pickOptions, type FormValues } from "../commands/build";
import { COMMAND_TYPES, rowOf, type Field } from "../commands/table";
import { t } from "../i18n";
import type { RoundView, ServerView } from "../model/types";
import { h, option } from "./dom";

interface Input {
  field: Field;
  el: HTMLInputElement | HTMLSelectElement;
}

/** The input for one field of the command table (test ids: `cmd-<field>`, lower case). */
function inputFor(f: Field, round: RoundView): HTMLInputElement | HTMLSelectElement {
  const testid = `cmd-${f.name.toLowerCase()}`;
  switch (f.kind) {
    case "pick": return h("select", { name: f.name, testid });
    case "choice": return h("select", { name: f.name, testid }, f.options(round).map(([v, l]) => option(v, l)));
    case "flag": return h("input", { type: "checkbox", name: f.name, testid });
    case "number": return h("input", {
      type: "number", name: f.name, min: String(f.min), max: String(f.max), step: String(f.step), value: f.optional ? "" : String(f.initial ?? f.min), testid, inputmode: "numeric",
    });
  }
}

function valuesOf(inputs: Input[]): FormValues {
  return Object.fromEntries(inputs.map(({ field, el }) => [field.name, el instanceof HTMLInputElement && el.type === "checkbox" ? el.checked : el.value]));
}

export interface CommandPanel {
  el: HTMLElement;
  refresh(servers: readonly ServerView[]): void;
  /**
   * Pre-fills the panel (a box picked on the racks or in the list, a catalogue item chosen by
   * keyboard) and puts the focus on the first field still to choose, or on the submit button.
   */
  focusOn(action: CommandType, values: Record<string, string | number | boolean>): void;
}

/**
 * Every action without dragging: labelled controls, keyboard only, one form per row of the
 * command table. The browser tests drive the game through this panel.
 */
export function commandPanel(round: RoundView, send: (c: Command) => Promise<{ ok: boolean; message?: string }>): CommandPanel {
  let action: CommandType = COMMAND_TYPES[0];
  let inputs: Input[] = [];
  let last: readonly ServerView[] = [];
  const box = h("div", { class: "fields" });
  // Seen, not said: the command's one announcement is when it is carried out or refused (speech/news.ts, toasts).
  const status = h("p", { class: "muted", testid: "cmd-status", style: { margin: 0 } });
  const actionSelect = h("select", {
    testid: "cmd-action", "aria-label": t("play.action"),
    onchange: () => { action = actionSelect.value as CommandType; build(); },
  }, COMMAND_TYPES.map((a) => option(a, t(`action.${a}`))));

  const build = () => {
    inputs = rowOf(action).fields.map((field) => ({ field, el: inputFor(field, round) }));
    box.replaceChildren(...inputs.map(({ field, el }) => {
      const label = t(`action.${field.name === "target" ? "targetHost" : field.name}`);
      return field.kind === "flag" ? h("label", { class: "inline" }, el, label) : h("label", {}, label, el);
    }));
    refresh(last);
    // An app's own CPU share is the default: show it where a number may be typed instead.
    const app = inputs.find((i) => i.field.name === "app");
    const cpu = inputs.find((i) => i.field.name === "cpu");
    if (app && cpu) {
      const sync = () => { (cpu.el as HTMLInputElement).placeholder = String(APPS[app.el.value as AppId]?.cpu ?? ""); };
      app.el.addEventListener("change", sync);
      sync();
    }
  };

  const refresh = (list: readonly ServerView[]) => {
    last = list;
    for (const { field, el } of inputs) {
      if (field.kind !== "pick" || !(el instanceof HTMLSelectElement)) continue;
      const choices = pickOptions(field.pick, list);
      const keep = el.value;
      const same = el.options.length === choices.length && choices.every(([v, l], i) => el.options[i].value === v && el.options[i].text === l);
      if (same) continue;
      el.replaceChildren(...(choices.length ? choices.map(([v, l]) => option(v, l, v === keep)) : [option("", t("play.chooseTarget"))]));
    }
  };

  const submit = h("button", { class: "primary", type: "submit", testid: "cmd-submit", text: t("play.submit") });
  const form = h("form", {
    testid: "cmd-form",
    onsubmit: async (e: Event) => {
      e.preventDefault();
      status.textContent = t("play.pending");
      const r = await send(buildCommand(action, valuesOf(inputs)));
      status.textContent = r.ok ? t("play.queued") : r.message ?? "";
    },
  },
  h("label", {}, t("play.action"), actionSelect),
  box,
  submit,
  status);
  build();
  return {
    el: h("section", { class: "panel cmd-panel", testid: "command-panel" }, h("h3", { text: t("play.panel") }), form),
    refresh,
    focusOn(a, values) {
      action = a;
      actionSelect.value = a;
      build();
      for (const { field, el } of inputs) {
        const v = values[field.name];
        if (v === undefined) continue;
        if (el instanceof HTMLInputElement && el.type === "checkbox") el.checked = v === true;
        else el.value = String(v);
        el.dispatchEvent(new Event("change"));
      }
      const next = inputs.find(({ field }) => values[field.name] === undefined && field.kind !== "flag" && !(field.kind === "number" && field.optional));
      const target = next?.el ?? submit;
      target.scrollIntoView({ block: "nearest" });
      target.focus();
      status.textContent = t("a11y.panelReady", { action: t(`action.${a}`) });
    },
  };
}
