import { readFileSync } from "node:fs";
import type { Router } from "express";
import { beforeAll, describe, expect, it } from "vitest";
import { CommandSchema } from "../../shared/engine/commands";
import * as codes from "../../shared/protocol/codes";
import { C2S, HostCommandSchema, S2C } from "../../shared/protocol/messages";
import { MemoryCodes } from "../../server/cluster/coordination";
import { DEFAULT_LIMITS } from "../../server/config";
import { matchmakeRoutes } from "../../server/http/matchmake";
import { sessionRoutes } from "../../server/http/sessions";
import type { Store } from "../../server/store/Store";
import { fillSections, markedSections, renderSections } from "../protocol/render";

/*
 * docs/PROTOCOL.md must be enough to write a client from: its generated sections must be what the
 * schemas say now, and its hand-written parts must name every route, message, command, host action
 * and close code the code has.
 */
const FILE = new URL("../../docs/PROTOCOL.md", import.meta.url);
const OUT_OF_DATE = "docs/PROTOCOL.md disagrees with the schemas: run `npm run docs:protocol` (and describe what changed in the hand-written parts)";
let doc = "";
let sections: Record<string, string> = {};

beforeAll(() => {
  doc = readFileSync(FILE, "utf8");
  sections = renderSections();
}, 120_000);

/** The document without its generated sections: what a person wrote. */
const prose = () => doc.replace(/<!-- generated:([a-z-]+) -->[\s\S]*?<!-- \/generated:\1 -->/g, "");

function routes(router: Router): string[] {
  const stack = (router as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] }).stack;
  return stack.flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((m) => `| \`${m.toUpperCase()}\` | \`${layer.route!.path}\` |`) : []));
}

const typesOf = (schema: { options: readonly { shape: { type: { value: string } } }[] }) => schema.options.map((o) => o.shape.type.value);

describe("docs/PROTOCOL.md", () => {
  it("has every generated section, as the schemas say it now", () => {
    expect(markedSections(doc).sort()).toEqual(Object.keys(sections).sort());
    const expected = fillSections(doc, sections);
    // Compared section by section, so a failure names the section that moved.
    for (const name of Object.keys(sections)) {
      const at = (text: string) => text.slice(text.indexOf(`<!-- generated:${name} -->`), text.indexOf(`<!-- /generated:${name} -->`));
      expect(at(doc), `${OUT_OF_DATE} (section "${name}")`).toBe(at(expected));
    }
    expect(doc, OUT_OF_DATE).toBe(expected);
  });

  it("lists every HTTP route the server has", () => {
    const all = [
      ...routes(sessionRoutes({ store: {} as Store, codes: new MemoryCodes() }, DEFAULT_LIMITS)),
      ...routes(matchmakeRoutes(DEFAULT_LIMITS.joinsPerMinute)),
      "| `GET` | `/health` |",
    ];
    expect(all.length).toBeGreaterThan(12);
    expect(all.filter((row) => !doc.includes(row))).toEqual([]);
    for (const name of ["x-host-secret", "?share=", "?download"]) expect(doc).toContain(name);
  });

  it("describes every message both ways", () => {
    const s2c = Object.values(S2C).filter((type) => !prose().includes(`| \`${type}\` |`));
    expect(s2c, "a server → client message without its row in the table").toEqual([]);
    const c2s = Object.values(C2S).filter((type) => !doc.includes(`| \`${type}\` |`));
    expect(c2s).toEqual([]);
  });

  it("says what every team command and host action does", () => {
    const text = prose();
    const missing = [...typesOf(CommandSchema as never), ...typesOf(HostCommandSchema as never)].filter((t) => !text.includes(`\`${t}\``));
    expect(missing).toEqual([]);
  });

  it("has every close code the server uses, and the join refusal as the socket really closes", () => {
    const closeCodes = Object.entries(codes).filter(([k]) => k.endsWith("_CLOSE_CODE")).map(([, v]) => v as number);
    expect(closeCodes.length).toBeGreaterThanOrEqual(3);
    const section = doc.slice(doc.indexOf("## Close codes"));
    for (const c of [...closeCodes, 4000, 4002]) expect(section).toContain(`| \`${c}\` |`);
    expect(prose()).toContain(`code **${codes.JOIN_ERROR_CODE}**`);
  });
});
