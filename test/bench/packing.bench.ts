/**
 * Packing-bound benchmark: one JSON line per case.
 * Goals: thousands of items bounded and packed in a few ms (1-D), a 40-server team in well under
 * a millisecond, and tracking every team's peak through a whole 8-team round in a few ms.
 */
import { performance } from "node:perf_hooks";
import { advance, applyCommand, createMatch, isOver, type Command, type MatchState } from "../../shared/engine";
import { firstFitDecreasing, lowerBound, lowerBoundL2 } from "../../shared/debrief/binpack";
import { notePeak, packTeam, type PackingPeak } from "../../shared/debrief/packing";
import { botTurn, startBotMatch } from "../../shared/sim/run";
import { cutBins, triplets, type KnownInstance } from "../unit/binpack-instances";
import { percentile } from "./stats";

function time(runs: number, f: () => void): { p50: number; max: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return { p50: Number(percentile(times, 50).toFixed(3)), max: Number(Math.max(...times).toFixed(3)) };
}

function oneDim(name: string, inst: KnownInstance): void {
  const { sizes, capacity, optimum } = inst;
  for (let i = 0; i < 20; i++) firstFitDecreasing(sizes, capacity);
  let l2 = 0;
  let best = 0;
  let ffd = 0;
  const tL2 = time(30, () => { l2 = lowerBoundL2(sizes, capacity); });
  const tBest = time(30, () => { best = lowerBound(sizes, capacity); });
  const tFfd = time(30, () => { ffd = firstFitDecreasing(sizes, capacity).bins; });
  console.log(JSON.stringify({
    name, items: sizes.length, optimum, l2, lowerBound: best, ffd, ffdOverOpt: Number((ffd / optimum).toFixed(4)),
    msL2P50: tL2.p50, msBoundP50: tBest.p50, msFfdP50: tFfd.p50, msFfdMax: tFfd.max,
  }));
}

oneDim("triplets-1k", triplets(334, 1));
oneDim("triplets-10k", triplets(3334, 2));
oneDim("triplets-100k", triplets(33334, 3));
oneDim("cut-bins-10k", cutBins(2500, 1000, 4));

function must(state: MatchState, cmd: Command): void {
  const r = applyCommand(state, 0, cmd);
  if (!r.ok) throw new Error(`bench setup: ${JSON.stringify(cmd)} → ${r.error.code}`);
}

/** One team of 40 large servers: 30 container hosts of 9 containers, 10 type-1 hosts of 6 VMs. */
function largeTeam(): MatchState {
  const state = createMatch({ scenario: "free-play", teams: ["T"], budget: 100_000_000 }, 42);
  for (const s of [...state.teams[0].servers]) must(state, { type: "sellServer", server: s.id });
  for (let k = 0; k < 40; k++) must(state, { type: "buyServer", model: "large" });
  state.teams[0].servers.forEach((s, k) => {
    if (k < 30) {
      must(state, { type: "installLayer", server: s.id, layer: "container-host" });
      for (let c = 0; c < 9; c++) must(state, { type: "deploy", target: s.id, app: c % 3 === 0 ? "grades" : "web", cpu: 1000 + 250 * (c % 4) });
    } else {
      must(state, { type: "installLayer", server: s.id, layer: "type1" });
      for (let v = 0; v < 6; v++) must(state, { type: "createVm", server: s.id, os: "linux", mode: "para", vcpus: 3 + (v % 3), mem: 4096 + 2048 * (v % 4) });
    }
  });
  return state;
}

{
  const state = largeTeam();
  for (let i = 0; i < 50; i++) packTeam(state.teams[0]);
  let p = packTeam(state.teams[0]);
  const t = time(200, () => { p = packTeam(state.teams[0]); });
  console.log(JSON.stringify({
    name: "team-40-large-servers", items: p.items, held: p.held, ffd: p.ffd, lowerBound: p.lowerBound, msP50: t.p50, msMax: t.max,
  }));
}

{
  const eight = ["containers-autoscale", "vm-preprovision", "bare-metal", "hybrid-isolate-payment", "containers-autoscale", "vm-preprovision", "bare-metal", "random"] as const;
  const match = startBotMatch("exam-morning", eight, 11);
  const peaks: (PackingPeak | null)[] = eight.map(() => null);
  const perTick: number[] = [];
  while (!isOver(match.state)) {
    botTurn(match.state, match.bots);
    advance(match.state);
    const t0 = performance.now();
    for (let i = 0; i < eight.length; i++) peaks[i] = notePeak(peaks[i], match.state, i, match.state.tick - 1);
    perTick.push(performance.now() - t0);
  }
  console.log(JSON.stringify({
    name: "peak-tracking-8-teams-360-ticks", ticks: perTick.length, msTotal: Number(perTick.reduce((a, b) => a + b, 0).toFixed(2)),
    msPerTickP99: Number(percentile(perTick, 99).toFixed(4)),
    peaks: peaks.map((p, i) => p && `${eight[i]}: held ${p.held}, ffd ${p.packing.ffd}, bound ${p.packing.lowerBound}`),
  }));
}
