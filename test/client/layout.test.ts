/**
 * The racks as the canvas draws them: servers in columns, boxes as wide as the CPU they reserve
 * (the guest OS strip of a VM as wide as the engine says it costs), and the box under a pointer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { HOST_LAYERS, vmOverhead, type MatchState } from "../../shared/engine";
import { serversOf } from "../../client/src/model/datacenter";
import type { ServerView } from "../../client/src/model/types";
import { boxAt, findInstance, layoutDatacenter, UNIT_H } from "../../client/src/scenes/layout";
import { builtDatacenter } from "./match";

let state: MatchState;
let servers: ServerView[];

beforeAll(() => {
  const built = builtDatacenter();
  state = built.state;
  servers = serversOf(built.view.datacenters[0]);
});

describe("the racks' layout", () => {
  it("puts servers in as many 300 px columns as fit, two-unit servers twice as tall", () => {
    const wide = layoutDatacenter(servers, 1000);
    expect(wide.columns).toBe(3);
    expect(new Set(wide.servers.map((s) => s.frame.x)).size).toBe(3);
    const narrow = layoutDatacenter(servers, 390);
    expect(narrow.columns).toBe(1);
    const small = narrow.servers.find((s) => s.server.model === "small")!.frame.h;
    const gpu = narrow.servers.find((s) => s.server.model === "gpu")!.frame.h;
    expect(small).toBe(UNIT_H);
    expect(gpu).toBe(2 * UNIT_H + 8);
    expect(narrow.height).toBeGreaterThan(small + gpu);
  });

  it("grows the units to fill a tall view, up to three times", () => {
    const tall = layoutDatacenter(servers, 390, 5000);
    expect(tall.servers[0].frame.h).toBe(3 * UNIT_H);
  });

  it("draws each reservation as wide as its share of the server's CPU, the VM's guest OS as the engine counts it", () => {
    const layout = layoutDatacenter(servers, 1200, 600);
    const s1 = layout.servers.find((s) => s.server.id === "s1")!;
    const engineServer = state.teams[0].servers[0];
    const engineVm = engineServer.vms[0];
    const hostOs = s1.boxes.find((b) => b.kind === "overhead")!;
    const vm = s1.boxes.find((b) => b.kind === "vm")!;
    const guestOs = s1.boxes.find((b) => b.kind === "vm-overhead")!;
    expect(hostOs.w).toBeCloseTo((HOST_LAYERS.type1.cpu / 8000) * s1.bar.w, -0.5);
    expect(vm.w).toBeCloseTo(((engineVm.vcpus * 1000) / 8000) * s1.bar.w, -0.5);
    const inner = vm.w - 4;
    expect(guestOs.w).toBeCloseTo(Math.max(6, (vmOverhead(engineVm, engineServer).cpu / (engineVm.vcpus * 1000)) * inner), -0.5);
  });

  it("finds the deepest box under a point: an app in a VM beats the VM, which beats its server", () => {
    const layout = layoutDatacenter(servers, 1200, 600);
    const s1 = layout.servers.find((s) => s.server.id === "s1")!;
    const app = s1.boxes.find((b) => b.kind === "instance")!;
    const vm = s1.boxes.find((b) => b.kind === "vm")!;
    expect(boxAt(layout, app.x + app.w / 2, app.y + app.h / 2)).toMatchObject({ kind: "instance", id: app.id, server: "s1" });
    expect(boxAt(layout, vm.x + vm.w - 2, vm.y + 4)?.kind).toBe("vm");
    expect(boxAt(layout, s1.frame.x + 3, s1.frame.y + 3)).toMatchObject({ kind: "server", id: "s1" });
    expect(boxAt(layout, -5, -5)).toBeNull();
    expect(findInstance(servers, app.id)).toMatchObject({ server: { id: "s1" }, vm: { id: vm.id } });
  });
});
