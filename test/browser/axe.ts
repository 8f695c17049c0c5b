/**
 * axe-core in the browser suites: `expectAccessible(page, "lobby-zh-phone")` injects axe-core (4.14,
 * from node_modules) into the page, audits it against WCAG 2.0/2.1 A and AA, writes the full result
 * to test/artifacts/axe/<name>.json, and fails on any serious or critical violation, naming each
 * with the elements it found. Moderate and minor findings are kept in the report, not failed on.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { ARTIFACTS } from "./browser";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string; html: string }[];
}

/** Runs axe on the page as it is now (optionally only inside `include`, a CSS selector). */
export async function axeAudit(page: Page, include?: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async ({ tags, include }) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(include ? { include: [include] } : document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary, html: n.html.slice(0, 200) })) }));
  }, { tags: AXE_TAGS, include });
}

/** The serious and critical findings, one line each (what the suites fail on). */
export function seriousOf(violations: readonly AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(", ")}`);
}

/** Audits the page, keeps the report as test/artifacts/axe/<name>.json, and fails on serious or critical violations. */
export async function expectAccessible(page: Page, name: string, include?: string): Promise<AxeViolation[]> {
  const violations = await axeAudit(page, include);
  mkdirSync(`${ARTIFACTS}axe`, { recursive: true });
  writeFileSync(`${ARTIFACTS}axe/${name}.json`, JSON.stringify({ url: page.url(), violations }, null, 2));
  expect(seriousOf(violations), `axe on ${name}`).toEqual([]);
  return violations;
}
