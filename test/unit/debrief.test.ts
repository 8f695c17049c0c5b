/**
 * The debrief's cards on whole bot rounds: each lesson shows up for the team whose round it
 * explains, quoting that team's own numbers, and no card tells a team something its round does
 * not bear out (the false statements issue 9 measured on the old debrief).
 */
import { describe, expect, it } from "vitest";
import { cardText, type Card, type CardFormat, type CardId } from "../../shared/debrief/card";
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
    // … only that it did nothing all round.
    expect([...cards.idle.keys()]).toEqual(["spike", "idle-start"]);
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
    expect(cards["shared-os"].get("leak")?.says).toEqual(expect.arrayContaining(["hit", "rebooted", "collateral"]));
    expect(cards["one-app-per-server"].get("leak")?.says).toEqual(["hit", "alone-all"]);
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

describe("sentences that count: all, none, and fewer but dearer", () => {
  const plain: CardFormat = {
    number: String, money: (c) => `$${(c / 100).toLocaleString("en-US")}`, clock: (t) => `t${t}`, app: String, model: String, bot: String,
    list: (xs) => xs.join(", "),
  };
  const read = (card: Card | undefined) => ({ en: cardText(card!, plain, "en").body, zh: cardText(card!, plain, "zh-CN").body });

  it("a failing server whose one VM was moved off says every VM was, not \"1 of the 1\"", () => {
    const hw = cardsOf("exam-morning", ["hybrid-isolate-payment"], 3)["hybrid-isolate-payment"].get("hardware")!;
    expect(hw.says).toEqual(["warned", "moved-all", "cleared"]);
    expect(hw.params).toMatchObject({ vms: 1, moved: 1, lostVms: 0 });
    const text = read(hw);
    expect(text.en).toContain("Every VM on it (1) was live-migrated off in time.");
    expect(text.en).not.toMatch(/1 of the 1/);
    expect(text.zh).toContain("上面的虚拟机（1 台）全部及时热迁移走了。");
  });

  it("a failing server whose VMs all stayed says none was moved, and how many went down", () => {
    const hw = cardsOf("free-play", ["hybrid-isolate-payment"], 3)["hybrid-isolate-payment"].get("hardware")!;
    expect(hw.says.slice(0, 2)).toEqual(["warned", "moved-none"]);
    const { vms, moved, lostVms } = hw.params as { vms: number; moved: number; lostVms: number };
    expect(moved).toBe(0);
    expect(lostVms).toBe(vms);
    const text = read(hw);
    expect(text.en).toContain(`No VM on it was live-migrated off in time (${vms} were on it).`);
    expect(text.en).not.toMatch(/\b0 of the/);
    expect(text.zh).toContain(`上面的 ${vms} 台虚拟机没有一台及时热迁移走。`);
  });

  it("a packing onto fewer servers that would cost more says so; one that costs less does not", () => {
    const cards = cardsOf("double-12", ["vm-consolidate", "containers-autoscale"], 3);
    const vm = cards["vm-consolidate"].get("packing")!;
    const p = vm.params as { used: number; ffd: number; heldPrice: { cents: number }; ffdPrice: { cents: number } };
    expect(p.ffd).toBeLessThan(p.used);
    expect(p.ffdPrice.cents).toBeGreaterThanOrEqual(p.heldPrice.cents);
    expect(vm.says).toContain("dearer");
    expect(read(vm).en).toContain(`Fewer servers are not always cheaper: those ${p.ffd} would have cost $${(p.ffdPrice.cents / 100).toLocaleString("en-US")} against your $${(p.heldPrice.cents / 100).toLocaleString("en-US")}.`);
    const cheaper = cards["containers-autoscale"].get("packing")!;
    expect((cheaper.params.ffdPrice as { cents: number }).cents).toBeLessThan((cheaper.params.heldPrice as { cents: number }).cents);
    expect(cheaper.says).not.toContain("dearer");
  });

  it("the packing card names its moment as the one with the most servers, and the boot card's grammar follows the count", () => {
    const cards = cardsOf("exam-morning", ["hybrid-isolate-payment"], 3)["hybrid-isolate-payment"];
    expect(read(cards.get("packing")).en).toMatch(/^When you held the most servers \(t\d+\) you held \d+ servers/);
    const boot = cards.get("boot")!;
    const vms = boot.params.vms as number;
    expect(read(boot).en).toContain(vms === 1 ? "Your 1 VM took" : `Your ${vms} VMs took`);
    expect(read(boot).en).toContain(vms === 1 ? "once its host was ready" : "once their host was ready");
  });
});
