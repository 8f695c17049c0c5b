/**
 * Engine tick benchmark: one JSON line per case.
 * Goal: p99 under 1 ms per tick for the large case (8 teams × 40 servers × 300+ instances).
 */
import { performance } from "node:perf_hooks";
import { advance, applyCommand, createMatch, isOver, type Command, type MatchState } from "../../shared/engine";
import { botTurn, startBotMatch } from "../../shared/sim/run";
import { percentile } from "./stats";
import { playLogged } from "../../shared/sim/log";
import { verifyLog } from "../../shared/log/verify";

function countInstances(state: MatchState): { servers: number; instances: number } {
  let servers = 0;
  let instances = 0;
  for (const t of state.teams) {
    servers += t.servers.length;
    for (const s of t.servers) {
      instances += s.instances.length;
      for (const vm of s.vms) instances += vm.instances.length;
    }
  }
  return { servers, instances };
}

function must(state: MatchState, team: number, cmd: Command): void {
  const r = applyCommand(state, team, cmd);
  if (!r.ok) throw new Error(`bench setup: ${JSON.stringify(cmd)} → ${r.error.code}`);
}

/** 40 large servers per team: 30 container hosts with 9 containers each, 10 type-1 hosts with VMs. */
function buildLarge(teams: number): MatchState {
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
          // The portal and the grades API need different Java versions: one per VM, payments beside.
          must(state, t, { type: "deploy", target: vm.id, app: v % 2 === 0 ? "web" : "grades", cpu: 2000 });
          must(state, t, { type: "deploy", target: vm.id, app: "payment", cpu: 2000 });
        }
      }
    });
  }
  return state;
}

function measure(name: string, state: MatchState, warmup: number, step?: () => void): void {
  for (let i = 0; i < warmup && !isOver(state); i++) advance(state);
  const times: number[] = [];
  while (!isOver(state)) {
    step?.();
    const t0 = performance.now();
    advance(state);
    times.push(performance.now() - t0);
  }
  const { servers, instances } = countInstances(state);
  console.log(JSON.stringify({
    name, teams: state.teams.length, servers, instances, ticks: times.length,
    msPerTickP50: Number(percentile(times, 50).toFixed(4)), msPerTickP99: Number(percentile(times, 99).toFixed(4)),
  }));
}

const bots = ["containers-autoscale", "vm-preprovision", "bare-metal", "hybrid-isolate-payment", "containers-autoscale", "random"] as const;

// A server process is long-lived: measure with the JIT warm, after one untimed match of each kind.
// The large case starts timing at tick 60, once its 3,000 synthetic instances have all come up.
function warmUp(): void {
  const warm = startBotMatch("exam-morning", bots, 1);
  while (!isOver(warm.state)) { botTurn(warm.state, warm.bots); advance(warm.state); }
  const warmLarge = buildLarge(8);
  while (!isOver(warmLarge)) advance(warmLarge);
}
warmUp();

const normal = startBotMatch("exam-morning", bots, 7);
measure("class-6-teams-exam-morning", normal.state, 0, () => botTurn(normal.state, normal.bots));

const large = buildLarge(8);
measure("large-8x40-servers", large, 60);

// Re-simulating a whole logged match (what `replay verify`, crash recovery and the browser's replay do).
{
  const eight = ["containers-autoscale", "vm-preprovision", "bare-metal", "hybrid-isolate-payment", "containers-autoscale", "vm-preprovision", "bare-metal", "random"] as const;
  const log = playLogged(startBotMatch("exam-morning", eight, 11), eight, "bench");
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const r = verifyLog(log);
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error("bench log did not verify");
  }
  console.log(JSON.stringify({
    name: "replay-verify-360-ticks-8-teams", teams: 8, ticks: log.final!.tick, entries: log.entries.length,
    msP50: Number(percentile(times, 50).toFixed(1)), msMax: Number(Math.max(...times).toFixed(1)),
  }));
}
