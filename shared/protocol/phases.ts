/** lobby → briefing (forecast shown) → playing ⇄ paused → over (debrief) → briefing … → ended */
export const PHASES = ["lobby", "briefing", "playing", "paused", "over", "ended"] as const;
export type Phase = (typeof PHASES)[number];

export type Role = "host" | "student";

/** Seat 0 is the teacher; bots act as seat -1 in logs and feeds. */
export const HOST_SEAT = 0;
export const BOT_SEAT = -1;
