/**
 * The generated sections of docs/PROTOCOL.md, rendered from the zod schemas (through zod's own
 * JSON Schema export), the synced schema classes (their decorator metadata) and the constants the
 * server and the client share. `npm run docs:protocol` writes them; test/unit/protocol-doc.test.ts
 * fails when the document and these disagree.
 */
import { z } from "zod";
import type { Schema } from "@colyseus/schema";
import { CommandSchema } from "../../shared/engine/commands";
import { ERROR_CODES } from "../../shared/engine/errors";
import { PROTOCOL_ERRORS } from "../../shared/protocol/codes";
import { LIMITS } from "../../shared/protocol/limits";
import { AskTimeSchema, ChooseTeamSchema, CommandMessageSchema, HostCommandSchema, HostMessageSchema, JoinOptionsSchema } from "../../shared/protocol/messages";
import { PHASES } from "../../shared/protocol/phases";
import { PHASE_RULES } from "../../server/session/phases";
import { LOAD_STEP_PCT, BUSY_CPU_STEP } from "../../shared/view/quantize";
import { CreateSessionSchema } from "../../server/http/sessions";
import { ClassState } from "../../server/rooms/schema/ClassState";
import { readDocs, type FieldDocs } from "./docs";

type Json = {
  type?: string; const?: unknown; enum?: unknown[]; pattern?: string; minimum?: number; maximum?: number; minLength?: number;
  maxLength?: number; items?: Json; minItems?: number; maxItems?: number; anyOf?: Json[]; oneOf?: Json[];
  properties?: Record<string, Json>; required?: string[];
};

const code = (s: string) => `\`${s.replace(/\|/g, "\\|")}\``;
const range = (lo: number | undefined, hi: number | undefined) =>
  lo !== undefined && hi !== undefined ? (lo === hi ? `${lo}` : `${lo}–${hi}`) : lo !== undefined ? `≥ ${lo}` : hi !== undefined ? `≤ ${hi}` : "";

/** One JSON Schema type as a reader would write it: `"a" | "b"`, `integer 1–32`, `string /^s\d+$/`. */
export function describeType(s: Json): string {
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(describeType).join(" \\| ");
  if (s.const !== undefined) return code(JSON.stringify(s.const));
  if (s.enum) return s.enum.map((v) => code(JSON.stringify(v))).join(" \\| ");
  switch (s.type) {
    case "null": return "`null`";
    case "boolean": return "boolean";
    case "integer": case "number": {
      const r = range(s.minimum, s.maximum);
      return r ? `${s.type} ${r}` : s.type;
    }
    case "string": {
      const parts = ["string"];
      if (s.pattern) parts.push(code(`/${s.pattern}/`));
      const r = range(s.minLength, s.maxLength);
      if (r) parts.push(`(${r} chars)`);
      return parts.join(" ");
    }
    case "array": {
      const r = range(s.minItems, s.maxItems);
      return `array of ${describeType(s.items ?? {})}${r ? ` (${r} items)` : ""}`;
    }
    default: return "any JSON value";
  }
}

function fieldsOf(s: Json, skip: string[] = [], say: Record<string, string> = {}): string {
  const props = Object.entries(s.properties ?? {}).filter(([k]) => !skip.includes(k));
  if (props.length === 0) return "—";
  return props.map(([k, v]) => `${code(s.required?.includes(k) ? k : `${k}?`)}: ${say[k] ?? describeType(v)}`).join("; ");
}

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { unrepresentable: "any" }) as Json;

/** A discriminated union (`{type: …, …}`) as a table: one row per type. */
function unionTable(schema: z.ZodType): string {
  const rows = (jsonSchema(schema).oneOf ?? jsonSchema(schema).anyOf ?? []).map((o) => {
    const type = String(o.properties?.type?.const);
    return `| ${code(type)} | ${fieldsOf(o, ["type"])} |`;
  });
  return ["| `type` | fields (all others refused) |", "| --- | --- |", ...rows].join("\n");
}

function objectTable(rows: [string, z.ZodType][], say: Record<string, string> = {}): string {
  return ["| message | fields (all others refused) |", "| --- | --- |", ...rows.map(([name, s]) => `| ${name} | ${fieldsOf(jsonSchema(s), [], say)} |`)].join("\n");
}

// ── the synced state, from the schema classes ────────────────────────────────

type FieldType = string | { array?: unknown; map?: unknown } | (new () => Schema);
interface FieldMeta { name: string; type: FieldType; tag?: number }

function metaOf(cls: new () => Schema): FieldMeta[] {
  const meta = (cls as unknown as Record<symbol, Record<string, FieldMeta>>)[Symbol.metadata] ?? {};
  return Object.keys(meta).filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b)).map((k) => meta[k]);
}

const className = (t: unknown) => (typeof t === "function" ? (t as { name: string }).name : String(t));

function wireType(t: FieldType): { text: string; child?: new () => Schema } {
  if (typeof t === "string") return { text: t };
  if (typeof t === "function") return { text: code(t.name), child: t };
  const inner = (t.array ?? t.map) as FieldType;
  const kind = t.array !== undefined ? "array" : "map";
  const child = typeof inner === "function" ? inner : undefined;
  const name = child ? code(className(inner)) : String(inner);
  return { text: kind === "array" ? `array of ${name}` : `map string → ${name}`, child };
}

function stateTables(docs: FieldDocs): string {
  const out: string[] = [];
  const seen = new Set<string>();
  const queue: (new () => Schema)[] = [ClassState as unknown as new () => Schema];
  while (queue.length > 0) {
    const cls = queue.shift()!;
    if (seen.has(cls.name)) continue;
    seen.add(cls.name);
    const row = docs.rows.get(cls.name);
    out.push(`#### ${code(cls.name)}${row ? ` (implements ${code(row)})` : ""}`, "", "| field | wire type | meaning |", "| --- | --- | --- |");
    for (const f of metaOf(cls)) {
      const { text, child } = wireType(f.type);
      if (child) queue.push(child);
      const view = f.tag !== undefined ? " *Per-client view (see below).*" : "";
      out.push(`| ${code(f.name)} | ${text} | ${(docs.fields.get(cls.name)?.get(f.name) ?? "").replace(/\|/g, "\\|")}${view} |`);
    }
    out.push("");
  }
  return out.join("\n").trimEnd();
}

function limitsTable(docs: FieldDocs): string {
  const rows = Object.entries(LIMITS).map(([k, v]) => `| ${code(k)} | ${v} | ${docs.limits.get(k) ?? ""} |`);
  return ["| limit | value | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

const codeList = (codes: readonly string[]) => codes.map(code).join(", ");

/** Exported interfaces and types as field tables (their source comments as the meaning). */
function typeTables(docs: FieldDocs, names: string[]): string {
  const out: string[] = [];
  for (const name of names) {
    const t = docs.types.get(name);
    if (!t) throw new Error(`no exported type ${name} in the files test/protocol/docs.ts reads`);
    out.push(`#### ${code(name)}`, "");
    if (t.doc) out.push(t.doc, "");
    if (t.alias) out.push(code(t.alias), "");
    else out.push("| field | type | meaning |", "| --- | --- | --- |", ...t.fields.map((f) => `| ${code(f.name)} | ${code(f.type)} | ${f.doc.replace(/\|/g, "\\|")} |`), "");
  }
  return out.join("\n").trimEnd();
}

/** The server's messages' payload types, and what they carry. */
export const MESSAGE_TYPES = [
  "WelcomeMessage", "ResultMessage", "AppliedMessage", "WireError", "ErrorMessage", "NoticeMessage", "HistoryMessage", "KickedMessage",
  "RequestMessage", "RestartingMessage", "MovingMessage", "LostMessage", "LostCommand", "BansMessage", "BanEntry", "ActivityMessage",
];
export const REPORT_TYPES = [
  "RoundReport", "TeamControl", "SpikeFacts", "ReplayInputs", "TeamResult", "TeamFacts", "Minutes", "HypervisorUse", "Losses", "Loss", "LossCause", "PackingSummary", "PackingGroup",
  "RoundSeries", "TeamSeries", "IncidentRecord",
];

function phaseTable(): string {
  const yes = (b: boolean) => (b ? "yes" : "—");
  const rows = PHASES.map((p) => {
    const r = PHASE_RULES[p];
    const moves = [r.start && `\`start\` → ${code(r.start)}`, r.pause && `\`pause\` → ${code(r.pause)}`, r.freeze && `\`freeze\` → ${code(r.freeze)}`, r.resume && `\`resume\` → ${code(r.resume)}`,
      r.endRound && `\`endRound\` (${r.endRound === "discard" ? "calls the round off: → `lobby`, or `over` after an earlier round" : "→ `over`, debrief"})`]
      .filter(Boolean).join("; ");
    return `| ${code(p)} | ${yes(r.clock)} | ${yes(r.commands)} | ${yes(r.setup)} | ${yes(r.midRound)} | ${yes(r.incidents)} | ${yes(r.joinable)} | ${moves || "—"} |`;
  });
  return ["| phase | clock runs | team commands | `configure` | mid-round team rules | incidents | joins | teacher's moves |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}

/** Every generated section by its marker name. */
export function renderSections(): Record<string, string> {
  const docs = readDocs();
  return {
    "create-session": objectTable([["`POST /api/sessions` body", CreateSessionSchema]]),
    "join-options": objectTable([["join options", JoinOptionsSchema]]),
    "client-messages": objectTable([["`cmd`", CommandMessageSchema], ["`team`", ChooseTeamSchema], ["`time`", AskTimeSchema], ["`host`", HostMessageSchema]], {
      id: "integer 0–2147483647, the sender's request id (echoed in the answer)",
      command: "a team command (see Team commands; the engine checks it)",
      action: "a host action (see Host actions)",
    }),
    "commands": unionTable(CommandSchema),
    "host-actions": unionTable(HostCommandSchema),
    "phases": phaseTable(),
    "state": stateTables(docs),
    "quantized": `Instance \`load\` is sent in ${LOAD_STEP_PCT} % steps and server \`busyCpu\` in ${BUSY_CPU_STEP}-millicore steps (shared/view/quantize.ts).`,
    "limits": limitsTable(docs),
    "message-types": typeTables(docs, MESSAGE_TYPES),
    "report-types": typeTables(docs, REPORT_TYPES),
    "session-status": typeTables(docs, ["SessionStatus"]),
    "error-codes": `Protocol (\`shared/protocol/codes.ts\`): ${codeList(PROTOCOL_ERRORS)}.\n\nEngine (\`shared/engine/errors.ts\`): ${codeList(ERROR_CODES)}.`,
  };
}

/** The document with every `<!-- generated:NAME -->…<!-- /generated:NAME -->` section filled in. */
export function fillSections(doc: string, sections: Record<string, string>): string {
  return doc.replace(/<!-- generated:([a-z-]+) -->\n[\s\S]*?<!-- \/generated:\1 -->/g, (whole, name: string) => {
    const body = sections[name];
    if (body === undefined) throw new Error(`docs/PROTOCOL.md has a section "${name}" nothing generates`);
    return `<!-- generated:${name} -->\n${body}\n<!-- /generated:${name} -->`;
  });
}

/** Section names the document marks. */
export function markedSections(doc: string): string[] {
  return [...doc.matchAll(/<!-- generated:([a-z-]+) -->/g)].map((m) => m[1]);
}
