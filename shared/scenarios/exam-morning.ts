import type { Scenario } from "./types";

/**
 * Exam-result morning (after the UCC 2016 incident): results go out around 10:00, students pile
 * onto the portal over about 30 minutes, and each results page costs database queries. The
 * database, not the web tier, is what breaks first. The forecast is a band: the rush may start
 * 20 minutes early or 10 late, be smaller or bigger than announced, and sometimes a second
 * faculty's results bring a second wave. The type-2 hosts' OS patches reboot at 08:30; in the
 * middle of the rush (10:15) the busiest server reports failing hardware and dies ten minutes later.
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
  surprise: {
    earlyTicks: 20, lateTicks: 10, peakPctMin: 80, peakPctMax: 130, noisePct: 5,
    secondWave: { chancePct: 35, delayMin: 90, delayMax: 105, sizePctMin: 40, sizePctMax: 60 },
  },
  revenue: { web: 2, grades: 4 },
  penalty: { web: 3, grades: 6 },
  spikePenaltyPct: 250,
  incidents: [
    { tick: 150, kind: "patch" },
    { tick: 255, kind: "hardware" },
    { tick: 300, kind: "leak", app: "grades" },
  ],
  paymentIsolation: false,
  rent: true,
  slow: [210, 360],
};
