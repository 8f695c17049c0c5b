/**
 * The debrief's concept cards: each lesson shows up for the team whose round it explains, quoting
 * that team's own numbers (GAME.md's table).
 */
import { describe, expect, it } from "vitest";
import { conceptCards, type ConceptCard } from "../../shared/debrief/cards";
import { newLogHeader, type LogEntry, type MatchLogFile } from "../../shared/log/format";
import { Replayer } from "../../shared/log/replay";
import type { BotName } from "../../shared/bots";
import type { ScenarioId } from "../../shared/scenarios";
import { playLogged } from "../../shared/sim/log";
import { startBotMatch } from "../../shared/sim/run";

function cardsOf(scenario: ScenarioId, bots: BotName[], seed: number): Record<string, Map<string, ConceptCard>> {
  const log = playLogged(startBotMatch(scenario, bots, seed), bots, "2026-01-01T00:00:00.000Z");
  const replayer = new Replayer(log);
  replayer.runToEnd();
  const report = replayer.report();
  return Object.fromEntries(bots.map((b, team) => [b, new Map(conceptCards(report, team).map((c) => [c.id, c]))]));
}

describe("concept cards after exam-result morning", () => {
  const cards = cardsOf("exam-morning", ["containers-autoscale", "vm-preprovision", "bare-metal", "idle"], 7);

  it("the container team learns that shared layers are pulled once, with its own megabytes", () => {
    const layers = cards["containers-autoscale"].get("layers");
    expect(layers?.body).toBe("layers-saved");
    const { n, full, pulled } = layers!.params as { n: number; full: number; pulled: number };
    expect(n).toBeGreaterThan(1);
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(full);
    expect(cards["vm-preprovision"].has("layers")).toBe(false);
  });

  it("the VM team sees its OS tax; the container team is not lectured about guest OSes", () => {
    expect(Number(cards["vm-preprovision"].get("ostax")?.params.cores)).toBeGreaterThan(1);
    expect(cards["containers-autoscale"].has("ostax")).toBe(false);
  });

  it("one app per server shows its low utilization to the bare-metal team only", () => {
    const oneapp = cards["bare-metal"].get("oneapp");
    expect(oneapp).toBeDefined();
    expect(Number(oneapp!.params.util)).toBeLessThan(50);
    expect(cards["containers-autoscale"].has("oneapp")).toBe(false);
  });

  it("everyone who lived through the spike gets the spike card with their own peak", () => {
    for (const bot of ["containers-autoscale", "vm-preprovision", "bare-metal", "idle"]) {
      expect(cards[bot].get("spike")?.params.dropped, bot).toEqual(expect.any(Number));
    }
    expect(Number(cards.idle.get("spike")!.params.availability)).toBeLessThan(Number(cards["containers-autoscale"].get("spike")!.params.availability));
  });
});

describe("concept cards after double-12 midnight", () => {
  it("the kernel exploit card bills the breach fine only to the team whose payment service shared the kernel", () => {
    const cards = cardsOf("double-12", ["containers-autoscale", "hybrid-isolate-payment"], 7);
    const shared = cards["containers-autoscale"].get("kernel");
    expect(Number(shared?.params.hit)).toBeGreaterThan(0);
    expect(Number(shared?.params.cost)).toBeGreaterThan(0);
    expect(Number(cards["hybrid-isolate-payment"].get("kernel")?.params.cost ?? 0)).toBe(0);
  });
});

describe("the memory-leak card", () => {
  /** Two teams: a portal and the database on one OS; a portal and a grades API in limited containers; then a leak in each. */
  function leakRound(): Map<string, ConceptCard>[] {
    const settings = { scenario: "free-play" as const, teams: ["shared OS", "limited containers"], scriptedIncidents: false };
    const cmd = (team: number, command: Extract<LogEntry, { type: "command" }>["command"]): LogEntry => ({ tick: 0, type: "command", seat: 1, team, command });
    const log: MatchLogFile = {
      header: newLogHeader({ seed: 3, settings, roster: [], room: "TEST", round: 1, startedAt: "2026-01-01T00:00:00.000Z", bots: [] }),
      entries: [
        cmd(0, { type: "installLayer", server: "s1", layer: "bare-linux" }),
        cmd(1, { type: "installLayer", server: "s4", layer: "container-host" }),
        { tick: 10, type: "command", seat: 1, team: 0, command: { type: "deploy", target: "s1", app: "web" } },
        { tick: 10, type: "command", seat: 1, team: 0, command: { type: "deploy", target: "s1", app: "db", cpu: 2000 } },
        { tick: 10, type: "command", seat: 2, team: 1, command: { type: "deploy", target: "s4", app: "web", memLimit: 2048 } },
        { tick: 10, type: "command", seat: 2, team: 1, command: { type: "deploy", target: "s4", app: "grades", memLimit: 2048 } },
        { tick: 20, type: "incident", seat: 0, action: { type: "incident", kind: "leak", team: 0, app: "web" } },
        { tick: 20, type: "incident", seat: 0, action: { type: "incident", kind: "leak", team: 1, app: "grades" } },
      ],
      final: null,
    };
    const replayer = new Replayer(log, 60);
    replayer.runToEnd();
    expect(replayer.divergence).toBeNull();
    const report = replayer.report();
    return [0, 1].map((team) => new Map(conceptCards(report, team).map((c) => [c.id, c])));
  }

  it("counts the neighbours a leak took down on a shared OS, and only the leaker in a limited container", () => {
    const [shared, limited] = leakRound();
    expect(shared.get("leak")?.params.hit).toBe(2);
    expect(limited.get("leak")?.params.hit).toBe(1);
  });
});
