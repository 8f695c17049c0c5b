/**
 * lobby → briefing (forecast shown) → playing ⇄ paused / frozen → over (debrief) → briefing … → ended.
 * `paused`: the clock stops and nobody acts. `frozen`: the clock stops and players keep building
 * (a freeze for discussion, or extra time for some teams or students).
 */
export const PHASES = ["lobby", "briefing", "playing", "paused", "frozen", "over", "ended"] as const;
export type Phase = (typeof PHASES)[number];

export type Role = "host" | "student";
