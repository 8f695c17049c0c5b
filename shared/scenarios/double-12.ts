import type { Scenario } from "./types";

/**
 * Double-12 midnight flash sale: the peak comes minutes after midnight, the first hour carries
 * much of the day, and some years a second round of deals at 01:00 brings a second wave.
 * Payments must not share a kernel with other apps, and a Linux kernel exploit is used through
 * the shop front at 00:15.
 */
export const double12: Scenario = {
  id: "double-12",
  ticks: 240,
  startMinute: 22 * 60,
  budget: 5_000_000,
  cashFloor: -1_000_000,
  unlocks: ["bare-linux", "bare-windows", "type1", "type2", "container-host"],
  apps: ["web", "payment", "db"],
  startingServers: ["small", "small"],
  base: {
    web: [[0, 300], [110, 600], [240, 400]],
    payment: [[0, 30], [110, 60], [240, 40]],
  },
  spike: { start: 120, ramp: 5, hold: 15, decay: 90, tailPct: 25, peak: { web: 5000, payment: 1100 } },
  surprise: {
    earlyTicks: 0, lateTicks: 2, peakPctMin: 80, peakPctMax: 140, noisePct: 5,
    secondWave: { chancePct: 50, delayMin: 58, delayMax: 62, sizePctMin: 40, sizePctMax: 60 },
  },
  revenue: { web: 2, payment: 12 },
  penalty: { web: 3, payment: 15 },
  spikePenaltyPct: 200,
  incidents: [{ tick: 135, kind: "kernel", app: "web" }],
  paymentIsolation: true,
  rent: true,
  slow: [110, 240],
};
