/**
 * Every team command the game's screens offer, in one table: the command panel's form, the
 * catalogue's drag sources, and the buttons on a selected box are all built from it. A command the
 * engine adds is a type error here until it has a row (then it has a form, and wherever the row
 * says, a catalogue entry and a button). Labels are i18n keys.
 */
import {
  APP_IDS, APPS, GUEST_OS, LAYER_KINDS, LICENCE_EDITIONS, LICENCES, MODEL_IDS, OS_KINDS, SERVER_MODELS, VIRT_MODES, VM_LIMITS,
  type Command, type CommandType, type LayerKind,
} from "../../../shared/engine";
import { VM_FORM_DEFAULT, VM_PRESETS } from "../../../shared/scenarios/presets";
import { money, t } from "../i18n";
import type { RoundView } from "../model/types";

/** The fields of command `T` besides its type. */
export type FieldName<T extends CommandType> = Exclude<keyof Extract<Command, { type: T }>, "type"> & string;

/** Something in the team's datacenter, chosen from what is there now. */
export type Pick = "server" | "vm" | "host" | "instance";

/** A field of a command's form, named `N`. */
export type Field<N extends string = string> = { name: N } & (
  | { kind: "pick"; pick: Pick }
  | { kind: "choice"; options: (round: RoundView) => [value: string, label: string][] }
  /** `optional`: left out when blank or 0, so the engine's default applies. */
  | { kind: "number"; min: number; max: number; step: number; initial?: number; optional?: boolean }
  | { kind: "flag" }
);

/** A catalogue entry: fixed field values, shown as a card to drag onto the racks. */
export interface CatalogueItem { values: Record<string, string | number | boolean>; label: string; detail: string; testid: string }

export interface CommandRow<T extends CommandType, N extends string = FieldName<T>> {
  fields: Field<N>[];
  /** Offered in the catalogue: its group's title and the items (none when the round does not allow it). */
  catalogue?: { group: string; items(round: RoundView): CatalogueItem[] };
  /**
   * Dragged onto the racks (from the catalogue, or a VM picked up there): which field the box under
   * the drop fills — its server, or the deepest host (a VM, else its server). Without it, a drop
   * anywhere on the racks will do (a new server).
   */
  drop?: { field: N; pick: "server" | "host" };
  /** A button on a selected server, VM or instance, which fills `field` with its id. */
  onSelected?: { box: "server" | "vm" | "instance"; field: N; testid: string }[];
}

const options = (values: readonly string[], key: string) => () => values.map((v): [string, string] => [v, t(`${key}.${v}`)]);
const hypervisorIn = (round: RoundView) => round.unlocks.includes("type1") || round.unlocks.includes("type2");
const windowsIn = (round: RoundView) => round.unlocks.includes("bare-windows") || hypervisorIn(round);
const largest = (f: (m: (typeof SERVER_MODELS)[keyof typeof SERVER_MODELS]) => number) => Math.max(...MODEL_IDS.map((m) => f(SERVER_MODELS[m])));

/** In this order in the command panel's action list and in the catalogue. */
export const COMMANDS: { [T in CommandType]: CommandRow<T> } = {
  buyServer: {
    fields: [{ name: "model", kind: "choice", options: options(MODEL_IDS, "model") }],
    catalogue: {
      group: "play.servers",
      items: () => MODEL_IDS.map((m) => {
        const s = SERVER_MODELS[m];
        return {
          values: { model: m }, label: t(`model.${m}`), testid: `cat-model-${m}`,
          detail: t("model.desc", { cores: s.cpu / 1000, mem: s.mem / 1024, gpu: s.gpu ? ` · ${s.gpu} GPU` : "", price: money(s.price) })
            + (s.hwVirt ? "" : t("model.noHwVirt")),
        };
      }),
    },
  },
  rentServer: {
    fields: [{ name: "model", kind: "choice", options: () => MODEL_IDS.filter((m) => SERVER_MODELS[m].rentable).map((m) => [m, t(`model.${m}`)]) }],
    catalogue: {
      group: "play.rent",
      items: (round) => (round.rent ? MODEL_IDS.filter((m) => SERVER_MODELS[m].rentable) : []).map((m) => {
        const s = SERVER_MODELS[m];
        return {
          values: { model: m }, label: t(`model.${m}`), testid: `cat-rent-${m}`,
          detail: t("model.rentDesc", { cores: s.cpu / 1000, mem: s.mem / 1024, gpu: s.gpu ? ` · ${s.gpu} GPU` : "", price: money(s.rent) }),
        };
      }),
    },
  },
  installLayer: {
    fields: [
      { name: "server", kind: "pick", pick: "server" },
      { name: "layer", kind: "choice", options: (round) => LAYER_KINDS.filter((l) => round.unlocks.includes(l)).map((l) => [l, t(`layer.${l}`)]) },
    ],
    catalogue: {
      group: "play.layers",
      items: (round) => (round.unlocks as LayerKind[]).map((l) => ({ values: { layer: l }, label: t(`layer.${l}`), detail: t(`layer.desc-${l}`), testid: `cat-layer-${l}` })),
    },
    drop: { field: "server", pick: "server" },
    onSelected: [{ box: "server", field: "server", testid: "sel-install" }],
  },
  createVm: {
    fields: [
      { name: "server", kind: "pick", pick: "server" },
      { name: "os", kind: "choice", options: options(OS_KINDS, "os") },
      { name: "mode", kind: "choice", options: options(VIRT_MODES, "mode") },
      { name: "vcpus", kind: "number", min: VM_LIMITS.minVcpus, max: VM_LIMITS.maxVcpus, step: 1, initial: VM_FORM_DEFAULT.vcpus },
      { name: "mem", kind: "number", min: VM_LIMITS.minMem, max: VM_LIMITS.maxMem, step: 256, initial: VM_FORM_DEFAULT.mem },
      { name: "engine", kind: "flag" },
    ],
    catalogue: {
      group: "play.vms",
      items: (round) => (hypervisorIn(round) ? VM_PRESETS : []).map((p) => ({
        values: { ...p },
        label: `${t(`os.${p.os}`)} VM · ${p.vcpus} vCPU${p.engine ? ` + ${t("play.containers")}` : ""}`,
        detail: `${(p.mem / 1024).toFixed(1)} GiB · ${t(`mode.${p.mode}`)} · ${GUEST_OS[p.os].bootTicks} min`,
        testid: `cat-vm-${p.os}-${p.vcpus}${p.engine ? "-engine" : ""}`,
      })),
    },
    drop: { field: "server", pick: "server" },
    onSelected: [{ box: "server", field: "server", testid: "sel-createvm" }],
  },
  buyLicence: {
    fields: [
      { name: "server", kind: "pick", pick: "server" },
      { name: "edition", kind: "choice", options: options(LICENCE_EDITIONS, "edition") },
    ],
    catalogue: {
      group: "action.buyLicence",
      items: (round) => LICENCE_EDITIONS.filter((e) => (LICENCES[e].kind === "windows" ? windowsIn(round) : round.unlocks.includes("type1"))).map((e) => ({
        values: { edition: e }, label: t(`edition.${e}`), detail: money(LICENCES[e].price), testid: `cat-licence-${e}`,
      })),
    },
    drop: { field: "server", pick: "server" },
  },
  deploy: {
    fields: [
      { name: "target", kind: "pick", pick: "host" },
      { name: "app", kind: "choice", options: (round) => round.apps.map((a) => [a, t(`app.${a}`)]) },
      // Up to what the largest server has: more could never be placed.
      { name: "cpu", kind: "number", min: 0, max: largest((m) => m.cpu), step: 250, optional: true },
      { name: "memLimit", kind: "number", min: 0, max: largest((m) => m.mem), step: 256, optional: true },
      { name: "volume", kind: "flag" },
    ],
    catalogue: {
      group: "play.appsTitle",
      items: (round) => [
        ...round.apps.map((a) => ({
          values: { app: a } as Record<string, string | boolean>, label: t(`app.${a}`), testid: `cat-app-${a}`,
          detail: `${t(`app.desc-${a}`)} ${t("play.cores", { n: APPS[a].cpu / 1000 })} · ${APPS[a].mem / 1024} GiB`,
        })),
        // A database container whose rows outlive it: dropped on a container host.
        ...(round.apps.includes("db") && round.unlocks.includes("container-host") ? [{
          values: { app: "db", volume: true } as Record<string, string | boolean>, label: `${t("app.db")} · ${t("play.volume")}`, testid: "cat-app-db-volume",
          detail: t("app.desc-dbVolume"),
        }] : []),
      ],
    },
    drop: { field: "target", pick: "host" },
    onSelected: [{ box: "server", field: "target", testid: "sel-deploy" }, { box: "vm", field: "target", testid: "sel-deploy" }],
  },
  migrateVm: {
    fields: [{ name: "vm", kind: "pick", pick: "vm" }, { name: "to", kind: "pick", pick: "server" }],
    drop: { field: "to", pick: "server" },
    onSelected: [{ box: "vm", field: "vm", testid: "sel-migrate" }],
  },
  resize: {
    fields: [
      { name: "instance", kind: "pick", pick: "instance" },
      // The engine's bounds over every app (each app narrows them: the engine answers cpu_out_of_range).
      { name: "cpu", kind: "number", min: Math.min(...APP_IDS.map((a) => APPS[a].minCpu)), max: Math.max(...APP_IDS.map((a) => APPS[a].maxCpu)), step: 250, initial: 2000 },
    ],
    onSelected: [{ box: "instance", field: "instance", testid: "sel-resize" }],
  },
  remove: {
    fields: [{ name: "instance", kind: "pick", pick: "instance" }],
    onSelected: [{ box: "instance", field: "instance", testid: "sel-remove" }],
  },
  deleteVm: {
    fields: [{ name: "vm", kind: "pick", pick: "vm" }],
    onSelected: [{ box: "vm", field: "vm", testid: "sel-deletevm" }],
  },
  sellServer: {
    fields: [{ name: "server", kind: "pick", pick: "server" }],
    onSelected: [{ box: "server", field: "server", testid: "sel-sell" }],
  },
};

export const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];

/** A row with its field names as plain strings (for code that handles every command alike). */
export function rowOf(type: CommandType): CommandRow<CommandType, string> {
  return COMMANDS[type];
}
