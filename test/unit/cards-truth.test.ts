/**
 * Cards true in every case issue 18 found false: scripted rounds where the old text said
 * something the round did not bear out. The leak card tells limited containers from unlimited
 * ones; the spike card counts every capacity added after the spike began (and the class table's
 * Reaction agrees) and says why requests were turned away when capacity alone does not; the
 * hardware card tells a warned failure from the teacher's. Rounds are shared between tests.
 */
import { describe, expect, it } from "vitest";
import { cardText, type Card, type CardFormat } from "../../shared/debrief/card";
import { cardFor, teamCards } from "../../shared/debrief/cards";
import { classRows } from "../../shared/debrief/class";
import { LOSS_CAUSES, totalLoss } from "../../shared/debrief/losses";
import type { RoundReport } from "../../shared/debrief/report";
import { cmd, incident, playRound, spikeStartOf, type Step } from "./support/rounds";

const plain: CardFormat = {
  number: String, money: (c) => `$${(c / 100).toFixed(2)}`, clock: (t) => `t${t}`, app: String, model: String, bot: String,
  list: (xs) => xs.join(", "),
};
const read = (card: Card | null, lang: "en" | "zh-CN" = "en") => {
  expect(card).not.toBeNull();
  return cardText(card!, plain, lang);
};

type App = "web" | "grades" | "db" | "payment";
const host = (server: string, tick = 0) => cmd(tick, { type: "installLayer", server, layer: "container-host" });
const bare = (server: string, tick = 0) => cmd(tick, { type: "installLayer", server, layer: "bare-linux" });
const deploy = (target: string, app: App, tick: number, extra: { cpu?: number; memLimit?: number } = {}) => cmd(tick, { type: "deploy", target, app, ...extra });

/** Exam morning at a quarter of its traffic: a team can be ready for the spike on its own servers and one large one. */
const EM = { scenario: "exam-morning", traffic: 25 } as const;
const S = spikeStartOf(EM);
/**
 * Portal on s1 (i4–i6), grades on s2 (i7, i8), the database on a large server bought at once (s3,
 * here from minute 30; i9): every app covers its peak.
 */
function readyTeam(db = 8000): Step[] {
  return [
    cmd(0, { type: "buyServer", model: "large" }), host("s1"), host("s2"), host("s3", 30),
    deploy("s1", "web", 10), deploy("s1", "web", 10), deploy("s1", "web", 10),
    deploy("s2", "grades", 10, { cpu: 3500 }), deploy("s2", "grades", 10, { cpu: 3500 }), deploy("s3", "db", 40, { cpu: db }),
  ];
}

/** A round played once, the first time a test asks for it (tests of one describe share it). */
function once(play: () => RoundReport): () => RoundReport {
  let r: RoundReport | null = null;
  return () => (r ??= play());
}

/** The spike's requests turned away, and the parts the facts split them into, must be the same number. */
function partsAddUp(report: RoundReport, team: number): void {
  const s = report.spike[team]!;
  expect(totalLoss(report.facts[team].spikeLost).requests).toBe(s.demand - s.served);
}

describe("the spike card says why requests were turned away when capacity alone does not", () => {
  const broken = once(() => playRound({ ...EM, end: S + 45, steps: [...readyTeam(), incident(S + 5, { kind: "hardware", team: 0, server: "s3" })] }));
  const exploited = once(() => playRound({ ...EM, end: S + 45, steps: [...readyTeam(), incident(S + 5, { kind: "kernel", team: 0, app: "web" })] }));
  // Plenty in all, but a database answering 500 grades a minute.
  const smallDb = once(() => playRound({ ...EM, end: S + 45, steps: readyTeam(2000) }));
  const fine = once(() => playRound({ ...EM, end: S + 45, steps: readyTeam() }));

  it("ready, then the teacher breaks the database's server: requests lost to the failed server", () => {
    const report = broken();
    const spike = cardFor("spike", report, 0)!;
    expect(spike.says[0]).toBe("ready");
    expect(spike.says).toContain("why-hardware");
    expect(spike.params.whyHardware).toBe(report.facts[0].spikeLost.hardware.requests);
    expect(read(spike).body).toMatch(/\d+ were turned away while a failed server was down\./);
    partsAddUp(report, 0);
    // What the failure cost is on the hardware card, measured the same way.
    expect(cardFor("hardware", report, 0)!.cost).toBe(report.facts[0].lost.hardware.cents);
    expect(report.facts[0].lost.hardware.cents).toBeGreaterThan(0);
  });

  it("ready, then the exploit comes through the portal: requests lost while kernels were patched", () => {
    const report = exploited();
    const spike = cardFor("spike", report, 0)!;
    expect(spike.says[0]).toBe("ready");
    expect(spike.says).toContain("why-kernel");
    expect(read(spike, "zh-CN").body).toContain("被漏洞攻破的内核打补丁期间");
    partsAddUp(report, 0);
    expect(cardFor("kernel", report, 0)!.cost).toBe(report.facts[0].lost.kernel.cents);
  });

  it("more capacity than the peak in all, but a database too small: it names the app short of its peak and the database", () => {
    const report = smallDb();
    const s = report.spike[0]!;
    expect(s.capacityAtStart).toBeGreaterThanOrEqual(s.peakDemand);
    expect(s.ready).toBe(false);
    expect(s.shortApps).toEqual(["grades"]);
    const spike = cardFor("spike", report, 0)!;
    expect(spike.says).toEqual(expect.arrayContaining(["uneven", "why-db"]));
    expect(read(spike).body).toContain("That was more than the peak in all, but not for every app: grades could not serve its own peak.");
    partsAddUp(report, 0);
    expect(cardFor("db-bottleneck", report, 0)!.cost).toBe(report.facts[0].lost.db.cents);
    // The class table's check mark means the same thing.
    expect(classRows(report)[0].ready).toBe(false);
  });

  it("ready and nothing broke: every request served, no reasons, no cost", () => {
    const report = fine();
    const spike = cardFor("spike", report, 0)!;
    expect(spike.says).toEqual(["ready", "all"]);
    expect(spike.cost).toBe(0);
    expect(classRows(report)[0].ready).toBe(true);
  });
});

describe("the spike card counts every capacity added after the spike began, as the class table does", () => {
  const rounds: [string, number, Step[]][] = [
    // The round: the portal's server breaks, portal containers go up elsewhere (capacity never beats the start).
    ["portal containers on another host after the portal's server broke", 10, [
      host("s1"), host("s2"), deploy("s1", "web", 10), deploy("s1", "web", 10), incident(S + 5, { kind: "hardware", team: 0, server: "s1" }),
      deploy("s2", "web", S + 10, { cpu: 500 }), deploy("s2", "web", S + 10, { cpu: 500 }),
    ]],
    ["a machine rented, nothing deployed on it yet", 3, [host("s1"), deploy("s1", "web", 10), cmd(S + 3, { type: "rentServer", model: "small" })]],
    ["a container given more CPU", 2, [host("s1"), deploy("s1", "web", 10, { cpu: 1000 }), cmd(S + 2, { type: "resize", instance: "i3", cpu: 2000 })]],
    ["nothing at all", -1, [host("s1"), deploy("s1", "web", 10)]],
  ];

  it.each(rounds)("%s: reaction %i", (_why, reaction, steps) => {
    const report = playRound({ ...EM, end: S + 30, steps });
    const spike = cardFor("spike", report, 0)!;
    expect(spike.params.reaction).toBe(reaction);
    expect(spike.says[0]).toBe(reaction >= 0 ? "reacted" : "none");
    expect(classRows(report)[0].reaction).toBe(reaction);
    const text = read(spike).body;
    if (reaction >= 0) expect(text).toContain(`you first added capacity ${reaction} min after it began`);
    else expect(text).toContain("you added no capacity while it lasted");
  });
});

describe("the leak card tells the walls apart", () => {
  const leakRound = (steps: Step[]) => playRound({ scenario: "free-play", end: 60, steps: [...steps, incident(20, { kind: "leak", team: 0, app: "web" })] });

  it("unlimited containers sharing a host were down for the host's reboot, not restarted on their own", () => {
    const report = leakRound([host("s1"), deploy("s1", "web", 7), deploy("s1", "web", 7)]);
    const leak = cardFor("leak", report, 0)!;
    expect(leak.says).toEqual(["hit", "rebooted-all", "same-app"]);
    expect(leak.params).toMatchObject({ targets: 2, rebooted: 2, collateral: 0, rebootOutage: 22 });
    const en = read(leak).body;
    expect(en).not.toMatch(/restarted on its own|memory limit, so|OOM killer/);
    expect(en).toContain("down for up to 22 min");
    expect(read(leak, "zh-CN").body).not.toContain("有内存限制的容器里");
    expect(leak.cost).toBe(report.facts[0].lost.leak.cents);
  });

  it("an unlimited container alone on its host was restarted by the OOM killer", () => {
    const leak = cardFor("leak", leakRound([host("s1"), deploy("s1", "web", 7)]), 0)!;
    expect(leak.says).toEqual(["hit", "alone"]);
    expect(leak.params).toMatchObject({ alone: 1, aloneOutage: 3 });
    expect(read(leak).body).not.toContain("memory limit");
  });

  it("a container with a memory limit restarted alone within a minute", () => {
    const leak = cardFor("leak", leakRound([host("s1"), deploy("s1", "web", 7, { memLimit: 2048 }), deploy("s1", "grades", 7, { memLimit: 2048 })]), 0)!;
    expect(leak.says).toEqual(["hit", "limited"]);
    expect(leak.params).toMatchObject({ limited: 1, limitedOutage: 1, collateral: 0 });
  });

  it("a process sharing an OS took its neighbour down", () => {
    const leak = cardFor("leak", leakRound([bare("s1"), deploy("s1", "web", 7), deploy("s1", "db", 7, { cpu: 2000 })]), 0)!;
    expect(leak.says).toEqual(["hit", "rebooted", "collateral"]);
    expect(leak.params).toMatchObject({ rebooted: 1, collateral: 1, rebootOutage: 22 });
  });
});

describe("the hardware card tells a warned failure from the teacher's", () => {
  const steps = [host("s1"), deploy("s1", "web", 7), deploy("s1", "web", 7), host("s2"), deploy("s2", "grades", 7)];

  it("a failure with no warning has a title and a question of its own, and says the teacher broke it", () => {
    const report = playRound({ scenario: "free-play", end: 60, steps: [host("s2"), deploy("s2", "web", 7), incident(30, { kind: "hardware", team: 0, server: "s2" })] });
    const hw = cardFor("hardware", report, 0)!;
    expect(hw.says).toEqual(["failed", "sudden-lost-instances", "sudden-apps"]);
    for (const lang of ["en", "zh-CN"] as const) {
      const text = read(hw, lang);
      expect(text.title).not.toMatch(/warns first|先预警/);
      expect(text.question).not.toMatch(/warning server|预警的服务器/);
    }
    expect(read(hw).title).toBe("A server failed without warning");
    expect(read(hw).body).toContain("At t30 one of your servers failed without any warning: the teacher broke it.");
  });

  it("a warned failure keeps the warning's title; a team with both hears of both", () => {
    const warned = cardFor("hardware", playRound({ scenario: "free-play", scriptedIncidents: true, end: 170, steps }), 0)!;
    expect(warned.title).toBeUndefined();
    expect(warned.says[0]).toBe("warned");
    expect(warned.says.some((k) => k.includes("sudden"))).toBe(false);
    // The teacher breaks the grades server before the scripted warning (minute 150) strikes the portal's.
    const both = cardFor("hardware", playRound({ scenario: "free-play", scriptedIncidents: true, end: 170, steps: [...steps, incident(60, { kind: "hardware", team: 0, server: "s2" })] }), 0)!;
    expect(both.says[0]).toBe("warned");
    expect(both.says).toContain("also-sudden");
    expect(read(both).body).toContain("At t60 another of your servers failed without any warning");
    expect(read(both).title).toBe("Failing hardware warns first");
  });
});

describe("the loss partition", () => {
  it("splits every dropped request into one cause, with what it would have brought", () => {
    // A portal process on a bare OS resized in the spike (it restarts), a small database, and the exploit.
    const report = playRound({
      ...EM, end: S + 30,
      steps: [
        bare("s1"), deploy("s1", "web", 10), host("s2"), deploy("s2", "grades", 10), deploy("s2", "db", 10, { cpu: 1000 }),
        cmd(S + 2, { type: "resize", instance: "i3", cpu: 1500 }), incident(S + 8, { kind: "kernel", team: 0, app: "web" }),
      ],
    });
    const f = report.facts[0];
    expect(totalLoss(f.lost).requests).toBe(report.results[0].dropped);
    for (const c of ["restart", "kernel", "db", "capacity"] as const) expect(f.lost[c].requests, c).toBeGreaterThan(0);
    for (const c of LOSS_CAUSES) expect(f.lost[c].cents, c).toBeGreaterThanOrEqual(0);
    // The penalties charged are part of what the dropped requests cost (the rest is the revenue they would have earned).
    expect(totalLoss(f.lost).cents).toBeGreaterThan(report.results[0].ledger.penalties);
    expect(teamCards(report, 0).find((c) => c.id === "resize")?.cost).toBe(f.lost.restart.cents);
  });
});
