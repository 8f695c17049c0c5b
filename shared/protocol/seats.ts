/**
 * Seat and team numbers with a meaning of their own. Seats are the room's: the teacher holds seat
 * HOST_SEAT, students get 1, 2, … in the order they join; logs and feeds also name the bots and the
 * game itself as actors.
 */
export const HOST_SEAT = 0;
/** A bot's commands, in match logs and team feeds. */
export const BOT_SEAT = -1;
/** What the game did by itself (an engine event in a team feed). */
export const SYSTEM_SEAT = -2;

/** A seat's team before the student has picked one (and the teacher's, outside practice rooms). */
export const NO_TEAM = -1;
/** A banner or notice meant for every team. */
export const EVERY_TEAM = -1;
