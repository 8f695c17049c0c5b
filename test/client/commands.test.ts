/**
 * Commands from what a player does: a form filled in, an item dragged onto a box of the racks, a
 * button on a selected box. Each is checked against the engine itself, on a real datacenter laid
 * out the way the canvas draws it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { APP_IDS, APPS, CommandSchema, type LayerKind, type MatchState } from "../../shared/engine";
import { buildCommand, dropCommand, pickOptions, selectionActions } from "../../client/src/commands/build";
import { COMMAND_TYPES, rowOf } from "../../client/src/commands/table";
import { serversOf, verdict } from "../../client/src/model/datacenter";
import type { ClassView, RoundView } from "../../client/src/model/types";
import { boxAt, layoutDatacenter, type Box, type Layout } from "../../client/src/scenes/layout";
import { catalogueEntries } from "../../client/src/ui/catalogue";
import { builtDatacenter } from "./match";

let state: MatchState;
let view: ClassView;
let layout: Layout;

beforeAll(() => {
  ({ state, view } = builtDatacenter());
  layout = layoutDatacenter(serversOf(view.datacenters[0]), 1000, 600);
});

const boxes = () => layout.servers.flatMap((s) => s.boxes);
const find = (pred: (b: Box) => boolean) => boxes().find(pred)!;
/** What is under the middle of a box, as the drag's hit test sees it. */
const under = (b: Box) => boxAt(layout, b.x + b.w / 2, b.y + b.h / 2);
const vmOf = (id: string) => serversOf(view.datacenters[0]).flatMap((s) => s.vms).find((v) => v.instances.some((i) => i.id === id))?.id ?? null;

describe("the command table", () => {
  it("gives every command the engine knows a form whose output its schema accepts", () => {
    expect([...COMMAND_TYPES].sort()).toEqual(CommandSchema.options.map((o) => o.shape.type.value).sort());
    const round = view.round;
    const ids = { server: "s1", vm: "v1", host: "s1", instance: "i1" };
    for (const type of COMMAND_TYPES) {
      const values = Object.fromEntries(rowOf(type).fields.map((f) => [f.name,
        f.kind === "pick" ? ids[f.pick] : f.kind === "choice" ? f.options(round)[0][0] : f.kind === "flag" ? false : String(f.initial ?? f.min)]));
      const parsed = CommandSchema.safeParse(buildCommand(type, values));
      expect(parsed.success, `${type}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it("bounds each number field by the engine's own limits: both ends are accepted, and a resize's by some app", () => {
    for (const type of COMMAND_TYPES) {
      const fields = rowOf(type).fields;
      const base = Object.fromEntries(fields.map((f) => [f.name,
        f.kind === "pick" ? "s1" : f.kind === "choice" ? f.options(view.round)[0][0] : f.kind === "flag" ? false : String(f.kind === "number" ? f.initial ?? f.min : "")]));
      for (const f of fields) {
        if (f.kind !== "number") continue;
        for (const end of f.optional ? [f.max] : [f.min, f.max]) {
          const command = buildCommand(type, { ...base, ...(type === "resize" ? { instance: "i1" } : {}), [f.name]: String(end) });
          expect(CommandSchema.safeParse(command).success, `${type}.${f.name} = ${end}`).toBe(true);
        }
      }
    }
    const cpu = rowOf("resize").fields.find((f) => f.name === "cpu");
    if (cpu?.kind !== "number") throw new Error("resize has no cpu field");
    for (const end of [cpu.min, cpu.max]) expect(APP_IDS.some((a) => APPS[a].minCpu <= end && end <= APPS[a].maxCpu), `resize cpu ${end}`).toBe(true);
    expect(cpu.initial! >= cpu.min && cpu.initial! <= cpu.max).toBe(true);
  });

  it("leaves blank or zero optional numbers to the engine, and reads the rest as typed", () => {
    expect(buildCommand("deploy", { target: "v3", app: "web", cpu: "", memLimit: "0" })).toEqual({ type: "deploy", target: "v3", app: "web" });
    expect(buildCommand("deploy", { target: "s1", app: "db", cpu: "4000", memLimit: "2048" })).toEqual({ type: "deploy", target: "s1", app: "db", cpu: 4000, memLimit: 2048 });
    expect(buildCommand("createVm", { server: "s2", os: "windows", mode: "full", vcpus: "3", mem: "4608", engine: true }))
      .toEqual({ type: "createVm", server: "s2", os: "windows", mode: "full", vcpus: 3, mem: 4608, engine: true });
  });

  it("offers the datacenter's own servers, VMs and instances to pick from", () => {
    const servers = serversOf(view.datacenters[0]);
    expect(pickOptions("server", servers).map(([id]) => id)).toEqual(state.teams[0].servers.map((s) => s.id));
    const vm = state.teams[0].servers[0].vms[0];
    expect(pickOptions("vm", servers).map(([id]) => id)).toEqual([vm.id]);
    expect(pickOptions("host", servers).map(([id]) => id)).toEqual([...state.teams[0].servers.map((s) => s.id), vm.id]);
    expect(pickOptions("instance", servers)).toHaveLength(2);
  });
});

describe("drag and drop", () => {
  it("places an app in the VM it was dropped on, through its apps, its guest OS strip or the VM itself", () => {
    const vm = state.teams[0].servers[0].vms[0].id;
    // Payments: no port or runtime clash with the portal already in the VM.
    const app = { type: "deploy" as const, values: { app: "payment" } };
    const instanceInVm = find((b) => b.kind === "instance" && vmOf(b.id) === vm);
    for (const b of [instanceInVm, find((b) => b.kind === "vm-overhead"), find((b) => b.kind === "vm")]) {
      const cmd = dropCommand(app, under(b), vmOf);
      expect(cmd).toEqual({ type: "deploy", app: "payment", target: vm });
      expect(verdict(view, 0, cmd)).toBeNull();
    }
  });

  it("places an app on the server itself when dropped on a container host's own app", () => {
    const bare = find((b) => b.kind === "instance" && b.server === "s2");
    expect(dropCommand({ type: "deploy", values: { app: "web" } }, under(bare), vmOf)).toEqual({ type: "deploy", app: "web", target: "s2" });
  });

  it("installs a layer or a VM on the server whatever part of it is under the pointer, and the engine says why not", () => {
    const layer = { type: "installLayer" as const, values: { layer: "type2" } };
    expect(dropCommand(layer, under(find((b) => b.kind === "vm")), vmOf)).toEqual({ type: "installLayer", layer: "type2", server: "s1" });
    const vm = { type: "createVm" as const, values: { os: "linux", mode: "para", vcpus: 3, mem: 2560, engine: false } };
    const onContainerHost = dropCommand(vm, under(find((b) => b.kind === "instance" && b.server === "s2")), vmOf);
    expect(onContainerHost).toMatchObject({ type: "createVm", server: "s2" });
    expect(verdict(view, 0, onContainerHost)?.code).toBe("wrong_layer");
    // s1's 8 cores are mostly its 6-vCPU VM already.
    expect(verdict(view, 0, dropCommand(vm, under(find((b) => b.kind === "server" && b.id === "s1")), vmOf))?.code).toBe("no_cpu");
  });

  it("buys a server wherever it is dropped on the racks, and sends nothing for a box-less drop of the rest", () => {
    expect(dropCommand({ type: "buyServer", values: { model: "large" } }, null, vmOf)).toEqual({ type: "buyServer", model: "large" });
    expect(dropCommand({ type: "createVm", values: { os: "linux", mode: "para", vcpus: 3, mem: 2560, engine: false } }, null, vmOf)).toBeNull();
  });

  it("migrates a VM picked up on the racks to the server it is dropped on", () => {
    const vm = state.teams[0].servers[0].vms[0].id;
    const cmd = dropCommand({ type: "migrateVm", values: { vm } }, under(find((b) => b.kind === "server" && b.id === "s3")), vmOf);
    expect(cmd).toEqual({ type: "migrateVm", vm, to: "s3" });
  });
});

describe("the catalogue", () => {
  const round = (unlocks: LayerKind[]): RoundView => ({ ...view.round, unlocks, apps: ["web", "grades", "db"] });

  it("offers VMs only with a hypervisor, licences only where Windows or the HA suite can run, rent only where there is a cloud", () => {
    const groups = (unlocks: LayerKind[], rent = true) => catalogueEntries({ ...round(unlocks), rent }).map((g) => g.entries[0].item.type);
    expect(groups(["bare-linux"], false)).toEqual(["buyServer", "installLayer", "deploy"]);
    expect(groups(["bare-linux"])).toEqual(["buyServer", "rentServer", "installLayer", "deploy"]);
    expect(groups(["bare-linux", "bare-windows"])).toEqual(["buyServer", "rentServer", "installLayer", "buyLicence", "deploy"]);
    expect(groups(["bare-linux", "type1"])).toEqual(["buyServer", "rentServer", "installLayer", "createVm", "buyLicence", "deploy"]);
    const licences = (unlocks: LayerKind[]) => catalogueEntries(round(unlocks)).flatMap((g) => g.entries).filter((e) => e.item.type === "buyLicence").map((e) => e.testid);
    expect(licences(["bare-linux", "bare-windows"])).not.toContain("cat-licence-ha");
    expect(licences(["bare-linux", "type1"])).toContain("cat-licence-ha");
  });

  it("has an item for each server model, layer, VM size, licence and app, each with its own test id", () => {
    const entries = catalogueEntries(round(["bare-linux", "bare-windows", "type1", "type2", "container-host"])).flatMap((g) => g.entries);
    const ids = entries.map((e) => e.testid);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("cat-vm-linux-8-engine");
    expect(ids).toContain("cat-layer-container-host");
    // Wherever containers run: the registry mirror, and the database with its rows on a volume.
    expect(ids.filter((x) => x.startsWith("cat-app-"))).toEqual(["cat-app-web", "cat-app-grades", "cat-app-db", "cat-app-db-volume"]);
  });

  it("drops every item onto a real server as a command the engine's schema accepts", () => {
    const server = under(find((b) => b.kind === "server" && b.id === "s3"));
    for (const e of catalogueEntries(view.round).flatMap((g) => g.entries)) {
      expect(CommandSchema.safeParse(dropCommand(e.item, server, vmOf)).success, e.testid).toBe(true);
    }
  });
});

describe("a selected box's buttons", () => {
  it("offers what the table lists, sending at once what needs nothing more", () => {
    expect(selectionActions("server").map((a) => [a.testid, a.needsForm])).toEqual([
      ["sel-install", true], ["sel-createvm", true], ["sel-deploy", true], ["sel-sell", false],
    ]);
    expect(selectionActions("vm").map((a) => [a.testid, a.needsForm])).toEqual([["sel-deploy", true], ["sel-migrate", true], ["sel-deletevm", false]]);
    expect(selectionActions("instance").map((a) => [a.type, a.field, a.needsForm])).toEqual([["resize", "instance", true], ["remove", "instance", false]]);
  });
});
