import type { Scenario } from "./types";

/**
 * Exam-result morning (after the UCC 2016 incident): results go out at 10:00, students pile onto
 * the portal over about 30 minutes, and each results page costs database queries. The database,
 * not the web tier, is what breaks first.
 */
export const examMorning: Scenario = {
  id: "exam-morning",
  ticks: 360,
  startMinute: 6 * 60,
  budget: 5_000_000,
  cashFloor: -1_000_000,
  unlocks: ["bare-linux", "bare-windows", "type1", "type2", "container-host"],
  apps: ["web", "grades", "db"],
  startingServers: ["small", "small"],
  base: {
    web: [[0, 60], [90, 250], [180, 500], [240, 700], [360, 600]],
    grades: [[0, 10], [90, 60], [180, 150], [240, 200], [360, 200]],
  },
  spike: { start: 240, ramp: 30, hold: 30, decay: 60, tailPct: 30, peak: { web: 5300, grades: 3000 } },
  surprise: { earlyTicks: 10, lateTicks: 3, peakPctMin: 100, peakPctMax: 125, noisePct: 5 },
  revenue: { web: 1, grades: 2 },
  penalty: { web: 2, grades: 4 },
  spikePenaltyPct: 250,
  incidents: [{ tick: 285, kind: "leak", app: "grades" }],
  paymentIsolation: false,
};
