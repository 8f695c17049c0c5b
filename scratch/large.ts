import { performance } from "node:perf_hooks";
import { advance, applyCommand, createMatch, isOver, type Command, type MatchState } from "../shared/engine";
function must(state: MatchState, team: number, cmd: Command): void {
  const r = applyCommand(state, team, cmd);
  if (!r.ok) throw new Error(`bench setup: ${JSON.stringify(cmd)} → ${r.error.code}`);
}
export function buildLarge(teams: number): MatchState {
  const state = createMatch({ scenario: "free-play", teams: Array.from({ length: teams }, (_, i) => `T${i}`), budget: 100_000_000, trafficPct: 400 }, 42);
  for (let t = 0; t < teams; t++) {
    const team = state.teams[t];
    for (const s of [...team.servers]) must(state, t, { type: "sellServer", server: s.id });
    for (let k = 0; k < 40; k++) must(state, t, { type: "buyServer", model: "large" });
    team.servers.forEach((s, k) => {
      if (k < 30) {
        must(state, t, { type: "installLayer", server: s.id, layer: "container-host" });
        const apps = ["web", "web", "web", "grades", "grades", "payment", "web", "grades", "web"] as const;
        if (k === 0) must(state, t, { type: "deploy", target: s.id, app: "db", cpu: 16000, memLimit: 16384 });
        else for (const app of apps) must(state, t, { type: "deploy", target: s.id, app, cpu: 2000, memLimit: 2048 });
      } else {
        must(state, t, { type: "installLayer", server: s.id, layer: "type1" });
        for (let v = 0; v < 6; v++) {
          must(state, t, { type: "createVm", server: s.id, os: "linux", mode: "para", vcpus: 5, mem: 8192 });
          const vm = s.vms[s.vms.length - 1];
          must(state, t, { type: "deploy", target: vm.id, app: "web", cpu: 2000 });
          must(state, t, { type: "deploy", target: vm.id, app: "grades", cpu: 2000 });
        }
      }
    });
  }
  return state;
}
