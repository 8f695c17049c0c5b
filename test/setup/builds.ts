/**
 * The client builds the suites load, made once per change of their sources instead of once per
 * suite: `client/dist` (what ships; test/client/bundle.test.ts checks it) and `client/dist-test`
 * (the browser tests' build, with the `window.__spikeday` handles). Each build keeps a stamp of
 * the sources it was made from (client/, shared/, the lock file); a build whose stamp matches is
 * used as it is, so `npm test` builds each once and a second run builds nothing.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CONFIG = join(ROOT, "client/vite.config.ts");
const STAMP = ".sources";

export type BuildMode = "production" | "test";

export function buildDir(mode: BuildMode): string {
  return join(ROOT, "client", mode === "test" ? "dist-test" : "dist");
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    if (name === "node_modules" || name.startsWith("dist") || name.startsWith(".build-")) return [];
    return statSync(p).isDirectory() ? sourceFiles(p) : [p];
  });
}

/** A hash of everything a client build is made from. */
export function sourcesStamp(): string {
  const hash = createHash("sha256");
  for (const file of [...sourceFiles(join(ROOT, "client")), ...sourceFiles(join(ROOT, "shared")), join(ROOT, "package-lock.json")]) {
    hash.update(file.slice(ROOT.length)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function upToDate(mode: BuildMode, stamp: string): boolean {
  const file = join(buildDir(mode), STAMP);
  return existsSync(file) && readFileSync(file, "utf8") === stamp;
}

const pending = new Map<BuildMode, Promise<void>>();

/**
 * Builds `mode` unless its build is already of the current sources. The build is written beside
 * the old one and moved into place whole, so a reader never sees half of it.
 */
export function ensureBuild(mode: BuildMode): Promise<void> {
  const running = pending.get(mode);
  if (running) return running;
  const done = (async () => {
    const stamp = sourcesStamp();
    if (upToDate(mode, stamp)) return;
    const { build } = await import("vite");
    const target = buildDir(mode);
    const fresh = join(ROOT, "client", `.build-${mode}-${process.pid}-${randomBytes(4).toString("hex")}`);
    await build({ configFile: CONFIG, mode, logLevel: "warn", build: { outDir: fresh, emptyOutDir: true } });
    writeFileSync(join(fresh, STAMP), stamp);
    rmSync(target, { recursive: true, force: true });
    renameSync(fresh, target);
  })();
  pending.set(mode, done);
  return done;
}
