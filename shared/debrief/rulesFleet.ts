/**
 * The cards of the datacenter the team built: how tightly it packed, what it reserved and used,
 * what shared an OS, what operating systems and hypervisors kept, licences, renting, start-up
 * times, image layers, resizing, migration and the GPU node.
 */
import { HYPERVISOR_COST, LICENCES } from "../engine/data";
import { avg, body, bp, type Rules } from "./cardKit";

export const FLEET_RULES: Rules = {
  packing: ({ f }) => {
    const p = f.packing;
    if (!p || p.items === 0) return null;
    const says = [p.used <= p.ffd ? "tight" : "loose"];
    // First-fit decreasing counts servers, not dollars: fewer of them can cost more than the team's mix.
    if (p.used > p.ffd && p.ffdPrice >= p.heldPrice) says.push("dearer");
    if (p.held > p.used) says.push("empty");
    if (f.emptyPower > 0) says.push("idle-power");
    return body(says, {
      at: { tick: p.tick }, held: p.held, used: p.used, empty: p.held - p.used, ffd: p.ffd, bound: p.lowerBound,
      heldModels: { models: p.heldModels }, ffdModels: { models: p.ffdModels }, heldPrice: { cents: p.heldPrice }, ffdPrice: { cents: p.ffdPrice },
      idlePower: { cents: f.emptyPower },
    }, f.emptyPower);
  },
  // A share, not money: what idle reserved CPU cost is in the servers held (the packing card).
  occupancy: ({ f }) => {
    if (f.cpuCapacity === 0 || f.cpuReserved === 0) return null;
    return body(["body"], {
      cores: { cores: f.cpuCapacity / f.minutes }, occ: { pct: (f.cpuReserved * 100) / f.cpuCapacity },
      util: { pct: (f.cpuUseful * 100) / f.cpuCapacity }, idle: { cores: (f.cpuReserved - f.cpuUseful) / f.minutes },
    }, null);
  },
  // What sharing an OS cost shows on the leak card.
  "shared-os": ({ r, f }) => {
    if (f.appsPerOsPeak >= 2) return body(["shared"], { apps: f.appsPerOsPeak }, null);
    if (f.appsPerOsPeak === 1 && f.bareOsPeak >= 2 && f.vmsPeak === 0 && f.containers === 0) {
      return body(["oneapp"], { servers: f.bareOsPeak, util: { pct: r.utilization / 100 } }, null);
    }
    return null;
  },
  // Cores, not money: the tax costs money only where it costs a server, which the facts cannot tell.
  ostax: ({ r, f }) => {
    if (f.vmsPeak === 0) return null;
    return body(["body"], {
      cores: { cores: r.osTaxCpu }, share: { pct: f.cpuCapacity > 0 ? (r.osTaxCpu * f.minutes * 100) / f.cpuCapacity : 0 },
      vms: f.vmsPeak, guest: { cores: f.minutes > 0 ? f.guestOsCpu / f.minutes : 0 },
    }, null);
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
    if (f.lost.patch.requests > 0) says.push("patch-lost");
    return body(says, {
      t1: { bp: bp(f.type1.taxCpu, f.type1.vcpus) }, t1host: { cores: f.type1.hostMinutes > 0 ? f.type1.layerCpu / f.type1.hostMinutes : 0 },
      t2: { bp: bp(f.type2.taxCpu, f.type2.vcpus) }, t2host: { cores: f.type2.hostMinutes > 0 ? f.type2.layerCpu / f.type2.hostMinutes : 0 },
      t2min: { pct: HYPERVISOR_COST.type2.taxPct.para }, t2max: { pct: HYPERVISOR_COST.type2.taxPct.full },
      patched: f.patchHit, patchAt: { tick: Math.max(0, f.patchAt) }, patchLost: f.lost.patch.requests, patchCost: { cents: f.lost.patch.cents },
    }, t2 ? f.lost.patch.cents : null);
  },
  "licence-windows": ({ r, f }) => {
    if (r.ledger.licences === 0 && f.windowsPeak === 0 && f.auditFines === 0) return null;
    const says = [r.ledger.licences > 0 ? "spent" : "none"];
    if (f.auditFines > 0) says.push("audit");
    return body(says, {
      spent: { cents: r.ledger.licences }, oses: f.windowsPeak, fines: { cents: f.auditFines },
      standard: { cents: LICENCES.standard.price }, datacenter: { cents: LICENCES.datacenter.price },
    }, f.auditFines);
  },
  "licence-hypervisor": ({ r, f }) => {
    if (r.ledger.hypervisorLicences === 0) return null;
    const says = ["body", f.hardwareHa && f.hardwareVmsAtWarning > 0 ? "used" : "unused"];
    return body(says, { spent: { cents: r.ledger.hypervisorLicences }, hosts: Math.round(r.ledger.hypervisorLicences / LICENCES.ha.price), moved: f.hardwareVmsMoved },
      r.ledger.hypervisorLicences);
  },
  rent: ({ report, r, f }) => {
    if (f.rentedMinutes > 0) {
      const says = ["rented"];
      if (f.emptyRent > 0) says.push("idle");
      return body(says, {
        peak: f.rentedPeak, minutes: f.rentedMinutes, rent: { cents: r.ledger.rent }, arrive: avg(f.latency.rented.sum, f.latency.rented.n),
        idleRent: { cents: f.emptyRent },
      }, f.emptyRent);
    }
    if (f.boughtDuringRound === 0 || !report.rent) return null;
    return body(["bought"], { bought: f.boughtDuringRound, arrive: avg(f.latency.bought.sum, f.latency.bought.n) }, null);
  },
  boot: ({ f }) => {
    const l = f.latency;
    if (l.container.n === 0 && l.vm.n === 0) return null;
    const says: string[] = [];
    if (l.container.n > 0) says.push("containers");
    if (l.vm.n > 0) says.push("vms");
    return body(says, { containers: l.container.n, container: avg(l.container.sum, l.container.n), vms: l.vm.n, vm: avg(l.vm.sum, l.vm.n) }, null);
  },
  layers: ({ f }) => {
    if (f.containers === 0) return null;
    return body([f.pulledMb < f.imageMb ? "saved" : "body"], { n: f.containers, full: f.imageMb, pulled: f.pulledMb }, null);
  },
  resize: ({ f }) => {
    if (f.resizeLive + f.resizeRestart === 0) return null;
    const says: string[] = [];
    if (f.resizeLive > 0) says.push("live");
    if (f.resizeRestart > 0) says.push("restart");
    if (f.lost.restart.requests > 0) says.push("restart-lost");
    return body(says, { live: f.resizeLive, restart: f.resizeRestart, restartLost: f.lost.restart.requests, restartCost: { cents: f.lost.restart.cents } },
      f.lost.restart.cents);
  },
  migration: ({ f }) => {
    const other = f.migrations - f.hardwareVmsMoved;
    if (other <= 0) return null;
    return body(["body"], { n: other }, null);
  },
  gpu: ({ f }) => {
    if (f.gpuIdlePct < 0) return null;
    return body(["body"], { idle: { pct: f.gpuIdlePct } }, null);
  },
};
