/**
 * Commands from what a player did: a form filled in, an item dropped on a box, a button on a
 * selected box. Pure functions of the command table; the engine still judges each one.
 */
import type { Command, CommandType } from "../../../shared/engine";
import { t } from "../i18n";
import type { ServerView } from "../model/types";
import type { Box } from "../scenes/layout";
import { COMMAND_TYPES, rowOf, type Field, type Pick } from "./table";

/** A form's values as read from its inputs: text and numbers as typed, flags as booleans. */
export type FormValues = Record<string, string | boolean>;

/** The command a filled-in form asks for; blank optional numbers and unticked flags are left out (the engine's defaults apply). */
export function buildCommand(type: CommandType, values: FormValues): Command {
  const cmd: Record<string, unknown> = { type };
  for (const f of rowOf(type).fields) {
    const v = values[f.name];
    // A flag left unticked is left out: the engine's default (off) applies.
    if (f.kind === "flag") { if (v === true) cmd[f.name] = true; }
    else if (f.kind === "number") {
      const n = Number(v);
      if (f.optional && (v === "" || v === undefined || n === 0)) continue;
      cmd[f.name] = n;
    } else cmd[f.name] = String(v ?? "");
  }
  return cmd as Command;
}

/** The datacenter's servers, VMs, hosts or instances as [id, label] choices. */
export function pickOptions(pick: Pick, servers: readonly ServerView[]): [string, string][] {
  const serverChoices = () => servers.map((s): [string, string] => [s.id, `${s.id} · ${t(`model.${s.model}`)} · ${s.layer ? t(`layer.${s.layer}`) : t("layer.none")}`]);
  const vmChoices = () => servers.flatMap((s) => s.vms.map((v): [string, string] => [v.id, `${v.id} · ${t(`os.${v.os}`)} ${v.vcpus} vCPU (${s.id})`]));
  switch (pick) {
    case "server": return serverChoices();
    case "vm": return vmChoices();
    case "host": return [...serverChoices(), ...vmChoices()];
    case "instance": return servers.flatMap((s) => [
      ...s.instances.map((i): [string, string] => [i.id, `${i.id} · ${t(`app.${i.app}`)} (${s.id})`]),
      ...s.vms.flatMap((v) => v.instances.map((i): [string, string] => [i.id, `${i.id} · ${t(`app.${i.app}`)} (${v.id})`])),
    ]);
  }
}

/** Something being dragged: a catalogue item, or a VM picked up on the racks to migrate it. */
export interface DragItem {
  type: CommandType;
  values: Record<string, string | number | boolean>;
}

/** The command a drop would send: what was dragged, onto what (null: nothing to send). */
export function dropCommand(item: DragItem, box: Box | null, vmOfInstance: (instance: string) => string | null): Command | null {
  const target = rowOf(item.type).drop;
  if (!target) return { type: item.type, ...item.values } as Command;
  if (!box) return null;
  let id = box.server;
  if (target.pick === "host") {
    if (box.kind === "vm") id = box.id;
    else if (box.kind === "vm-overhead") id = box.id.split(":")[0];
    else if (box.kind === "instance") id = vmOfInstance(box.id) ?? box.server;
  }
  return { type: item.type, ...item.values, [target.field]: id } as Command;
}

/** The buttons a selected box offers, in table order: the command, the field its id fills, and whether more must be chosen first. */
export function selectionActions(box: "server" | "vm" | "instance"): { type: CommandType; field: string; testid: string; needsForm: boolean }[] {
  return COMMAND_TYPES.flatMap((type) => (rowOf(type).onSelected ?? []).filter((s) => s.box === box).map((s) => ({
    type, field: s.field, testid: s.testid,
    needsForm: rowOf(type).fields.some((f: Field) => f.name !== s.field && !(f.kind === "number" && f.optional) && f.kind !== "flag"),
  })));
}
