import { describe, expect, it } from "vitest";
import { GUEST_OS, HYPERVISOR_COST, INCIDENTS, MIGRATION_MIB_PER_TICK, serverFree } from "../../shared/engine";
import {
  accept, createVm, deploy, fire, host, newMatch, refuse, served, serverById, settle, step, teamOf, timeline, vmById,
} from "./fixtures";

/** Two small type-1 hosts, a VM with the portal on the first; everything up. */
function twoHosts(mem = 16384) {
  const state = newMatch();
  const from = host(state, "type1");
  const to = host(state, "type1");
  const vm = createVm(state, from, { mem });
  const web = deploy(state, vm, "web");
  settle(state);
  return { state, from, to, vm, web };
}

describe("live migration between type-1 hosts", () => {
  it("keeps the VM serving while its memory is copied, then moves it", () => {
    const { state, from, to, vm, web } = twoHosts();
    const freeBefore = serverFree(teamOf(state), serverById(state, to));
    const start = state.tick;
    migrate(state, vm, to);
    const copyTicks = Math.ceil(vmById(state, vm).vm.mem / MIGRATION_MIB_PER_TICK);
    expect(copyTicks).toBeGreaterThan(1);

    // The target holds the VM's footprint from the start of the copy.
    const held = serverFree(teamOf(state), serverById(state, to));
    expect(freeBefore.cpu - held.cpu).toBe(vmById(state, vm).vm.vcpus * 1000);
    expect(freeBefore.mem - held.mem).toBe(vmById(state, vm).vm.mem + HYPERVISOR_COST.type1.memPerVm);

    // Copying for copyTicks ticks, arriving on the tick after: serving on every one of them.
    for (let n = 0; n <= copyTicks; n++) {
      const events = timeline(state, 1);
      expect(served(state, web)).toBeGreaterThan(0);
      const done = events.find((e) => e.kind === "migration-done");
      if (n < copyTicks) {
        expect(done).toBeUndefined();
        expect(vmById(state, vm).server.id).toBe(from);
      } else {
        expect(done).toEqual({ kind: "migration-done", team: 0, vm, from, to, tick: start + copyTicks });
      }
    }
    expect(vmById(state, vm).server.id).toBe(to);
    step(state, 3);
    expect(served(state, web)).toBeGreaterThan(0);
    // The source got its room back.
    expect(serverFree(teamOf(state), serverById(state, from)).cpu).toBeGreaterThan(held.cpu);
  });

  it("is refused from or to a type-2 host", () => {
    const state = newMatch();
    const t2 = host(state, "type2");
    const t1 = host(state, "type1");
    const onT2 = createVm(state, t2);
    const onT1 = createVm(state, t1);
    expect(refuse(state, { type: "migrateVm", vm: onT2, to: t1 })).toEqual({
      code: "migrate_needs_type1", params: { from: "type2", to: "type1" },
    });
    expect(refuse(state, { type: "migrateVm", vm: onT1, to: t2 })).toEqual({
      code: "migrate_needs_type1", params: { from: "type1", to: "type2" },
    });
  });

  it("is refused onto the same server or one without room", () => {
    const { state, from, to, vm } = twoHosts();
    expect(refuse(state, { type: "migrateVm", vm, to: from }).code).toBe("migrate_same_server");
    createVm(state, to, { vcpus: 6 });
    expect(refuse(state, { type: "migrateVm", vm, to }).code).toBe("no_cpu");
  });

  it("locks the VM and both servers while the copy runs", () => {
    const { state, from, to, vm } = twoHosts();
    migrate(state, vm, to);
    expect(refuse(state, { type: "deleteVm", vm })).toEqual({ code: "vm_busy", params: { vm } });
    expect(refuse(state, { type: "migrateVm", vm, to }).code).toBe("vm_busy");
    expect(refuse(state, { type: "sellServer", server: from })).toEqual({ code: "server_busy", params: { server: from } });
    expect(refuse(state, { type: "sellServer", server: to }).code).toBe("server_busy");
    expect(refuse(state, { type: "installLayer", server: to, layer: "bare-linux" }).code).toBe("server_busy");
  });
});

describe("surviving a hardware failure", () => {
  it("moves a VM off a failed type-1 host at once; it boots there long before the repair", () => {
    const { state, to, vm, web, from } = twoHosts();
    const t = state.tick;
    fire(state, { kind: "hardware", team: 0, server: from });
    expect(served(state, web)).toBe(0);
    migrate(state, vm, to);
    expect(vmById(state, vm).server.id).toBe(to);
    step(state, GUEST_OS.linux.bootTicks + INCIDENTS.appRestartTicks);
    expect(served(state, web)).toBe(0);
    step(state);
    expect(served(state, web)).toBeGreaterThan(0);
    expect(state.tick).toBeLessThan(t + INCIDENTS.hardwareRepairTicks);
  });

  it("cancels a migration onto a server that fails; the VM stays and keeps serving", () => {
    const { state, from, to, vm, web } = twoHosts();
    migrate(state, vm, to);
    fire(state, { kind: "hardware", team: 0, server: to });
    expect(vmById(state, vm).vm.migration).toBeNull();
    step(state, 10);
    expect(vmById(state, vm).server.id).toBe(from);
    expect(served(state, web)).toBeGreaterThan(0);
  });
});

function migrate(state: ReturnType<typeof newMatch>, vm: string, to: string): void {
  accept(state, { type: "migrateVm", vm, to });
}
