/** The engine's public API: pure, deterministic, no clock, no I/O. */
export { applyCommand, applyHostAction, checkCommand, stateHash, type CommandResult } from "./api";
export { advance, isOver, paceMs } from "./tick";
export { createMatch, parseSettings } from "./match";
export { results, ranking, teamResult, type TeamResult } from "./results";
export { parseCommand, parseHostAction, CommandSchema, HostActionSchema, SettingsSchema } from "./commands";
export type { Command, CommandType, HostAction } from "./commands";
export { ERROR_CODES, type EngineError, type ErrorCode } from "./errors";
export { forecastBand, forecastDemand, smoothDemand, demandAt, type Band } from "./demand";
export { ledgerBalance } from "./money";
export { unlicensedWindows } from "./incidents";
export * from "./capacity";
export * from "./data";
export type * from "./types";
