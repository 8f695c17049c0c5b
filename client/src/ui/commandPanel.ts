import {
  APPS, LAYER_KINDS, LICENCE_EDITIONS, MODEL_IDS, VM_LIMITS, type AppId, type Command,
} from "../../../shared/engine";
import { t } from "../i18n";
import type { RoundView, ServerView } from "../model/types";
import { h, option } from "./dom";

type Action = Command["type"];
const ACTIONS: Action[] = ["buyServer", "installLayer", "createVm", "deploy", "buyLicence", "migrateVm", "remove", "deleteVm", "sellServer"];

interface Field {
  name: string;
  el: HTMLInputElement | HTMLSelectElement;
  /** Options from the current datacenter (servers, VMs, instances), refreshed each tick. */
  source?: (servers: readonly ServerView[]) => [string, string][];
}

function servers(list: readonly ServerView[]): [string, string][] {
  return list.map((s) => [s.id, `${s.id} · ${t(`model.${s.model}`)} · ${s.layer ? t(`layer.${s.layer}`) : t("layer.none")}`]);
}

function vms(list: readonly ServerView[]): [string, string][] {
  return list.flatMap((s) => s.vms.map((v): [string, string] => [v.id, `${v.id} · ${t(`os.${v.os}`)} ${v.vcpus} vCPU (${s.id})`]));
}

function hosts(list: readonly ServerView[]): [string, string][] {
  return [...servers(list), ...vms(list)];
}

function instances(list: readonly ServerView[]): [string, string][] {
  return list.flatMap((s) => [
    ...s.instances.map((i): [string, string] => [i.id, `${i.id} · ${t(`app.${i.app}`)} (${s.id})`]),
    ...s.vms.flatMap((v) => v.instances.map((i): [string, string] => [i.id, `${i.id} · ${t(`app.${i.app}`)} (${v.id})`])),
  ]);
}

function select(name: string, choices: [string, string][], testid: string): HTMLSelectElement {
  return h("select", { name, testid }, choices.map(([v, l]) => option(v, l)));
}

function number(name: string, min: number, max: number, value: number, testid: string, step = 1): HTMLInputElement {
  return h("input", { type: "number", name, min: String(min), max: String(max), step: String(step), value: String(value), testid, inputmode: "numeric" });
}

function fieldsFor(action: Action, round: RoundView): Field[] {
  const apps = round.apps as AppId[];
  switch (action) {
    case "buyServer": return [{ name: "model", el: select("model", MODEL_IDS.map((m) => [m, t(`model.${m}`)]), "cmd-model") }];
    case "sellServer": return [{ name: "server", el: select("server", [], "cmd-server"), source: servers }];
    case "installLayer": return [
      { name: "server", el: select("server", [], "cmd-server"), source: servers },
      { name: "layer", el: select("layer", LAYER_KINDS.filter((l) => round.unlocks.includes(l)).map((l) => [l, t(`layer.${l}`)]), "cmd-layer") },
    ];
    case "buyLicence": return [
      { name: "server", el: select("server", [], "cmd-server"), source: servers },
      { name: "edition", el: select("edition", LICENCE_EDITIONS.map((e) => [e, t(`edition.${e}`)]), "cmd-edition") },
    ];
    case "createVm": return [
      { name: "server", el: select("server", [], "cmd-server"), source: servers },
      { name: "os", el: select("os", [["linux", t("os.linux")], ["windows", t("os.windows")]], "cmd-os") },
      { name: "mode", el: select("mode", [["para", t("mode.para")], ["full", t("mode.full")]], "cmd-mode") },
      { name: "vcpus", el: number("vcpus", VM_LIMITS.minVcpus, VM_LIMITS.maxVcpus, 3, "cmd-vcpus") },
      { name: "mem", el: number("mem", VM_LIMITS.minMem, VM_LIMITS.maxMem, 4096, "cmd-mem", 256) },
      { name: "engine", el: h("input", { type: "checkbox", name: "engine", testid: "cmd-engine" }) },
    ];
    case "deleteVm": return [{ name: "vm", el: select("vm", [], "cmd-vm"), source: vms }];
    case "migrateVm": return [
      { name: "vm", el: select("vm", [], "cmd-vm"), source: vms },
      { name: "to", el: select("to", [], "cmd-to"), source: servers },
    ];
    case "deploy": return [
      { name: "target", el: select("target", [], "cmd-target"), source: hosts },
      { name: "app", el: select("app", apps.map((a) => [a, t(`app.${a}`)]), "cmd-app") },
      { name: "cpu", el: number("cpu", 0, 32000, 0, "cmd-cpu", 250) },
      { name: "memLimit", el: number("memLimit", 0, 65536, 0, "cmd-memlimit", 256) },
    ];
    case "remove": return [{ name: "instance", el: select("instance", [], "cmd-instance"), source: instances }];
  }
}

/** Reads the form into a command; empty optional numbers are left out (the engine's defaults apply). */
function readCommand(action: Action, fields: Field[]): Command {
  const cmd: Record<string, unknown> = { type: action };
  for (const f of fields) {
    if (f.el instanceof HTMLInputElement && f.el.type === "checkbox") cmd[f.name] = f.el.checked;
    else if (f.el instanceof HTMLInputElement && f.el.type === "number") {
      const n = Number(f.el.value);
      if ((f.name === "cpu" || f.name === "memLimit") && (!f.el.value || n === 0)) continue;
      cmd[f.name] = n;
    } else cmd[f.name] = f.el.value;
  }
  return cmd as Command;
}

export interface CommandPanel {
  el: HTMLElement;
  refresh(servers: readonly ServerView[]): void;
  /** Pre-fills the panel (tapping a box on the canvas picks it as the target). */
  focusOn(action: Action, values: Record<string, string>): void;
}

/**
 * Every action without dragging: labelled controls, keyboard only. The browser tests drive the game
 * through this panel.
 */
export function commandPanel(round: RoundView, send: (c: Command) => Promise<{ ok: boolean; message?: string }>): CommandPanel {
  let action: Action = "buyServer";
  let fields: Field[] = [];
  let last: readonly ServerView[] = [];
  const box = h("div", { class: "fields" });
  const status = h("p", { class: "muted", role: "status", testid: "cmd-status", style: { margin: 0 } });
  const actionSelect = h("select", {
    testid: "cmd-action", "aria-label": t("play.action"),
    onchange: () => { action = actionSelect.value as Action; build(); },
  }, ACTIONS.map((a) => option(a, t(`action.${a}`))));

  const build = () => {
    fields = fieldsFor(action, round);
    box.replaceChildren(...fields.map((f) => {
      const label = t(`action.${f.name === "target" ? "targetHost" : f.name}`);
      return f.el instanceof HTMLInputElement && f.el.type === "checkbox"
        ? h("label", { class: "inline" }, f.el, label)
        : h("label", {}, label, f.el);
    }));
    refresh(last);
    const app = fields.find((f) => f.name === "app");
    const cpu = fields.find((f) => f.name === "cpu");
    if (app && cpu) {
      const sync = () => { (cpu.el as HTMLInputElement).placeholder = String(APPS[app.el.value as AppId].cpu); };
      app.el.addEventListener("change", sync);
      sync();
      (cpu.el as HTMLInputElement).value = "";
      const mem = fields.find((f) => f.name === "memLimit");
      if (mem) (mem.el as HTMLInputElement).value = "";
    }
  };

  const refresh = (list: readonly ServerView[]) => {
    last = list;
    for (const f of fields) {
      if (!f.source || !(f.el instanceof HTMLSelectElement)) continue;
      const choices = f.source(list);
      const keep = f.el.value;
      const same = f.el.options.length === choices.length && choices.every(([v, l], i) => f.el instanceof HTMLSelectElement && f.el.options[i].value === v && f.el.options[i].text === l);
      if (same) continue;
      f.el.replaceChildren(...(choices.length ? choices.map(([v, l]) => option(v, l, v === keep)) : [option("", t("play.chooseTarget"))]));
    }
  };

  const form = h("form", {
    testid: "cmd-form",
    onsubmit: async (e: Event) => {
      e.preventDefault();
      status.textContent = t("play.pending");
      const r = await send(readCommand(action, fields));
      status.textContent = r.ok ? t("play.queued") : r.message ?? "";
    },
  },
  h("label", {}, t("play.action"), actionSelect),
  box,
  h("button", { class: "primary", type: "submit", testid: "cmd-submit", text: t("play.submit") }),
  status);
  build();
  return {
    el: h("section", { class: "panel cmd-panel", testid: "command-panel" }, h("h3", { text: t("play.panel") }), form),
    refresh,
    focusOn(a: Action, values: Record<string, string>) {
      action = a;
      actionSelect.value = a;
      build();
      for (const f of fields) if (values[f.name] !== undefined) f.el.value = values[f.name];
      actionSelect.focus();
    },
  };
}

