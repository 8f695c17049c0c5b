import type { Scenario } from "./types";

/**
 * Free play: everything unlocked, every app in demand, a midday bump with a wide band; the
 * teacher adds incidents, and the scripted ones cover every lesson: a patch reboot, failing
 * hardware, a leak and a licence audit.
 */
export const freePlay: Scenario = {
  id: "free-play",
  ticks: 360,
  startMinute: 8 * 60,
  budget: 8_000_000,
  cashFloor: -1_500_000,
  unlocks: ["bare-linux", "bare-windows", "type1", "type2", "container-host"],
  apps: ["web", "grades", "db", "payment", "enroll", "train"],
  startingServers: ["small", "small", "gpu"],
  base: {
    web: [[0, 300], [120, 1200], [360, 900]],
    grades: [[0, 80], [120, 400], [360, 300]],
    payment: [[0, 20], [120, 120], [360, 80]],
    enroll: [[0, 50], [120, 300], [360, 150]],
    train: [[0, 300]],
  },
  spike: { start: 180, ramp: 20, hold: 20, decay: 60, tailPct: 30, peak: { web: 3000, grades: 1200, payment: 300 } },
  surprise: {
    earlyTicks: 15, lateTicks: 15, peakPctMin: 80, peakPctMax: 130, noisePct: 8,
    secondWave: { chancePct: 30, delayMin: 60, delayMax: 90, sizePctMin: 40, sizePctMax: 60 },
  },
  revenue: { web: 1, grades: 2, payment: 10, enroll: 3, train: 5 },
  penalty: { web: 2, grades: 4, payment: 12, enroll: 4, train: 0 },
  spikePenaltyPct: 200,
  incidents: [
    { tick: 100, kind: "patch" },
    { tick: 150, kind: "hardware" },
    { tick: 220, kind: "leak", app: "grades" },
    { tick: 300, kind: "audit" },
  ],
  paymentIsolation: true,
  rent: true,
  slow: [150, 300],
};
