import { describe, expect, it } from "vitest";
import { INCIDENTS, LICENCES, type LicenceEdition } from "../../shared/engine";
import { accept, createVm, fire, host, newMatch, refuse, settle, teamOf } from "./fixtures";

function buyLicence(state: ReturnType<typeof newMatch>, server: string, edition: LicenceEdition, team = 0): void {
  accept(state, { type: "buyLicence", server, edition }, team);
}

/** A hypervisor with `count` Windows VMs on it. */
function windowsVms(state: ReturnType<typeof newMatch>, count: number, model: "small" | "gpu" = "gpu"): string {
  const s = host(state, "type1", { model });
  for (let n = 0; n < count; n++) createVm(state, s, { os: "windows", vcpus: 1 });
  return s;
}

function auditCost(state: ReturnType<typeof newMatch>, team = 0): number {
  return fire(state, { kind: "audit", team: null }, team).cost;
}

describe("licences are charged at list price", () => {
  it.each(["essentials", "standard", "datacenter"] as const)("%s costs its price, booked as licence spend", (edition) => {
    const state = newMatch();
    const s = host(state, "bare-windows");
    const { cash, ledger } = structuredClone(teamOf(state));
    buyLicence(state, s, edition);
    expect(cash - teamOf(state).cash).toBe(LICENCES[edition].price);
    expect(teamOf(state).ledger.licences - ledger.licences).toBe(LICENCES[edition].price);
  });

  it("charges nothing for a hypervisor itself (KVM, Xen and free ESXi cost no licence)", () => {
    const state = newMatch();
    const cash = teamOf(state).cash;
    host(state, "type1");
    host(state, "type2");
    expect(teamOf(state).cash).toBe(cash);
  });

  it("books the paid HA suite as a hypervisor licence, apart from Windows licences, on type-1 hosts only", () => {
    const state = newMatch();
    const hv = host(state, "type1");
    const cash = teamOf(state).cash;
    buyLicence(state, hv, "ha");
    expect(cash - teamOf(state).cash).toBe(LICENCES.ha.price);
    expect(teamOf(state).ledger.hypervisorLicences).toBe(LICENCES.ha.price);
    expect(teamOf(state).ledger.licences).toBe(0);
    expect(refuse(state, { type: "buyLicence", server: hv, edition: "ha" })).toEqual({
      code: "licence_not_needed", params: { server: hv, edition: "ha" },
    });
    const t2 = host(state, "type2");
    expect(refuse(state, { type: "buyLicence", server: t2, edition: "ha" })).toEqual({
      code: "wrong_layer", params: { server: t2, layer: "type2", expected: "type1" },
    });
  });
});

describe("what each edition covers", () => {
  it("sells Essentials only for small servers", () => {
    const state = newMatch();
    const gpu = host(state, "bare-windows", { model: "gpu" });
    expect(refuse(state, { type: "buyLicence", server: gpu, edition: "essentials" })).toEqual({
      code: "licence_not_allowed", params: { edition: "essentials", model: "gpu" },
    });
    buyLicence(state, gpu, "standard");
  });

  it("Essentials covers one Windows OS: a bare Windows server, but not two Windows VMs", () => {
    const state = newMatch();
    const bare = host(state, "bare-windows");
    buyLicence(state, bare, "essentials");
    expect(auditCost(state)).toBe(0);
    const hv = windowsVms(state, 2, "small");
    buyLicence(state, hv, "essentials");
    expect(auditCost(state)).toBe(INCIDENTS.auditFinePerOse);
  });

  it("Standard covers two Windows VMs and stacks", () => {
    const state = newMatch();
    const hv = windowsVms(state, 4);
    expect(auditCost(state)).toBe(4 * INCIDENTS.auditFinePerOse);
    buyLicence(state, hv, "standard");
    expect(auditCost(state)).toBe(2 * INCIDENTS.auditFinePerOse);
    buyLicence(state, hv, "standard");
    expect(auditCost(state)).toBe(0);
  });

  it("Datacenter covers any number of Windows VMs on its host, and nothing more is needed", () => {
    const state = newMatch();
    const hv = windowsVms(state, 6);
    buyLicence(state, hv, "datacenter");
    expect(auditCost(state)).toBe(0);
    expect(refuse(state, { type: "buyLicence", server: hv, edition: "standard" })).toEqual({
      code: "licence_not_needed", params: { server: hv, edition: "datacenter" },
    });
  });

  it("covers only the server it was bought for", () => {
    const state = newMatch();
    const licensed = host(state, "bare-windows");
    buyLicence(state, licensed, "datacenter");
    host(state, "bare-windows");
    const ev = fire(state, { kind: "audit", team: 0 });
    expect(ev.cost).toBe(INCIDENTS.auditFinePerOse);
    expect(ev.hit).not.toContain(licensed);
  });
});

describe("licence audit", () => {
  it("fines each team for its own unlicensed Windows instances, as fines in the ledger", () => {
    const state = newMatch({ teams: 3 });
    const s0 = host(state, "bare-windows", { team: 0 });
    host(state, "bare-windows", { team: 1 });
    buyLicence(state, host(state, "bare-windows", { team: 1, model: "gpu" }), "standard", 1);
    buyLicence(state, s0, "essentials");
    windowsVms(state, 3, "small"); // team 0: three unlicensed Windows VMs
    const fines = state.teams.map((t) => t.ledger.fines);

    accept(state, { type: "buyServer", model: "small" }, 2); // team 2 runs no Windows at all
    const r = fire(state, { kind: "audit", team: null });
    expect(r.cost).toBe(3 * INCIDENTS.auditFinePerOse);
    expect(state.teams[0].ledger.fines - fines[0]).toBe(3 * INCIDENTS.auditFinePerOse);
    expect(state.teams[1].ledger.fines - fines[1]).toBe(INCIDENTS.auditFinePerOse);
    expect(state.teams[2].ledger.fines - fines[2]).toBe(0);
  });

  it("ignores Linux: Linux VMs and servers need no licence", () => {
    const state = newMatch();
    const hv = host(state, "type1");
    createVm(state, hv);
    createVm(state, hv);
    host(state, "bare-linux");
    host(state, "container-host", { model: "gpu" });
    settle(state);
    expect(auditCost(state)).toBe(0);
  });
});
