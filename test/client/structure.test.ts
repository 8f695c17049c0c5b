/**
 * The client's shape, as the handbook asks: no import cycles, only `net/` talks to colyseus.js and
 * calls fetch, the Phaser scenes and the store never build DOM panels, no file over 400 lines.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../client/src/", import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(name) ? [p] : [];
  });
}

const sources = files(ROOT).map((path) => ({ path, rel: relative(ROOT, path), text: readFileSync(path, "utf8") }));

/** Static imports (type-only ones included: a type cycle is still a tangle to read). */
function importsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]);
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const p of [`${base}.ts`, join(base, "index.ts")]) if (sources.some((s) => s.path === p)) return p;
  return null;
}

function cycles(): string[][] {
  const graph = new Map(sources.map((s) => [s.path, importsOf(s.text).map((i) => resolveLocal(s.path, i)).filter((p): p is string => p !== null)]));
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, "open");
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === "open") found.push([...stack.slice(stack.indexOf(m)), m].map((p) => relative(ROOT, p)));
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, "done");
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

describe("client structure", () => {
  it("has no import cycles", () => {
    expect(cycles()).toEqual([]);
  });

  it("talks to the server only from net/", () => {
    const outside = sources.filter((s) => !s.rel.startsWith("net/"));
    expect(outside.filter((s) => importsOf(s.text).some((i) => i.startsWith("colyseus"))).map((s) => s.rel)).toEqual([]);
    expect(outside.filter((s) => /\bfetch\(/.test(s.text)).map((s) => s.rel)).toEqual([]);
  });

  it("keeps net/ and the scenes free of DOM panels", () => {
    const offenders = sources
      .filter((s) => s.rel.startsWith("net/") || s.rel.startsWith("scenes/"))
      .filter((s) => importsOf(s.text).some((i) => /\/ui\//.test(i) || i.startsWith("../ui")));
    expect(offenders.map((s) => s.rel)).toEqual([]);
    const domReads = sources.filter((s) => s.rel.startsWith("net/") && /\bdocument\.|\bwindow\.|\blocation\./.test(s.text));
    expect(domReads.map((s) => s.rel)).toEqual([]);
  });

  it("hangs test handles only behind TEST_HOOKS, so a production build drops them whole", () => {
    const calls = sources.filter((s) => s.rel !== "testHooks.ts").flatMap((s) => s.text.split("\n").flatMap((line, k, lines) =>
      /\bexposeForTests\(/.test(line) ? [{ at: `${s.rel}:${k + 1}`, guarded: lines.slice(Math.max(0, k - 2), k + 1).some((l) => /\bif \(TEST_HOOKS\)/.test(l)) }] : []));
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.filter((c) => !c.guarded).map((c) => c.at)).toEqual([]);
  });

  it("has no file over 400 lines", () => {
    const long = sources.map((s) => ({ rel: s.rel, lines: s.text.split("\n").length })).filter((s) => s.lines > 400);
    expect(long).toEqual([]);
  });
});
