/**
 * `npm run --silent concepts -- check [FILE]` end to end (issue 19): the shipped bank passes; a
 * broken one exits 1 with one line per problem; bad arguments exit 2.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "spikeday-concepts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/concepts.ts", ...args], { cwd: root, env: { ...process.env, INIT_CWD: dir } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", failed);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("npm run concepts -- check", () => {
  it("passes the shipped bank", async () => {
    const r = await run(["check"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^shared\/concepts\/bank\.json: \d+ questions on 23 concepts, in English and Chinese: no problems\n$/);
  });

  it("names every problem of a broken bank, one line each, and exits 1", async () => {
    type RawQuestion = { id: string; concept: string; options: { correct?: boolean; text: { zh?: string } }[] };
    const bank = JSON.parse(readFileSync(join(root, "shared/concepts/bank.json"), "utf8")) as { questions: RawQuestion[] };
    delete bank.questions.find((q) => q.id === "volume.1")!.options[0].text.zh;
    bank.questions.find((q) => q.id === "hw-assist.2")!.options.find((o) => !o.correct)!.correct = true;
    bank.questions.find((q) => q.id === "gpu.2")!.concept = "tpu";
    writeFileSync(join(dir, "broken.json"), JSON.stringify(bank));
    // A relative path is read from the caller's directory (INIT_CWD), as npm passes it.
    const r = await run(["check", "broken.json"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe("volume.1: options.a.text.zh: missing (no Chinese text)");
    expect(lines[1]).toMatch(/^gpu\.2: concept: unknown concept id "tpu"/);
    expect(lines[2]).toMatch(/^hw-assist\.2: 2 options are marked correct/);
    // Moved away, gpu.2 leaves its concept one question short.
    expect(lines[3]).toBe("concept gpu: 1 question; every concept needs at least 2");
  });

  it("says a file is not JSON (exit 1), and refuses bad arguments and unreadable files (exit 2)", async () => {
    writeFileSync(join(dir, "bad.json"), "{ questions: ");
    const notJson = await run(["check", "bad.json"]);
    expect(notJson.code).toBe(1);
    expect(notJson.stdout).toMatch(/^bad\.json: not JSON/);
    expect((await run(["lint"])).code).toBe(2);
    const missing = await run(["check", "nowhere.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read nowhere\.json/);
  });
});
