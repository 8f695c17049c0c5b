/**
 * The synced rows carry a datacenter whole: a browser rebuilds the engine's servers from them and
 * asks the engine what a command would do. Rebuilt from rows, every team's servers equal the
 * engine's own at every minute of bot matches and of a live migration — except what a tick measured
 * and is not synced (served requests, used CPU, rows a container wrote) and busy CPU, synced in steps.
 */
import { describe, expect, it } from "vitest";
import { advance, checkCommand, type MatchState, type Server } from "../../shared/engine";
import { botTurn, startBotMatch } from "../../shared/sim/run";
import { datacenterRow } from "../../shared/view/datacenter";
import { serversFromRows } from "../../shared/view/engine";
import { quantizeBusyCpu } from "../../shared/view/quantize";
import { accept, createVm, deploy, host, newMatch, step } from "./fixtures";

/** The engine's servers as the rows can carry them. */
function synced(servers: readonly Server[]): Server[] {
  const inst = (i: Server["instances"][number]) => ({ ...i, served: 0, usedCpu: 0, writes: 0 });
  return servers.map((s) => ({
    ...s, busyCpu: quantizeBusyCpu(s.busyCpu), instances: s.instances.map(inst), vms: s.vms.map((v) => ({ ...v, instances: v.instances.map(inst) })),
  }));
}

function expectRoundTrip(state: MatchState): void {
  state.teams.forEach((team, i) => expect(serversFromRows(datacenterRow(state, i))).toEqual(synced(team.servers)));
}

describe("rows back into engine servers", () => {
  it("rebuild every team's datacenter at every minute of bot matches", () => {
    for (const scenario of ["exam-morning", "double-12"] as const) {
      const match = startBotMatch(scenario, ["vm-preprovision", "containers-autoscale", "hybrid-isolate-payment", "vm-type2"], 5);
      let vms = 0;
      for (let t = 0; t < 200; t++) {
        botTurn(match.state, match.bots);
        advance(match.state);
        expectRoundTrip(match.state);
        vms = Math.max(vms, match.state.teams.reduce((n, team) => n + team.servers.reduce((m, s) => m + s.vms.length, 0), 0));
      }
      expect(vms).toBeGreaterThan(0);
    }
  });

  it("rebuild a VM in the middle of a live migration, licences and caches included", () => {
    const state = newMatch();
    const from = host(state, "type1");
    const to = host(state, "type1");
    step(state, 10);
    const vm = createVm(state, from, { engine: true, vcpus: 4, mem: 8192 });
    step(state, 6);
    deploy(state, vm, "web");
    accept(state, { type: "buyLicence", server: to, edition: "standard" });
    step(state, 3);
    accept(state, { type: "migrateVm", vm, to });
    step(state, 1);
    expect(state.teams[0].servers.flatMap((s) => s.vms).find((v) => v.id === vm)?.migration).not.toBeNull();
    expectRoundTrip(state);
  });

  it("give the engine the same verdicts as its own state does", () => {
    const state = newMatch();
    const s1 = host(state, "container-host");
    step(state, 5);
    deploy(state, s1, "web");
    step(state, 2);
    const rebuilt: MatchState = structuredClone(state);
    rebuilt.teams[0].servers = serversFromRows(datacenterRow(state, 0));
    for (const command of [
      { type: "deploy", target: s1, app: "web" }, { type: "deploy", target: s1, app: "train" }, { type: "installLayer", server: s1, layer: "type1" },
      { type: "sellServer", server: s1 }, { type: "remove", instance: "i999" }, { type: "createVm", server: s1, os: "linux", mode: "para", vcpus: 3, mem: 4096 },
    ]) expect(checkCommand(rebuilt, 0, command)).toEqual(checkCommand(state, 0, command));
  });
});
