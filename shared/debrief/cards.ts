import { GUEST_OS, HYPERVISOR_COST } from "../engine/data";
import type { RoundReport } from "./report";

/** A concept card: which lesson (GAME.md's table) and the team's own numbers to fill it with. */
export interface ConceptCard {
  id: "spike" | "occupancy" | "oneapp" | "ostax" | "licence" | "boot" | "kernel" | "leak" | "layers" | "hypervisor" | "gpu" | "db" | "migration";
  params: Record<string, number | string>;
  /** Text key when the numbers call for another wording than `<id>-body`. */
  body?: string;
}

const pct = (bp: number) => Math.round(bp / 100);

/** The mechanics that mattered for one team this round, most telling first. */
export function conceptCards(report: RoundReport, team: number): ConceptCard[] {
  const r = report.results[team];
  const f = report.facts[team];
  if (!r || !f) return [];
  const unlocks = new Set(report.settings.unlocks ?? []);
  const cards: ConceptCard[] = [];
  if (report.spikeStart >= 0) cards.push({ id: "spike", params: { dropped: r.droppedPeak, availability: (r.availability / 100).toFixed(1) } });
  if (f.dbShortTicks > 0) cards.push({ id: "db", params: { n: f.dbShortTicks } });
  if (f.kernelHit > 0) cards.push({ id: "kernel", params: { hit: f.kernelHit, cost: f.kernelCost } });
  if (f.leakHit > 0) cards.push({ id: "leak", params: { hit: f.leakHit } });
  cards.push({ id: "occupancy", params: { occ: pct(r.occupancy), util: pct(r.utilization) } });
  if (f.bareServers >= 3 && f.vms === 0 && f.containers === 0) cards.push({ id: "oneapp", params: { servers: f.servers, util: pct(r.utilization) } });
  if (f.vms > 0) cards.push({ id: "ostax", params: { cores: (r.osTaxCpu / 1000).toFixed(1) } });
  const reaction = report.reactions[team];
  if (report.spikeStart >= 0 && (f.vms > 0 || f.containers > 0) && reaction >= 0) {
    cards.push({ id: "boot", params: { n: reaction - report.spikeStart, linux: GUEST_OS.linux.bootTicks, windows: GUEST_OS.windows.bootTicks } });
  }
  // Quote the saving only when sharing shows: after heavy churn a host may have pulled more than is running.
  if (f.containers > 0) cards.push(f.containers > 1 && f.pulledMb < f.imageMb
    ? { id: "layers", body: "layers-saved", params: { n: f.containers, full: f.imageMb, pulled: f.pulledMb } }
    : { id: "layers", params: {} });
  if (f.type2 > 0 || (f.type1 > 0 && unlocks.has("type2"))) {
    cards.push({ id: "hypervisor", params: { t1: HYPERVISOR_COST.type1.taxPct.para, t2: HYPERVISOR_COST.type2.taxPct.full } });
  }
  // Windows licences only: the hypervisor suite is a licence of another kind.
  if (r.ledger.licences > 0 || f.windowsOses > 0) cards.push({ id: "licence", params: { money: r.ledger.licences } });
  if (f.migrations > 0) cards.push({ id: "migration", params: { n: f.migrations } });
  if (f.gpuIdlePct !== null) cards.push({ id: "gpu", params: { idle: f.gpuIdlePct } });
  return cards;
}
