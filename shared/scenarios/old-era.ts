import type { Scenario } from "./types";

/**
 * The old era: bare servers only and no cloud to rent from; a normal morning with the
 * registration-week rush on the legacy course-selection app. Leaks strike four times
 * (on a shared OS each one takes its neighbours down), and the licence auditor calls at 11:40.
 * A research group's training job sits on a GPU node whose CPU is idle unless put to work.
 */
export const oldEra: Scenario = {
  id: "old-era",
  ticks: 240,
  startMinute: 8 * 60,
  budget: 5_000_000,
  cashFloor: -1_000_000,
  unlocks: ["bare-linux", "bare-windows"],
  apps: ["web", "grades", "db", "enroll", "train"],
  startingServers: ["small", "small", "gpu"],
  base: {
    web: [[0, 200], [60, 700], [180, 800], [240, 600]],
    grades: [[0, 50], [60, 250], [240, 300]],
    enroll: [[0, 20], [50, 40], [60, 300], [120, 450], [150, 200], [240, 100]],
    train: [[0, 400]],
  },
  spike: null,
  surprise: { earlyTicks: 0, lateTicks: 0, peakPctMin: 100, peakPctMax: 100, noisePct: 5, secondWave: null },
  revenue: { web: 2, grades: 3, enroll: 5, train: 6 },
  penalty: { web: 15, grades: 25, enroll: 30, train: 0 },
  spikePenaltyPct: 100,
  incidents: [
    { tick: 45, kind: "leak", app: "web" },
    { tick: 95, kind: "leak", app: "grades" },
    { tick: 140, kind: "leak", app: "db" },
    { tick: 185, kind: "leak", app: "web" },
    { tick: 220, kind: "audit" },
  ],
  paymentIsolation: false,
  rent: false,
  slow: [50, 160],
};
