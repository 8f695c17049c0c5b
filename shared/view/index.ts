/** The synced rows and the pure functions that build them from engine state (see rows.ts). */
export type * from "./rows";
export { FEED_KINDS } from "./rows";
export { LOAD_STEP_PCT, BUSY_CPU_STEP, quantizeLoad, quantizeBusyCpu } from "./quantize";
export { datacenterRow, flatten, figuresOf, instanceRow, serverRow, trafficRows, vmRow } from "./datacenter";
export { teamScoreRow } from "./leaderboard";
export { demandRow, roundRow } from "./round";
export { commandLine, eventBanner, eventLine, noticeLine } from "./feed";
export { historyFor } from "./history";
export { roomFromMatch, type ReplayMeta } from "./replay";
