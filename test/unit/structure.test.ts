/**
 * The repository's shape, as the handbook asks: no import cycles anywhere in server/, client/ and
 * shared/ (type-only imports included: a type cycle is still a tangle to read), and no file there
 * over 400 lines. Cycles are found by dpdm, which resolves imports as TypeScript does. In the
 * client, only `net/` talks to colyseus.js and calls fetch, the Phaser scenes and `net/` never
 * build DOM panels, and test handles hang only behind TEST_HOOKS.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCircular, parseDependencyTree } from "dpdm";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIRS = ["server", "client", "shared"];
const MAX_LINES = 400;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === "node_modules" || name.startsWith("dist")) return []; // build output
    return statSync(p).isDirectory() ? files(p) : /\.(ts|js|mjs|css|html)$/.test(name) ? [p] : [];
  });
}

describe("repository structure", () => {
  it("has no import cycles in server/, client/ or shared/", async () => {
    const tree = await parseDependencyTree(DIRS.map((d) => `${d}/**/*.ts`), {
      context: ROOT, cwd: ROOT, transform: false, skipDynamicImports: false, exclude: /node_modules|\/dist/,
    });
    expect(Object.keys(tree).length).toBeGreaterThan(150);
    expect(parseCircular(tree).map((cycle) => cycle.join(" → "))).toEqual([]);
  }, 30_000);

  it("pins every dependency to an exact version (the lock is what CI installs; a range in package.json hides what was tested)", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(Object.keys(all).length).toBeGreaterThan(10);
    expect(Object.entries(all).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(v)).map(([k, v]) => `${k}@${v}`)).toEqual([]);
  });

  it(`has no file over ${MAX_LINES} lines in server/, client/ or shared/`, () => {
    const all = DIRS.flatMap((d) => files(join(ROOT, d)));
    expect(all.length).toBeGreaterThan(150);
    const long = all
      .map((path) => ({ file: relative(ROOT, path), lines: readFileSync(path, "utf8").split("\n").length }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it("starts no test server on a fixed port (suites from several checkouts share the machine)", () => {
    const tests = ["test/integration", "test/browser"].flatMap((d) => files(join(ROOT, d))).filter((p) => p.endsWith(".ts"));
    expect(tests.length).toBeGreaterThan(30);
    const fixed = /\bport:\s*[1-9]\d*|\bPORT\s*=\s*[1-9]\d*|\bPORT:\s*"[1-9]|\bPORT:\s*String\([1-9]|\b(?:listen|boot|serveClient)\(\s*[1-9]\d*/;
    const offenders = tests.flatMap((path) => readFileSync(path, "utf8").split("\n").flatMap((line, k) => (fixed.test(line) ? [`${relative(ROOT, path)}:${k + 1}`] : [])));
    expect(offenders).toEqual([]);
  });

  it("keeps ClassRoom.ts a thin Colyseus adapter (300 lines at most; the session's rules live in server/session)", () => {
    expect(readFileSync(join(ROOT, "server/rooms/ClassRoom.ts"), "utf8").split("\n").length).toBeLessThanOrEqual(300);
  });
});

describe("client layering", () => {
  const CLIENT = join(ROOT, "client/src/");
  const sources = files(CLIENT).filter((p) => p.endsWith(".ts")).map((path) => ({ rel: relative(CLIENT, path), text: readFileSync(path, "utf8") }));
  /** Static imports (type-only ones included). */
  const importsOf = (text: string) => [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]);

  it("talks to the server only from net/", () => {
    expect(sources.length).toBeGreaterThan(50);
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
});
