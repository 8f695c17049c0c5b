import type { AppId, LayerKind, ModelId } from "../engine/data";
import type { IncidentKind } from "../engine/incidentKinds";

export type ScenarioId = "old-era" | "exam-morning" | "double-12" | "free-play";
export const SCENARIO_IDS: readonly ScenarioId[] = ["old-era", "exam-morning", "double-12", "free-play"];

/** Baseline demand: [tick, requests per tick] points, linearly interpolated, flat after the last. */
export type Curve = readonly (readonly [number, number])[];

/** The forecast spike: a ramp up to a peak, a plateau, then a decay down to a tail. */
export interface SpikeSpec {
  start: number;
  ramp: number;
  hold: number;
  decay: number;
  /** Share of the peak still there after the decay, in percent. */
  tailPct: number;
  /** Extra requests per tick at the peak, on top of the baseline. */
  peak: Partial<Record<AppId, number>>;
}

/**
 * The forecast is a band, not a line: the spike starts somewhere in [start − early, start + late]
 * and peaks somewhere in [min, max] percent of the forecast, drawn per seed; sometimes a second,
 * smaller wave follows. A team that provisions for the top of the band all day pays for it.
 */
export interface Surprise {
  /** The spike starts up to this many ticks early … */
  earlyTicks: number;
  /** … or up to this many late. */
  lateTicks: number;
  /** Its peak is this share of the forecast, drawn in [min, max] percent. */
  peakPctMin: number;
  peakPctMax: number;
  /** Tick-to-tick demand noise, ± percent. */
  noisePct: number;
  secondWave: SecondWave | null;
}

export interface SecondWave {
  /** How often there is one, in percent of seeds. */
  chancePct: number;
  /** It starts this many ticks after the first wave's start … */
  delayMin: number;
  delayMax: number;
  /** … with this share of the first wave's peak, in percent. */
  sizePctMin: number;
  sizePctMax: number;
}

/** Scripted incidents are announced in the briefing; a hardware failure warns before it strikes. */
export interface ScriptedIncident {
  tick: number;
  kind: IncidentKind;
  app?: AppId;
}

export interface Scenario {
  id: ScenarioId;
  ticks: number;
  /** Clock at tick 0, minutes after midnight. */
  startMinute: number;
  budget: number;
  /** Cash may go this far below zero; spending beyond it is refused. */
  cashFloor: number;
  unlocks: readonly LayerKind[];
  apps: readonly AppId[];
  startingServers: readonly ModelId[];
  base: Partial<Record<AppId, Curve>>;
  spike: SpikeSpec | null;
  surprise: Surprise;
  /** Cents per request served (per work unit for train) and per request dropped. */
  revenue: Partial<Record<AppId, number>>;
  penalty: Partial<Record<AppId, number>>;
  /** Dropped requests cost this much more during the spike, in percent of the normal penalty. */
  spikePenaltyPct: number;
  incidents: readonly ScriptedIncident[];
  paymentIsolation: boolean;
  /** Machines can be rented by the minute (there was no cloud in the old era). */
  rent: boolean;
  /** Ticks [from, to) played at the spike's slower pace: the whole forecast window; null: none. */
  slow: readonly [number, number] | null;
}
