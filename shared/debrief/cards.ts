/**
 * Which cards a team gets and what they say: one rule per card, each with its firing condition
 * and its numbers from the round's facts (report.ts, track.ts). A rule returns null when its lesson
 * did not show in this team's round; a card never states what the round does not bear out.
 */
import { APPS, HYPERVISOR_COST, LICENCES, type AppId } from "../engine/data";
import type { TeamResult } from "../engine/results";
import type { Card, CardId } from "./card";
import type { RoundReport, SpikeFacts } from "./report";
import type { TeamFacts } from "./track";

export interface CardContext {
  report: RoundReport;
  team: number;
  r: TeamResult;
  f: TeamFacts;
  spike: SpikeFacts | null;
}

type Body = Omit<Card, "id">;
type Rule = (c: CardContext) => Body | null;
const body = (says: string[], params: Body["params"]): Body => ({ says, params });

const bp = (part: number, whole: number) => (whole > 0 ? Math.trunc((part * 10000) / whole) : 0);
const avg = (sum: number, n: number) => (n > 0 ? Math.round((sum * 10) / n) / 10 : 0);

/** Apps whose requests query the database, in this round. */
function dbDependants(report: RoundReport): AppId[] {
  return report.apps.filter((a) => (APPS[a].deps.db ?? 0) > 0);
}

export function complianceFees(c: Pick<CardContext, "r" | "f">): number {
  return c.r.ledger.fines - c.f.breachFines - c.f.auditFines;
}

const RULES: Record<CardId, Rule> = {
  spike: ({ report, spike: s }) => {
    if (!s) return null;
    const params = {
      at: { tick: report.spikeStart }, capacity: s.capacityAtStart, peak: s.peakDemand, ahead: s.addedAhead, reaction: s.reaction,
      availability: { bp: bp(s.served, s.demand) }, worst: s.worstDropped, worstAt: { tick: Math.max(0, s.worstTick) },
    };
    const says = [s.capacityAtStart >= s.peakDemand ? "ready" : s.reaction > 0 ? "reacted" : s.reaction === 0 ? "at-once" : "none"];
    if (s.addedAhead > 0) says.push("ahead");
    says.push(s.worstDropped > 0 ? "served" : "all");
    return { says, params };
  },
  // Built from a simulation, not from the facts: see whatif.ts and whatIfCard.
  "what-if": () => null,
  "db-bottleneck": ({ report, f }) => {
    if (f.dbShortMinutes === 0) return null;
    return { says: ["body"], params: { minutes: f.dbShortMinutes, lost: f.dbShortLost, apps: { apps: dbDependants(report) } } };
  },
  leak: ({ f }) => {
    if (f.leaks === 0 || f.leakTargets === 0) return null;
    return {
      says: [f.leakCollateral > 0 ? "shared" : "contained"],
      params: { leaks: f.leaks, targets: f.leakTargets, collateral: f.leakCollateral, outage: f.leakOutage },
    };
  },
  kernel: ({ report, f }) => {
    if (f.kernelTargets === 0) return null;
    const says = ["body"];
    if (f.breachFines > 0) says.push("breach");
    else if (report.apps.includes("payment")) says.push("safe");
    return { says, params: { at: { tick: Math.max(0, f.kernelAt) }, kernels: f.kernelTargets, hit: f.kernelHit, fine: { cents: f.breachFines } } };
  },
  compliance: (c) => {
    const fees = complianceFees(c);
    if (fees <= 0) return null;
    const payments = c.f.paymentServed;
    const shared = Math.trunc(fees / 5);
    return { says: ["body"], params: { fees: { cents: fees }, payments: shared, share: { pct: payments > 0 ? (shared * 100) / payments : 0 } } };
  },
  hardware: ({ f }) => {
    if (f.hardwareWarnings === 0 && f.hardwareFailedAt < 0) return null;
    const says: string[] = [];
    if (f.hardwareWarnings > 0) says.push(f.hardwareFailedAt >= 0 ? "warned" : "warned-sold");
    else says.push("failed");
    if (f.hardwareWarnings > 0 && f.hardwareVmsAtWarning > 0) {
      // "1 of the 1 VM" and "0 of the 3 VMs" read badly: all and none have sentences of their own.
      const moved = f.hardwareHa ? "moved-ha" : "moved";
      const share = f.hardwareVmsMoved === 0 ? "-none" : f.hardwareVmsMoved >= f.hardwareVmsAtWarning ? "-all" : "";
      says.push(f.hardwareLayer !== "type1" ? "stuck" : moved + share);
    }
    if (f.hardwareFailedAt >= 0) {
      if (f.hardwareLostInstances > 0) says.push("lost-instances");
      if (f.hardwareLostVms > 0) says.push("lost-vms");
      if (f.hardwareLostInstances + f.hardwareLostVms === 0) says.push(f.hardwareLoadAtWarning > 0 ? "cleared" : "nothing");
      if (f.hardwareLostApps.length > 0) says.push("apps");
    }
    return {
      says,
      params: {
        warnedAt: { tick: Math.max(0, f.hardwareWarnedAt) }, failedAt: { tick: Math.max(0, f.hardwareFailedAt) }, vms: f.hardwareVmsAtWarning,
        moved: f.hardwareVmsMoved, lost: f.hardwareLostInstances, lostVms: f.hardwareLostVms, apps: { apps: f.hardwareLostApps },
      },
    };
  },
  packing: ({ f }) => {
    const p = f.packing;
    if (!p || p.items === 0) return null;
    const says = [p.used <= p.ffd ? "tight" : "loose"];
    // First-fit decreasing counts servers, not dollars: fewer of them can cost more than the team's mix.
    if (p.used > p.ffd && p.ffdPrice >= p.heldPrice) says.push("dearer");
    if (p.held > p.used) says.push("empty");
    return {
      says,
      params: {
        at: { tick: p.tick }, held: p.held, used: p.used, empty: p.held - p.used, ffd: p.ffd, bound: p.lowerBound,
        heldModels: { models: p.heldModels }, ffdModels: { models: p.ffdModels }, heldPrice: { cents: p.heldPrice }, ffdPrice: { cents: p.ffdPrice },
      },
    };
  },
  occupancy: ({ f }) => {
    if (f.cpuCapacity === 0 || f.cpuReserved === 0) return null;
    return {
      says: ["body"],
      params: {
        cores: { cores: f.cpuCapacity / f.minutes }, occ: { pct: (f.cpuReserved * 100) / f.cpuCapacity },
        util: { pct: (f.cpuUseful * 100) / f.cpuCapacity }, idle: { cores: (f.cpuReserved - f.cpuUseful) / f.minutes },
      },
    };
  },
  "shared-os": ({ r, f }) => {
    if (f.appsPerOsPeak >= 2) return body(["shared"], { apps: f.appsPerOsPeak });
    if (f.appsPerOsPeak === 1 && f.bareOsPeak >= 2 && f.vmsPeak === 0 && f.containers === 0) {
      return body(["oneapp"], { servers: f.bareOsPeak, util: { pct: r.utilization / 100 } });
    }
    return null;
  },
  ostax: ({ r, f }) => {
    if (f.vmsPeak === 0) return null;
    return {
      says: ["body"],
      params: {
        cores: { cores: r.osTaxCpu }, share: { pct: f.cpuCapacity > 0 ? (r.osTaxCpu * f.minutes * 100) / f.cpuCapacity : 0 },
        vms: f.vmsPeak, guest: { cores: f.minutes > 0 ? f.guestOsCpu / f.minutes : 0 },
      },
    };
  },
  "hypervisor-type": ({ report, f }) => {
    const t1 = f.type1.hostMinutes > 0;
    const t2 = f.type2.hostMinutes > 0;
    if (!t2 && !(t1 && report.unlocks.includes("type2"))) return null;
    const says: string[] = [];
    // A host with no VM on it has no virtualization share to quote ("0 % of the VMs' CPU" of no VMs).
    if (t1) says.push(f.type1.vcpus > 0 ? "type1" : "type1-idle");
    if (t2) says.push(f.type2.vcpus > 0 ? "type2" : "type2-idle");
    else says.push("no-type2");
    if (f.patchHit > 0) says.push("patch");
    return {
      says,
      params: {
        t1: { bp: bp(f.type1.taxCpu, f.type1.vcpus) }, t1host: { cores: f.type1.hostMinutes > 0 ? f.type1.layerCpu / f.type1.hostMinutes : 0 },
        t2: { bp: bp(f.type2.taxCpu, f.type2.vcpus) }, t2host: { cores: f.type2.hostMinutes > 0 ? f.type2.layerCpu / f.type2.hostMinutes : 0 },
        t2min: { pct: HYPERVISOR_COST.type2.taxPct.para }, t2max: { pct: HYPERVISOR_COST.type2.taxPct.full },
        patched: f.patchHit, patchAt: { tick: Math.max(0, f.patchAt) },
      },
    };
  },
  "licence-windows": ({ r, f }) => {
    if (r.ledger.licences === 0 && f.windowsPeak === 0 && f.auditFines === 0) return null;
    const says = [r.ledger.licences > 0 ? "spent" : "none"];
    if (f.auditFines > 0) says.push("audit");
    return {
      says,
      params: {
        spent: { cents: r.ledger.licences }, oses: f.windowsPeak, fines: { cents: f.auditFines },
        standard: { cents: LICENCES.standard.price }, datacenter: { cents: LICENCES.datacenter.price },
      },
    };
  },
  "licence-hypervisor": ({ r, f }) => {
    if (r.ledger.hypervisorLicences === 0) return null;
    const says = ["body", f.hardwareHa && f.hardwareVmsAtWarning > 0 ? "used" : "unused"];
    return { says, params: { spent: { cents: r.ledger.hypervisorLicences }, hosts: Math.round(r.ledger.hypervisorLicences / LICENCES.ha.price), moved: f.hardwareVmsMoved } };
  },
  rent: ({ report, r, f }) => {
    if (f.rentedMinutes > 0) {
      return body(["rented"], { peak: f.rentedPeak, minutes: f.rentedMinutes, rent: { cents: r.ledger.rent }, arrive: avg(f.latency.rented.sum, f.latency.rented.n) });
    }
    if (f.boughtDuringRound === 0 || !report.rent) return null;
    return { says: ["bought"], params: { bought: f.boughtDuringRound, arrive: avg(f.latency.bought.sum, f.latency.bought.n) } };
  },
  boot: ({ f }) => {
    const l = f.latency;
    if (l.container.n === 0 && l.vm.n === 0) return null;
    const says: string[] = [];
    if (l.container.n > 0) says.push("containers");
    if (l.vm.n > 0) says.push("vms");
    return {
      says,
      params: { containers: l.container.n, container: avg(l.container.sum, l.container.n), vms: l.vm.n, vm: avg(l.vm.sum, l.vm.n) },
    };
  },
  layers: ({ f }) => {
    if (f.containers === 0) return null;
    return {
      says: [f.pulledMb < f.imageMb ? "saved" : "body"],
      params: { n: f.containers, full: f.imageMb, pulled: f.pulledMb },
    };
  },
  resize: ({ f }) => {
    if (f.resizeLive + f.resizeRestart === 0) return null;
    const says: string[] = [];
    if (f.resizeLive > 0) says.push("live");
    if (f.resizeRestart > 0) says.push("restart");
    return { says, params: { live: f.resizeLive, restart: f.resizeRestart } };
  },
  migration: ({ f }) => {
    const other = f.migrations - f.hardwareVmsMoved;
    if (other <= 0) return null;
    return { says: ["body"], params: { n: other } };
  },
  gpu: ({ f }) => {
    if (f.gpuIdlePct < 0) return null;
    return { says: ["body"], params: { idle: { pct: f.gpuIdlePct } } };
  },
};

export function cardContext(report: RoundReport, team: number): CardContext | null {
  const r = report.results[team];
  const f = report.facts[team];
  if (!r || !f) return null;
  return { report, team, r, f, spike: report.spike[team] ?? null };
}

/** One card by id, or null when its lesson did not show in this team's round. */
export function cardFor(id: CardId, report: RoundReport, team: number): Card | null {
  const c = cardContext(report, team);
  if (!c) return null;
  const body = RULES[id](c);
  return body ? { id, ...body } : null;
}

/** The cards of one team, in the order the debrief shows them (the round's headline first). */
export function teamCards(report: RoundReport, team: number, whatIf: Card | null = null): Card[] {
  const c = cardContext(report, team);
  if (!c) return [];
  const out: Card[] = [];
  for (const id of Object.keys(RULES) as CardId[]) {
    if (id === "what-if") {
      if (whatIf) out.push(whatIf);
      continue;
    }
    const body = RULES[id](c);
    if (body) out.push({ id, ...body });
  }
  return out;
}
