import { z } from "zod";
import { SettingsSchema } from "../engine/commands";
import { LOG_FORMAT_VERSION, type MatchLogFile } from "./format";

/** Largest log accepted for import or upload (a 360-tick class match is well under 1 MB). */
export const LOG_MAX_BYTES = 10 * 1024 * 1024;

export type LogErrorCode = "log_too_large" | "log_unreadable" | "log_version" | "log_shape";

export interface LogError {
  code: LogErrorCode;
  params: Record<string, string | number>;
}

const tick = z.number().int().min(0).max(1_000_000);
const seat = z.number().int().min(-1).max(1_000_000);
const team = z.number().int().min(-1).max(7);

const RosterEntrySchema = z.object({ seat, nickname: z.string().max(200), role: z.enum(["host", "student"]), team });

const HeaderSchema = z.object({
  format: z.literal(LOG_FORMAT_VERSION),
  engineVersion: z.string().max(40),
  scenario: SettingsSchema.shape.scenario,
  scenarioHash: z.string().max(64),
  seed: z.number().int(),
  settings: SettingsSchema,
  roster: z.array(RosterEntrySchema).max(10_000),
  room: z.string().max(40),
  round: z.number().int().min(0),
  startedAt: z.string().max(40),
  bots: z.array(z.string().max(40).nullable()).max(8),
});

/** Commands and incidents are checked by the engine's own schemas when replayed; here only their frame. */
const EntrySchema = z.discriminatedUnion("type", [
  z.object({ tick, type: z.literal("command"), seat, team: z.number().int().min(0).max(7), command: z.object({ type: z.string() }).passthrough() }),
  z.object({ tick, type: z.literal("incident"), seat, action: z.object({ type: z.literal("incident") }).passthrough() }),
  z.object({ tick, type: z.literal("hash"), hash: z.string().regex(/^[0-9a-f]{16}$/) }),
  z.object({ tick, type: z.enum(["join", "leave"]), seat, nickname: z.string().max(200), team }),
  z.object({ tick, type: z.literal("move"), seat, team }),
  z.object({ tick, type: z.literal("bot"), team, bot: z.string().max(40).nullable() }),
  z.object({ tick, type: z.enum(["pause", "resume"]) }),
  z.object({ tick, type: z.literal("stop"), cause: z.enum(["shutdown", "crash"]) }),
  z.object({ tick, type: z.literal("recover"), lost: z.number().int().min(0) }),
]);

const FinalSchema = z.object({
  tick,
  hash: z.string().regex(/^[0-9a-f]{16}$/),
  endedBy: z.enum(["time", "host", "recovered"]),
  results: z.array(z.object({ team: z.number().int(), name: z.string(), score: z.number() }).passthrough()).max(8),
});

const LogSchema = z.object({ header: HeaderSchema, entries: z.array(EntrySchema).max(2_000_000), final: FinalSchema.nullable() });

/**
 * Reads a match log from text, with a clear error for each way it can be wrong: too large, not
 * JSON (or cut off), another format version, or JSON of the wrong shape.
 */
export function parseLog(text: string): { ok: true; log: MatchLogFile } | { ok: false; error: LogError } {
  if (text.length > LOG_MAX_BYTES) return { ok: false, error: { code: "log_too_large", params: { max: LOG_MAX_BYTES } } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: { code: "log_unreadable", params: { reason: String((e as Error).message).slice(0, 120) } } };
  }
  const format = (json as { header?: { format?: unknown } } | null)?.header?.format;
  if (format !== undefined && format !== LOG_FORMAT_VERSION) {
    return { ok: false, error: { code: "log_version", params: { found: String(format), supported: LOG_FORMAT_VERSION } } };
  }
  const r = LogSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { ok: false, error: { code: "log_shape", params: { path: issue ? issue.path.join(".") : "", issue: issue?.code ?? "invalid" } } };
  }
  return { ok: true, log: r.data as unknown as MatchLogFile };
}
