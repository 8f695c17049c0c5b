import { APP_IDS, ENGINE_VERSION, type AppId } from "./data";
import { SettingsSchema, parseWith } from "./commands";
import type { EngineError } from "./errors";
import { makeServer } from "./actions";
import { emptyFigures, emptyLedger } from "./money";
import { randInt, seedState } from "./rng";
import { SCENARIOS } from "../scenarios";
import type { AppTraffic, MatchSettings, MatchState, Team, World } from "./types";

export function parseSettings(input: unknown): { ok: true; value: MatchSettings } | { ok: false; error: EngineError } {
  return parseWith<MatchSettings>(SettingsSchema, input);
}

function perApp<T>(make: () => T): Record<AppId, T> {
  const out = {} as Record<AppId, T>;
  for (const a of APP_IDS) out[a] = make();
  return out;
}

/**
 * A new match from settings (already validated, see parseSettings) and a seed. The seeded surprise
 * (the spike a little early or late, a little bigger than forecast) is drawn here, once.
 */
export function createMatch(settings: MatchSettings, seed: number): MatchState {
  const scn = SCENARIOS[settings.scenario];
  const holder = { rng: seedState(seed) };
  const s = scn.surprise;
  const shift = randInt(holder, -s.earlyTicks, s.lateTicks);
  const spikePeakPct = randInt(holder, s.peakPctMin, s.peakPctMax);
  const spikeStart = scn.spike ? scn.spike.start + shift : -1;
  let wave2Start = -1;
  let wave2PeakPct = 0;
  const w = s.secondWave;
  if (scn.spike && w && randInt(holder, 0, 99) < w.chancePct) {
    wave2Start = spikeStart + randInt(holder, w.delayMin, w.delayMax);
    wave2PeakPct = Math.trunc((spikePeakPct * randInt(holder, w.sizePctMin, w.sizePctMax)) / 100);
  }
  const unlocks = settings.unlocks ? [...settings.unlocks] : [...scn.unlocks];
  const world: World = {
    ticks: scn.ticks,
    startMinute: scn.startMinute,
    budget: settings.budget ?? scn.budget,
    cashFloor: scn.cashFloor,
    unlocks,
    trafficPct: settings.trafficPct ?? 100,
    // Wherever containers run, a team may run its own registry mirror.
    apps: [...scn.apps, ...(unlocks.includes("container-host") ? (["registry"] as const) : [])],
    spikeStart,
    spikePeakPct,
    wave2Start,
    wave2PeakPct,
    slowFrom: scn.slow ? scn.slow[0] : -1,
    slowTo: scn.slow ? scn.slow[1] : -1,
    rent: scn.rent,
    scriptedIncidents: settings.scriptedIncidents ?? true,
    paymentIsolation: scn.paymentIsolation,
  };
  const state: MatchState = {
    engineVersion: ENGINE_VERSION,
    scenario: scn.id,
    settings: structuredClone(settings),
    world,
    seed: seed | 0,
    rng: holder.rng,
    tick: 0,
    nextId: 1,
    teams: [],
    pendingIncidents: [],
    demand: perApp(() => 0),
    events: [],
  };
  settings.teams.forEach((name, id) => {
    const team: Team = {
      id, name, cash: world.budget, ledger: emptyLedger(), servers: [],
      stats: {
        ticks: 0, demand: 0, served: 0, dropped: 0, droppedPeak: 0, droppedPeakTick: -1, capacityCpu: 0,
        reservedCpu: 0, usefulCpu: 0, osTaxCpu: 0, osTaxMem: 0, spikeFirstDrop: -1, spikeRecovered: -1,
        brokeAt: -1, costsAfterBroke: 0, writes: 0, lostWrites: 0, restores: 0, publicPulls: 0, publicPullWaitTicks: 0, mirrorPulls: 0,
      },
      traffic: perApp<AppTraffic>(() => ({ demand: 0, capacity: 0, served: 0, dropped: 0 })),
      last: emptyFigures(),
      registry: { publicPulls: [], mirror: [] },
      dbOnVolume: false,
    };
    for (const model of scn.startingServers) team.servers.push(makeServer(state, model, 0, 0, false));
    state.teams.push(team);
  });
  return state;
}
