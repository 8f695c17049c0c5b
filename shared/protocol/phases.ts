/** lobby → briefing (forecast shown) → playing ⇄ paused → over (debrief) → briefing … → ended */
export const PHASES = ["lobby", "briefing", "playing", "paused", "over", "ended"] as const;
export type Phase = (typeof PHASES)[number];

export type Role = "host" | "student";
