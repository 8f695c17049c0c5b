/**
 * Writes the generated sections of docs/PROTOCOL.md (between `<!-- generated:NAME -->` markers)
 * from the schemas:   npm run docs:protocol
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fillSections, renderSections } from "./render";

const file = fileURLToPath(new URL("../../docs/PROTOCOL.md", import.meta.url));
const before = readFileSync(file, "utf8");
const after = fillSections(before, renderSections());
writeFileSync(file, after);
console.log(after === before ? "docs/PROTOCOL.md is up to date" : "docs/PROTOCOL.md: generated sections rewritten");
