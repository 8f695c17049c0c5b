/** lobby → briefing (forecast shown) → playing ⇄ paused → over (debrief) → briefing … → ended */
export const PHASES = ["lobby", "briefing", "playing", "paused", "over", "ended"] as const;
export type Phase = (typeof PHASES)[number];

export const ROLES = ["host", "student"] as const;
export type Role = (typeof ROLES)[number];
