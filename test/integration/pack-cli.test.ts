/**
 * `npm run pack` end to end: the real script on a fixture file in the OR-Library format, its output
 * lines and its exit codes.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = join(root, "test/fixtures/orlib-small.txt");
const dir = mkdtempSync(join(tmpdir(), "spikeday-pack-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run { code: number | null; stdout: string; stderr: string }

function pack(args: string[], stdin?: string): Promise<Run> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/pack.ts", ...args], { cwd: root, env: { ...process.env, INIT_CWD: root } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", failed);
    child.on("close", (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("npm run pack", () => {
  it("prints one JSON line per problem of the fixture: bound, FFD and best known", async () => {
    const r = await pack([fixture]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith("\n")).toBe(true);
    expect(r.stdout.trim().split("\n").map((l) => JSON.parse(l))).toEqual([
      // Triplets filling two bins exactly: FFD pairs the two big ones and needs a third bin.
      { name: "t6_hand", capacity: 100, items: 6, lowerBound: 2, ffd: 3, bestKnown: 2 },
      // Johnson's worst case: FFD at 11/9 of the optimum, which L2 proves.
      { name: "johnson_k1", capacity: 100, items: 30, lowerBound: 9, ffd: 11, bestKnown: 9 },
      // Seven items over half a bin: L2 = 11 where the volume alone says 8.
      { name: "halves_14", capacity: 100, items: 14, lowerBound: 11, ffd: 11, bestKnown: 11 },
    ]);
  });

  it("reads standard input with -, and a relative path from the caller's directory", async () => {
    const fromStdin = await pack(["-"], "1\nmini\n10 3 2\n6\n5\n4\n");
    expect(fromStdin.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toEqual({ name: "mini", capacity: 10, items: 3, lowerBound: 2, ffd: 2, bestKnown: 2 });
    const relative = await pack(["test/fixtures/orlib-small.txt"]);
    expect(relative.code).toBe(0);
    expect(relative.stdout.split("\n")).toHaveLength(4);
  });

  it("exits 2 with the line at fault and prints nothing for a malformed file", async () => {
    const bad = file("bad.txt", "2\nfirst\n10 2 1\n5\n5\nsecond\n10 2 1\n5\nfive\n");
    const r = await pack([bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("line 9");
    expect(r.stderr).toContain('problem second: item 2 must be a non-negative number, found "five"');
  });

  it("exits 2 for a missing file and for bad arguments, with the usage", async () => {
    const missing = await pack([join(dir, "nothing-here.txt")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nothing-here\.txt/);
    for (const args of [[], [fixture, fixture], ["--json"]]) {
      const r = await pack(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("usage: npm run --silent pack -- FILE");
    }
  });
});
