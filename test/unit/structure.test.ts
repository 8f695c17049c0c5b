/**
 * The repository's shape, as the handbook asks: no import cycles anywhere in server/, client/ and
 * shared/ (type-only imports included: a type cycle is still a tangle to read), and no file there
 * over 400 lines. Cycles are found by dpdm, which resolves imports as TypeScript does.
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

  it("keeps ClassRoom.ts a thin Colyseus adapter (300 lines at most; the session's rules live in server/session)", () => {
    expect(readFileSync(join(ROOT, "server/rooms/ClassRoom.ts"), "utf8").split("\n").length).toBeLessThanOrEqual(300);
  });
});
