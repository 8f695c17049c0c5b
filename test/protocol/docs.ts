/**
 * The JSDoc of the synced schema's fields and of LIMITS, read with the TypeScript compiler, so
 * docs/PROTOCOL.md explains each field with the comment written next to it. A schema class field
 * without a comment of its own takes the comment of the row type it implements (shared/view/rows.ts).
 */
import ts from "typescript";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCHEMA_FILES = ["server/rooms/schema/ClassState.ts", "server/rooms/schema/DatacenterState.ts"];
const LIMITS_FILE = "shared/protocol/limits.ts";
/** Files whose exported interfaces and types the document lists (messages, reports, statuses). */
const TYPE_FILES = ["shared/protocol/messages.ts", "shared/debrief/report.ts", "shared/debrief/series.ts", "shared/engine/results.ts", "shared/debrief/facts.ts", "shared/debrief/losses.ts", "shared/debrief/packing.ts", "server/session/snapshot.ts"];

export interface FieldDocs {
  /** class name → field name → comment ("" when none) */
  fields: Map<string, Map<string, string>>;
  /** class name → the row type it implements */
  rows: Map<string, string>;
  limits: Map<string, string>;
  /** exported interface or type alias name → its fields (or, for an alias, its type) */
  types: Map<string, { fields: { name: string; type: string; doc: string }[]; alias?: string; doc: string }>;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function readDocs(): FieldDocs {
  const typeFiles = TYPE_FILES.map((f) => `${ROOT}${f}`);
  const files = [...SCHEMA_FILES, LIMITS_FILE].map((f) => `${ROOT}${f}`);
  const program = ts.createProgram([...files, ...typeFiles], {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
    experimentalDecorators: true, strict: true, skipLibCheck: true, noEmit: true,
  });
  const checker = program.getTypeChecker();
  const docOf = (symbol: ts.Symbol | undefined) => (symbol ? oneLine(ts.displayPartsToString(symbol.getDocumentationComment(checker))) : "");
  const fields = new Map<string, Map<string, string>>();
  const rows = new Map<string, string>();
  for (const file of files.slice(0, SCHEMA_FILES.length)) {
    const source = program.getSourceFile(file)!;
    source.forEachChild((node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const implemented = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ImplementsKeyword)?.types[0];
      const rowType = implemented ? checker.getTypeAtLocation(implemented) : undefined;
      if (implemented) rows.set(node.name.text, implemented.expression.getText(source));
      const own = new Map<string, string>();
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        const name = member.name.text;
        const mine = docOf(checker.getSymbolAtLocation(member.name));
        own.set(name, mine || docOf(rowType?.getProperty(name)));
      }
      fields.set(node.name.text, own);
    });
  }
  const limits = new Map<string, string>();
  const limitsSource = program.getSourceFile(files[files.length - 1])!;
  limitsSource.forEachChild((node) => {
    if (!ts.isVariableStatement(node)) return;
    for (const decl of node.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || decl.name.text !== "LIMITS" || !decl.initializer) continue;
      let init: ts.Expression = decl.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
      if (!ts.isObjectLiteralExpression(init)) continue;
      for (const p of init.properties) {
        if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) limits.set(p.name.text, docOf(checker.getSymbolAtLocation(p.name)));
      }
    }
  });
  const types: FieldDocs["types"] = new Map();
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;
  for (const file of typeFiles) {
    const source = program.getSourceFile(file)!;
    source.forEachChild((node) => {
      if ((!ts.isInterfaceDeclaration(node) && !ts.isTypeAliasDeclaration(node)) || !node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return;
      const symbol = checker.getSymbolAtLocation(node.name);
      const doc = docOf(symbol);
      if (ts.isTypeAliasDeclaration(node)) {
        types.set(node.name.text, { fields: [], alias: oneLine(node.type.getText(source)), doc });
        return;
      }
      const type = checker.getDeclaredTypeOfSymbol(symbol!);
      const list = type.getProperties().map((p) => {
        const decl = p.valueDeclaration ?? p.declarations?.[0];
        const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
        const pType = decl ? checker.getTypeOfSymbolAtLocation(p, decl) : checker.getTypeOfSymbol(p);
        const text = decl && (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl)) && decl.type ? decl.type.getText() : checker.typeToString(pType, undefined, flags);
        return { name: optional ? `${p.name}?` : p.name, type: oneLine(text), doc: docOf(p) };
      });
      types.set(node.name.text, { fields: list, doc });
    });
  }
  return { fields, rows, limits, types };
}
