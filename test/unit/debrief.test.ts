/**
 * The debrief's cards on whole bot rounds: each lesson shows up for the team whose round it
 * explains, quoting that team's own numbers, and no card tells a team something its round does
 * not bear out (the false statements issue 9 measured on the old debrief).
 */
import { describe, expect, it } from "vitest";
import type { Card, CardId } from "../../shared/debrief/card";
import { teamCards } from "../../shared/debrief/cards";
import { isCurrentReport } from "../../shared/debrief/report";
import type { BotName } from "../../shared/bots";
import type { ScenarioId } from "../../shared/scenarios";
import { botRound } from "./support/rounds";

function cardsOf(scenario: ScenarioId, bots: BotName[], seed: number, extra = {}): Record<string, Map<CardId, Card>> {
  const { report } = botRound(scenario, bots, seed, extra);
  return Object.fromEntries(bots.map((b, team) => [b, new Map(teamCards(report, team).map((c) => [c.id, c]))]));
}

describe("cards after exam-result morning", () => {
  const cards = cardsOf("exam-morning", ["containers-autoscale", "vm-preprovision", "bare-metal", "idle"], 7);

  it("the container team learns that shared layers are pulled once, with its own megabytes", () => {
    const layers = cards["containers-autoscale"].get("layers")!;
    expect(layers.says).toEqual(["saved"]);
    const { n, full, pulled } = layers.params as { n: number; full: number; pulled: number };
    expect(n).toBeGreaterThan(1);
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(full);
    expect(cards["vm-preprovision"].has("layers")).toBe(false);
  });

  it("the VM team sees its OS tax and its type-1 hypervisor's own numbers; the container team is not lectured about guest OSes", () => {
    expect(cards["vm-preprovision"].get("ostax")?.params.cores).toEqual({ cores: expect.any(Number) });
    expect(cards["containers-autoscale"].has("ostax")).toBe(false);
    // Its VMs are paravirtualized (2 %) but for the odd full one (4 %).
    const t1 = (cards["vm-preprovision"].get("hypervisor-type")?.params.t1 as { bp: number }).bp;
    expect(t1).toBeGreaterThanOrEqual(200);
    expect(t1).toBeLessThan(400);
  });

  it("one app per OS shows the bare-metal team's low utilization, and no Windows or hypervisor licence card reaches anyone", () => {
    expect(cards["bare-metal"].get("shared-os")?.says).toEqual(["oneapp"]);
    for (const bot of Object.keys(cards)) {
      expect(cards[bot].has("licence-windows"), bot).toBe(false);
      expect(cards[bot].has("licence-hypervisor"), bot).toBe(false);
    }
  });

  it("everyone who lived through the spike gets the spike card; the idle team gets no bottleneck or packing lecture", () => {
    for (const bot of ["containers-autoscale", "vm-preprovision", "bare-metal", "idle"]) expect(cards[bot].has("spike"), bot).toBe(true);
    expect(cards.idle.get("spike")?.says).toEqual(["none", "served"]);
    expect([...cards.idle.keys()]).toEqual(["spike"]);
  });

  it("the scripted failing server: the type-1 team's VMs were moved off in time", () => {
    const vm = cards["vm-preprovision"].get("hardware")!;
    expect(vm.says.slice(0, 2)).toEqual(["warned", "moved"]);
    expect(vm.params.moved).toBeGreaterThan(0);
  });
});

describe("cards after double-12 midnight", () => {
  const cards = cardsOf("double-12", ["containers-autoscale", "hybrid-isolate-payment"], 7);

  it("the breach fine and the compliance surcharge go to the team whose payments shared a kernel", () => {
    expect(cards["containers-autoscale"].get("kernel")?.says).toContain("breach");
    expect(cards["containers-autoscale"].get("compliance")?.params.fees).toEqual({ cents: expect.any(Number) });
    expect(cards["hybrid-isolate-payment"].get("kernel")?.says).toContain("safe");
    expect(cards["hybrid-isolate-payment"].has("compliance")).toBe(false);
  });

  it("no grades: the bottleneck card, when it shows, names the apps of this round", () => {
    for (const bot of Object.keys(cards)) {
      const db = cards[bot].get("db-bottleneck");
      if (db) expect(db.params.apps).toEqual({ apps: ["payment"] });
    }
  });
});

describe("cards after the old era", () => {
  const cards = cardsOf("old-era", ["one-app-per-server", "shared-os"], 3);

  it("the shared OS team sees its leaks take the neighbours down; one app per server sees them contained", () => {
    expect(cards["shared-os"].get("leak")?.says).toEqual(["shared"]);
    expect(cards["one-app-per-server"].get("leak")?.says).toEqual(["contained"]);
    expect(cards["one-app-per-server"].get("gpu")?.params.idle).toEqual({ pct: expect.any(Number) });
  });

  it("the Windows licence card counts the course-selection app's Windows servers, and no spike card appears", () => {
    expect(cards["one-app-per-server"].get("licence-windows")?.params.oses).toBeGreaterThan(0);
    expect(cards["one-app-per-server"].has("spike")).toBe(false);
    expect(cards["one-app-per-server"].has("rent")).toBe(false);
  });
});

describe("reports of another version", () => {
  it("are told apart from this version's (a session restored from an older server's snapshot holds them)", () => {
    const { report } = botRound("old-era", ["idle"], 1);
    expect(isCurrentReport(report)).toBe(true);
    const old = { ...report, facts: [{ servers: 2, dbShortTicks: 0 }], control: undefined, replay: undefined };
    expect(isCurrentReport(old as never)).toBe(false);
  });
});
