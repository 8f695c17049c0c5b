import { z } from "zod";
import {
  APP_IDS, BUDGET_LIMITS, LAYER_KINDS, LICENCE_EDITIONS, MAX_TEAMS, MODEL_IDS, OS_KINDS,
  TEAM_NAME_MAX, TRAFFIC_PCT_LIMITS, VIRT_MODES, VM_LIMITS,
} from "./data";
import { SCENARIO_IDS } from "../scenarios/types";
import { err, type EngineError } from "./errors";
import { INCIDENT_KINDS } from "./types";

/**
 * Commands are untrusted input (they come from browsers): every schema is strict, so unknown
 * fields, wrong types and out-of-range numbers are refused before the engine looks at state.
 */
const serverId = z.string().regex(/^s\d{1,9}$/);
const vmId = z.string().regex(/^v\d{1,9}$/);
const instanceId = z.string().regex(/^i\d{1,9}$/);
const hostId = z.string().regex(/^[sv]\d{1,9}$/);
const int = (min: number, max: number) => z.number().int().min(min).max(max);

const app = z.enum(APP_IDS);
const model = z.enum(MODEL_IDS);

export const CommandSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("buyServer"), model }),
  z.strictObject({ type: z.literal("rentServer"), model }),
  z.strictObject({ type: z.literal("sellServer"), server: serverId }),
  z.strictObject({ type: z.literal("installLayer"), server: serverId, layer: z.enum(LAYER_KINDS) }),
  z.strictObject({ type: z.literal("buyLicence"), server: serverId, edition: z.enum(LICENCE_EDITIONS) }),
  z.strictObject({
    type: z.literal("createVm"),
    server: serverId,
    os: z.enum(OS_KINDS),
    mode: z.enum(VIRT_MODES),
    vcpus: int(VM_LIMITS.minVcpus, VM_LIMITS.maxVcpus),
    mem: int(VM_LIMITS.minMem, VM_LIMITS.maxMem),
    engine: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal("deleteVm"), vm: vmId }),
  z.strictObject({ type: z.literal("migrateVm"), vm: vmId, to: serverId }),
  z.strictObject({
    type: z.literal("deploy"),
    target: hostId,
    app,
    cpu: int(1, 1_000_000).optional(),
    memLimit: int(1, 1_000_000).optional(),
    volume: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal("remove"), instance: instanceId }),
  z.strictObject({ type: z.literal("resize"), instance: instanceId, cpu: int(1, 1_000_000) }),
]);

/** The command union, inferred from its schema so the two cannot drift. */
export type Command = z.infer<typeof CommandSchema>;

export type CommandType = Command["type"];

export const HostActionSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("incident"),
    kind: z.enum(INCIDENT_KINDS),
    team: int(0, MAX_TEAMS - 1).nullable(),
    app: app.optional(),
    server: serverId.optional(),
  }),
]);

export type HostAction = z.infer<typeof HostActionSchema>;

export const SettingsSchema = z.strictObject({
  scenario: z.enum(SCENARIO_IDS),
  teams: z.array(z.string().min(1).max(TEAM_NAME_MAX)).min(1).max(MAX_TEAMS),
  budget: int(BUDGET_LIMITS.min, BUDGET_LIMITS.max).optional(),
  unlocks: z.array(z.enum(LAYER_KINDS)).max(LAYER_KINDS.length).optional(),
  trafficPct: int(TRAFFIC_PCT_LIMITS.min, TRAFFIC_PCT_LIMITS.max).optional(),
  scriptedIncidents: z.boolean().optional(),
});

/** Turns a schema failure into the engine's typed error, naming the first offending field. */
export function shapeError(error: z.ZodError): EngineError {
  const issue = error.issues[0];
  return err("bad_command", {
    path: issue ? issue.path.join(".") : "",
    issue: issue ? issue.code : "invalid",
  });
}

export function parseWith<T>(schema: z.ZodType, input: unknown): { ok: true; value: T } | { ok: false; error: EngineError } {
  const r = schema.safeParse(input);
  if (!r.success) return { ok: false, error: shapeError(r.error) };
  return { ok: true, value: r.data as T };
}

export function parseCommand(input: unknown): { ok: true; value: Command } | { ok: false; error: EngineError } {
  return parseWith<Command>(CommandSchema, input);
}

export function parseHostAction(input: unknown): { ok: true; value: HostAction } | { ok: false; error: EngineError } {
  return parseWith<HostAction>(HostActionSchema, input);
}
