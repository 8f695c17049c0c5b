/**
 * `npm run --silent sim -- … --json --debrief` end to end: the real script, its JSON, and the
 * debrief it adds per team — money lines that add up to the score to the cent, cards with ids,
 * typed numbers and English text, the what-if — and its refusal of `--debrief` without `--json`.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface Run { code: number | null; stdout: string; stderr: string }

function sim(args: string[]): Promise<Run> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/sim.ts", ...args], { cwd: root, env: { ...process.env, INIT_CWD: root } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", failed);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

interface TeamJson {
  bot: string;
  score: number;
  debrief: {
    money: { line: string; dollars: number }[];
    cards: { id: string; says: string[]; params: Record<string, unknown>; cost: number | null; text: string; question: string }[];
    whatIf: { bot: string; from: number; score: number } | null;
  };
}

describe("npm run sim -- --json --debrief", () => {
  it("adds each team's money waterfall (Σ = score to the cent) and cards", async () => {
    const r = await sim(["--scenario", "double-12", "--bots", "containers-autoscale,hybrid-isolate-payment,idle", "--seed", "7", "--json", "--debrief"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { teams: TeamJson[] };
    expect(out.teams).toHaveLength(3);
    for (const team of out.teams) {
      const cents = team.debrief.money.reduce((sum, l) => sum + Math.round(l.dollars * 100), 0);
      expect(cents, team.bot).toBe(Math.round(team.score * 100));
      expect(team.debrief.money.map((l) => l.line)).toEqual([
        "budget", "revenue", "sold", "servers", "rent", "licences", "hypervisorLicences", "power", "penalties", "compliance", "breach", "audit", "owned",
      ]);
      for (const card of team.debrief.cards) {
        expect(card.text, card.id).not.toMatch(/\{\{|undefined|NaN/);
        expect(card.question.length, card.id).toBeGreaterThan(10);
        // What the card cost the score, in cents, or null where nothing measures it (never missing).
        expect(card.cost === null || (Number.isInteger(card.cost) && card.cost >= 0), `${card.id} cost`).toBe(true);
      }
      expect(team.debrief.cards.map((c) => c.id)).toContain("what-if");
    }
    // The lesson's strategy (payments isolated) runs a team from the start; reactive containers, for the team that was that strategy, from the window.
    expect(out.teams.map((t) => [t.debrief.whatIf?.bot, t.debrief.whatIf?.from])).toEqual([
      ["hybrid-isolate-payment", 0], ["containers-reactive", 110], ["hybrid-isolate-payment", 0],
    ]);
    const shared = out.teams[0].debrief.cards;
    expect(shared.find((c) => c.id === "compliance")?.params.fees).toEqual({ cents: expect.any(Number) });
    expect(shared.find((c) => c.id === "kernel")?.says).toContain("breach");
    // The surcharge is what the compliance card cost; the breach fine is part of what the exploit did.
    const fees = shared.find((c) => c.id === "compliance")!;
    expect(fees.cost).toBe((fees.params.fees as { cents: number }).cents);
    expect(shared.find((c) => c.id === "kernel")!.cost).toBeGreaterThanOrEqual(500_000);
    const idle = out.teams[2].debrief;
    // An idle team hears what the spike did, what the lesson's strategy would have done, and that it sent nothing all round.
    expect(idle.cards.map((c) => c.id)).toEqual(["spike", "what-if", "idle-start"]);
    expect(idle.cards[2].text).toMatch(/^You sent no command all round: you served 0 requests and turned [\d,]+ away, worth \$[\d,]+ in revenue and penalties\.$/);
    expect(idle.cards[2].cost).toBeGreaterThan(0);
    expect(idle.cards[1].text).toMatch(/^Had containers with payments in VMs of their own run your datacenter from the start \(22:00\), .* more requests/);
  }, 60_000);

  it("names every card the issue asks for across two whole rounds, each team's money adding up to its score", async () => {
    // Doubled traffic outgrows the bots' databases on exam morning; Double-12's portal shares kernels with payments.
    // No reference strategy buys the HA suite: on this seed a random team does (engine 3 drew seed 5 differently).
    const bots = "random,random,random,vm-consolidate,containers-reactive,hybrid-isolate-payment,vm-type2,bare-metal";
    const runs = await Promise.all(["exam-morning", "double-12"].map((scenario) =>
      sim(["--scenario", scenario, "--bots", bots, "--seed", "6", "--traffic", "200", "--json", "--debrief"])));
    const seen = new Set<string>();
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      for (const team of (JSON.parse(r.stdout) as { teams: TeamJson[] }).teams) {
        const cents = team.debrief.money.reduce((sum, l) => sum + Math.round(l.dollars * 100), 0);
        expect(cents, team.bot).toBe(Math.round(team.score * 100));
        for (const card of team.debrief.cards) seen.add(card.id);
      }
    }
    const named = ["spike", "db-bottleneck", "occupancy", "ostax", "licence-windows", "licence-hypervisor", "hypervisor-type", "boot",
      "layers", "leak", "kernel", "compliance", "packing", "what-if"];
    expect(named.filter((id) => !seen.has(id))).toEqual([]);
  }, 120_000);

  it("refuses --debrief without --json", async () => {
    const r = await sim(["--scenario", "old-era", "--bots", "idle", "--debrief"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--debrief needs --json/);
  });
});
