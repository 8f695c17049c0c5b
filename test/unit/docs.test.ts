import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("docs/TESTING.md", () => {
  it("lists every fixed data-testid the client uses", () => {
    const doc = readFileSync(join(root, "docs/TESTING.md"), "utf8");
    const ids = new Set<string>();
    for (const file of sources(join(root, "client/src"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/testid: "([a-z0-9-]+)"/g)) ids.add(m[1]);
      for (const m of text.matchAll(/(?:select|number)\("[a-zA-Z]+", [^)]*?"(cmd-[a-z]+)"/g)) ids.add(m[1]);
      for (const m of text.matchAll(/(?:kpi|button|panelBtn)\([^;]*?"((?:kpi|sel)-[a-z]+)"/g)) ids.add(m[1]);
    }
    expect(ids.size).toBeGreaterThan(80);
    const missing = [...ids].filter((id) => !doc.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });
});
