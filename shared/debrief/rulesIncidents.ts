/**
 * The cards of the round's pressure: the spike and why requests were turned away in it, the
 * database as a bottleneck, and the incidents (leaks, the kernel exploit, payments on a shared
 * kernel, failed hardware).
 */
import type { CardValue } from "./card";
import { body, bp, complianceFees, dbDependants, type CardContext, type Rules } from "./cardKit";
import { LOSS_CAUSES, type LossCause } from "./losses";

/** The spike card's "why" sentences (`why-<cause>`), in the order the causes are measured (losses.ts), and their numbers. */
const WHY_PARAM: Record<LossCause, string> = {
  hardware: "whyHardware", kernel: "whyKernel", leak: "whyLeak", patch: "whyPatch", restart: "whyRestart", db: "whyDb", nodb: "whyNoDb", capacity: "whyCapacity",
};

export const INCIDENT_RULES: Rules = {
  spike: ({ report, f, spike: s }) => {
    if (!s) return null;
    const lost = f.spikeLost;
    const params: Record<string, CardValue> = {
      at: { tick: report.spikeStart }, capacity: s.capacityAtStart, peak: s.peakDemand, ahead: s.addedAhead, reaction: s.reaction,
      availability: { bp: bp(s.served, s.demand) }, worst: s.worstDropped, worstAt: { tick: Math.max(0, s.worstTick) },
      short: { apps: s.shortApps }, shortN: s.shortApps.length,
    };
    const says = [s.ready ? "ready" : s.reaction > 0 ? "reacted" : s.reaction === 0 ? "at-once" : "none"];
    // More capacity than the peak in all, yet not ready: some app had less than its own peak.
    if (!s.ready && s.shortApps.length > 0 && s.capacityAtStart >= s.peakDemand) says.push("uneven");
    if (s.addedAhead > 0) says.push("ahead");
    says.push(s.worstDropped > 0 ? "served" : "all");
    // Why requests were turned away, whenever capacity alone does not say it.
    const other = LOSS_CAUSES.some((c) => c !== "capacity" && lost[c].requests > 0);
    if (s.worstDropped > 0 && (other || s.ready || s.capacityAtStart >= s.peakDemand)) {
      for (const c of LOSS_CAUSES) {
        if (lost[c].requests <= 0) continue;
        says.push(`why-${c}`);
        params[WHY_PARAM[c]] = lost[c].requests;
      }
    }
    return body(says, params, lost.capacity.cents);
  },
  "db-bottleneck": ({ report, f }) => {
    if (f.dbShortMinutes === 0 || f.lost.db.requests === 0) return null;
    return body(["body"], { minutes: f.dbShortMinutes, lost: f.lost.db.requests, apps: { apps: dbDependants(report) } }, f.lost.db.cents);
  },
  leak: ({ f }) => {
    if (f.leaks === 0 || f.leakTargets === 0) return null;
    const says = ["hit"];
    // "3 were …" of 3 reads as a fragment: when one wall held them all, the sentence says all.
    const all = (n: number) => (n === f.leakTargets && n > 1 ? "-all" : "");
    if (f.leakLimited > 0) says.push(`limited${all(f.leakLimited)}`);
    if (f.leakAlone > 0) says.push(`alone${all(f.leakAlone)}`);
    if (f.leakRebooted > 0) says.push(`rebooted${all(f.leakRebooted)}`, f.leakCollateral > 0 ? "collateral" : "same-app");
    else if (f.leakCollateral > 0) says.push("collateral");
    return body(says, {
      leaks: f.leaks, targets: f.leakTargets, collateral: f.leakCollateral, outage: f.leakOutage,
      limited: f.leakLimited, alone: f.leakAlone, rebooted: f.leakRebooted,
      limitedOutage: f.leakLimitedOutage, aloneOutage: f.leakAloneOutage, rebootOutage: f.leakRebootOutage,
    }, f.lost.leak.cents);
  },
  kernel: ({ report, f }) => {
    if (f.kernelTargets === 0) return null;
    const says = ["body"];
    if (f.breachFines > 0) says.push("breach");
    else if (report.apps.includes("payment")) says.push("safe");
    return body(says, { at: { tick: Math.max(0, f.kernelAt) }, kernels: f.kernelTargets, hit: f.kernelHit, fine: { cents: f.breachFines } },
      f.lost.kernel.cents + f.breachFines);
  },
  compliance: (c) => {
    const fees = complianceFees(c);
    if (fees <= 0) return null;
    const payments = c.f.paymentServed;
    const shared = Math.trunc(fees / 5);
    return body(["body"], { fees: { cents: fees }, payments: shared, share: { pct: payments > 0 ? (shared * 100) / payments : 0 } }, fees);
  },
  hardware: ({ f }) => {
    const warned = f.hardwareWarnings > 0;
    if (!warned && f.suddenFailures === 0) return null;
    const params = {
      warnedAt: { tick: Math.max(0, f.hardwareWarnedAt) }, failedAt: { tick: Math.max(0, f.hardwareFailedAt) }, vms: f.hardwareVmsAtWarning,
      moved: f.hardwareVmsMoved, lost: f.hardwareLostInstances, lostVms: f.hardwareLostVms, apps: { apps: f.hardwareLostApps },
      sudden: f.suddenFailures, suddenAt: { tick: Math.max(0, f.suddenAt) }, suddenLost: f.suddenLostInstances, suddenVms: f.suddenLostVms,
      suddenApps: { apps: f.suddenLostApps },
    };
    const cost = f.lost.hardware.cents;
    if (!warned) {
      // Only the teacher breaks a server without a warning: a title and a question of its own.
      return { ...body([f.suddenFailures > 1 ? "failed-more" : "failed", ...sudden(f)], params, cost), title: "title-sudden", q: "q-sudden" };
    }
    const says: string[] = [f.hardwareFailedAt >= 0 ? "warned" : "warned-sold"];
    if (f.hardwareVmsAtWarning > 0) {
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
    if (f.suddenFailures > 0) says.push(f.suddenFailures > 1 ? "also-sudden-more" : "also-sudden", ...sudden(f));
    return body(says, params, cost);
  },
};

function sudden(f: CardContext["f"]): string[] {
  const says: string[] = [];
  if (f.suddenLostInstances > 0) says.push("sudden-lost-instances");
  if (f.suddenLostVms > 0) says.push("sudden-lost-vms");
  says.push(f.suddenLostApps.length > 0 ? "sudden-apps" : "sudden-nothing");
  return says;
}
