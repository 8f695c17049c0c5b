/**
 * Classroom presets: the lesson plan as one-click round setups, the VM sizes offered for dragging,
 * the speeds a teacher may pick, and when the "what your users see" page is worth showing. Numbers
 * the screens offer, kept beside the scenarios they set up (limits the server enforces stay in
 * engine/data and protocol/limits).
 */
import type { LayerKind, OsKind, VirtMode } from "../engine/data";
import type { ScenarioId } from "./types";
import type { BotName } from "../bots/names";

export interface LessonPreset {
  /** i18n key under `host.` */
  key: "preset1" | "preset2" | "preset3" | "preset4";
  scenario: ScenarioId;
  unlocks: readonly LayerKind[];
  /** The strategies the round's lesson compares (docs/DESIGN.md): a practice player's rival teams. */
  rivals: readonly BotName[];
}

const BARE: readonly LayerKind[] = ["bare-linux", "bare-windows"];
const HYPERVISORS: readonly LayerKind[] = [...BARE, "type1", "type2"];
const EVERYTHING: readonly LayerKind[] = [...HYPERVISORS, "container-host"];

/**
 * The lesson plan in four rounds: bare metal in the old era, then the same exam morning with
 * hypervisors and again with containers, then a flash sale with everything unlocked.
 */
export const LESSON_PRESETS: readonly LessonPreset[] = [
  { key: "preset1", scenario: "old-era", unlocks: BARE, rivals: ["one-app-per-server", "shared-os", "idle"] },
  { key: "preset2", scenario: "exam-morning", unlocks: HYPERVISORS, rivals: ["vm-consolidate", "vm-type2", "one-app-per-server"] },
  { key: "preset3", scenario: "exam-morning", unlocks: EVERYTHING, rivals: ["containers-reactive", "vm-preprovision", "bare-metal"] },
  { key: "preset4", scenario: "double-12", unlocks: EVERYTHING, rivals: ["hybrid-isolate-payment", "containers-autoscale", "vm-preprovision"] },
];

export interface VmPreset {
  os: OsKind;
  mode: VirtMode;
  vcpus: number;
  /** MiB */
  mem: number;
  engine: boolean;
}

/**
 * VM sizes offered for dragging (the command panel allows any size): two Linux sizes, a Linux VM
 * big enough to be a container host, and a Windows VM, whose guest OS needs more memory.
 */
export const VM_PRESETS: readonly VmPreset[] = [
  { os: "linux", mode: "para", vcpus: 3, mem: 2560, engine: false },
  { os: "linux", mode: "para", vcpus: 5, mem: 4096, engine: false },
  { os: "linux", mode: "para", vcpus: 8, mem: 16384, engine: true },
  { os: "windows", mode: "full", vcpus: 3, mem: 4608, engine: false },
];

/** What the command panel's VM form starts from. */
export const VM_FORM_DEFAULT = { vcpus: 3, mem: 4096 } as const;

/** Clock speeds a teacher may pick (ticks per second; within LIMITS.minTickRate..maxTickRate). */
export const TICK_RATE_CHOICES: readonly number[] = [0.5, 1, 2, 3, 4];

/**
 * Speeds offered in a practice room, and the one picked unless the player changes it: the
 * teacher's, half speed included (a student who needs longer practises at 0.5×, WCAG 2.2.1).
 */
export const PRACTICE_SPEEDS: readonly number[] = TICK_RATE_CHOICES;
export const PRACTICE_DEFAULT_SPEED = 1;

/**
 * When a student's page shows what their users see (the failing sign-in page): once more than
 * `droppedPct` of front-end requests are turned away, and only once the day is under way —
 * `minutesBeforeSpike` before a forecast spike, or from `minuteWithoutSpike` in a round without one
 * (not in the first minutes, when nothing is deployed yet).
 */
export const FAILURE_PAGE = { droppedPct: 10, minutesBeforeSpike: 15, minuteWithoutSpike: 30 } as const;

