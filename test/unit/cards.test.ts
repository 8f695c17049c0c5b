/**
 * Every debrief card, table-driven: a scripted round where it must fire, with the numbers it must
 * quote, and one where it must not. Free play, one team (servers s1, s2 small and s3 a GPU node),
 * no scripted incidents unless a case says so.
 */
import { describe, expect, it } from "vitest";
import type { Card, CardId } from "../../shared/debrief/card";
import { CARD_IDS, cardText } from "../../shared/debrief/card";
import { cardFor, teamCards } from "../../shared/debrief/cards";
import type { RoundReport } from "../../shared/debrief/report";
import { cmd, incident, playRound, spikeStartOf, type RoundSpec } from "./support/rounds";

interface Case {
  card: CardId;
  why: string;
  round: () => RoundSpec;
  team?: number;
  /** Checks the card's sentences and numbers against what the script set up. */
  expect?: (card: Card, report: RoundReport) => void;
}

const S = spikeStartOf({});
const containerHost = (server: string, tick = 0) => cmd(tick, { type: "installLayer", server, layer: "container-host" });
const bare = (server: string, tick = 0) => cmd(tick, { type: "installLayer", server, layer: "bare-linux" });
const deploy = (target: string, app: "web" | "grades" | "db" | "payment" | "train", tick = 0, extra: { cpu?: number; memLimit?: number } = {}) =>
  cmd(tick, { type: "deploy", target, app, ...extra });

const FIRES: Case[] = [
  {
    card: "spike", why: "two portal containers before the spike, a third 5 minutes into it",
    round: () => ({ end: S + 80, steps: [containerHost("s1"), deploy("s1", "web", 10), deploy("s1", "web", 10), deploy("s1", "web", S + 5)] }),
    expect: (c) => {
      expect(c.says).toEqual(["reacted", "served"]);
      expect(c.params.capacity).toBe(2000);
      expect(c.params.reaction).toBe(5);
      expect(c.params.at).toEqual({ tick: S });
    },
  },
  {
    card: "db-bottleneck", why: "a 1-core database behind 800 grades a minute, deployed at minute 40",
    round: () => ({ end: 120, steps: [containerHost("s1"), deploy("s1", "grades", 7), deploy("s1", "grades", 7), bare("s2"), deploy("s2", "db", 40, { cpu: 1000 })] }),
    expect: (c, report) => {
      // Counted only while the database runs (from minute 43): 500 queries a minute answer 250 grades.
      let minutes = 0;
      let lost = 0;
      report.series.demand.grades.forEach((d, t) => {
        const could = Math.min(d, 800);
        if (t >= 43 && could * 2 > 500) { minutes++; lost += could - 250; }
      });
      expect(minutes).toBeGreaterThan(30);
      expect(c.params).toMatchObject({ minutes, lost, apps: { apps: ["grades", "payment"] } });
    },
  },
  {
    card: "leak", why: "the portal and the database on one OS, the portal leaks",
    // The database loads its backup (INCIDENTS.dbRestoreTicks) before it answers: up from minute 23.
    round: () => ({ end: 70, steps: [bare("s1"), deploy("s1", "web", 10), deploy("s1", "db", 10, { cpu: 2000 }), incident(30, { kind: "leak", team: 0, app: "web" })] }),
    expect: (c) => {
      expect(c.says).toEqual(["hit", "rebooted", "collateral"]);
      expect(c.params).toMatchObject({ leaks: 1, targets: 1, collateral: 1, outage: 22, rebooted: 1, rebootOutage: 22 });
    },
  },
  {
    card: "leak", why: "a grades container with a memory limit leaks alone",
    round: () => ({ end: 60, steps: [containerHost("s1"), deploy("s1", "web", 10, { memLimit: 2048 }), deploy("s1", "grades", 10, { memLimit: 2048 }), incident(20, { kind: "leak", team: 0, app: "grades" })] }),
    expect: (c) => {
      expect(c.says).toEqual(["hit", "limited"]);
      expect(c.params).toMatchObject({ leaks: 1, targets: 1, collateral: 0, outage: 1, limited: 1, limitedOutage: 1 });
    },
  },
  {
    card: "kernel", why: "the portal and payments share a container host; the exploit comes through the portal",
    round: () => ({ end: 60, steps: [containerHost("s1"), deploy("s1", "web", 7), deploy("s1", "payment", 7), bare("s2"), deploy("s2", "db", 7, { cpu: 2000 }), incident(30, { kind: "kernel", team: 0, app: "web" })] }),
    expect: (c) => {
      expect(c.says).toEqual(["body", "breach"]);
      expect(c.params).toMatchObject({ at: { tick: 30 }, kernels: 1, hit: 2, fine: { cents: 500_000 } });
    },
  },
  {
    card: "compliance", why: "payments served on the portal's kernel",
    round: () => ({ end: 60, steps: [containerHost("s1"), deploy("s1", "web", 7), deploy("s1", "payment", 7), bare("s2"), deploy("s2", "db", 7, { cpu: 2000 })] }),
    expect: (c, report) => {
      const fines = report.results[0].ledger.fines;
      expect(fines).toBeGreaterThan(0);
      expect(c.params).toMatchObject({ fees: { cents: fines }, payments: fines / 5, share: { pct: 100 } });
      expect(report.facts[0].paymentServed).toBe(fines / 5);
    },
  },
  {
    card: "hardware", why: "the teacher breaks the database's server without warning",
    round: () => ({ end: 60, steps: [bare("s2"), deploy("s2", "db", 7, { cpu: 2000 }), incident(30, { kind: "hardware", team: 0, server: "s2" })] }),
    expect: (c) => {
      expect(c.says).toEqual(["failed", "sudden-lost-instances", "sudden-apps"]);
      expect(c.params).toMatchObject({ suddenAt: { tick: 30 }, sudden: 1, suddenLost: 1, suddenVms: 0, suddenApps: { apps: ["db"] } });
      expect(c).toMatchObject({ title: "title-sudden", q: "q-sudden" });
    },
  },
  {
    card: "packing", why: "one portal container on each of two hosts, and an empty GPU node",
    round: () => ({ end: 20, steps: [containerHost("s1"), containerHost("s2"), deploy("s1", "web", 7), deploy("s2", "web", 7)] }),
    expect: (c) => {
      // Each container host stood set up and empty for the minute before its container came.
      expect(c.says).toEqual(["loose", "empty", "idle-power"]);
      expect(c.params).toMatchObject({ held: 3, used: 2, empty: 1, ffd: 1, bound: 1 });
      expect(c.cost).toBe((c.params.idlePower as { cents: number }).cents);
    },
  },
  {
    card: "packing", why: "one portal container, and two servers holding nothing",
    round: () => ({ end: 20, steps: [containerHost("s1"), deploy("s1", "web", 7)] }),
    expect: (c) => {
      expect(c.says).toEqual(["tight", "empty", "idle-power"]);
      expect(c.params).toMatchObject({ held: 3, used: 1, empty: 2, ffd: 1, bound: 1 });
      // Tight where the instances sat, not "at least as tight" over a rack of empty servers.
      const text = cardText(c, { number: String, money: String, clock: String, app: String, model: String, bot: String, list: String }, "en").body;
      expect(text).toContain("you held 3 servers; your instances sat on 1, no more than first-fit decreasing needs for them (1)");
      expect(text).toContain("2 of your servers held nothing at that moment.");
    },
  },
  {
    card: "occupancy", why: "a container host and one portal container on 32 owned cores",
    round: () => ({ end: 30, steps: [containerHost("s1"), deploy("s1", "web")] }),
    expect: (c) => {
      // 350 m for the container engine and 2000 m for the container, of 8 + 8 + 16 cores, every minute.
      expect(c.params.cores).toEqual({ cores: 32_000 });
      expect(c.params.occ).toEqual({ pct: (2350 * 100) / 32_000 });
    },
  },
  {
    card: "shared-os", why: "the portal and the database on one OS",
    round: () => ({ end: 20, steps: [bare("s1"), deploy("s1", "web"), deploy("s1", "db", 0, { cpu: 2000 })] }),
    expect: (c) => expect(c).toMatchObject({ says: ["shared"], params: { apps: 2 } }),
  },
  {
    card: "shared-os", why: "one app on each of two OSes",
    round: () => ({ end: 20, steps: [bare("s1"), deploy("s1", "web"), bare("s2"), deploy("s2", "db", 0, { cpu: 2000 })] }),
    expect: (c) => expect(c).toMatchObject({ says: ["oneapp"], params: { servers: 2 } }),
  },
  {
    card: "ostax", why: "a Linux VM on a type-1 host",
    round: () => ({ end: 30, steps: [cmd(0, { type: "installLayer", server: "s1", layer: "type1" }), cmd(0, { type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: 3, mem: 4096 })] }),
    // The hypervisor keeps 400 m; the VM its guest OS (250 m) and 2 % of 3 vCPUs (60 m).
    expect: (c) => expect(c.params).toMatchObject({ cores: { cores: 710 }, vms: 1, guest: { cores: 250 } }),
  },
  {
    card: "hypervisor-type", why: "a VM on a type-2 host",
    round: () => ({ end: 30, steps: [cmd(0, { type: "installLayer", server: "s1", layer: "type2" }), cmd(0, { type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: 2, mem: 4096 })] }),
    expect: (c) => {
      expect(c.says).toEqual(["type2"]);
      expect(c.params).toMatchObject({ t2: { bp: 800 }, t2host: { cores: 750 } });
    },
  },
  {
    card: "hypervisor-type", why: "type-1 only, with type-2 allowed",
    round: () => ({ end: 30, steps: [cmd(0, { type: "installLayer", server: "s1", layer: "type1" }), cmd(0, { type: "createVm", server: "s1", os: "linux", mode: "full", vcpus: 2, mem: 4096 })] }),
    expect: (c) => {
      expect(c.says).toEqual(["type1", "no-type2"]);
      expect(c.params).toMatchObject({ t1: { bp: 400 }, t1host: { cores: 400 } });
    },
  },
  {
    card: "hypervisor-type", why: "a type-1 host and a type-2 host with no VM on either",
    round: () => ({ end: 30, steps: [cmd(0, { type: "installLayer", server: "s1", layer: "type1" }), cmd(0, { type: "installLayer", server: "s2", layer: "type2" })] }),
    expect: (c) => {
      // No VMs: no share of their CPU to quote, only what each host keeps for itself.
      expect(c.says).toEqual(["type1-idle", "type2-idle"]);
      expect(c.params).toMatchObject({ t1host: { cores: 400 }, t2host: { cores: 750 } });
    },
  },
  {
    card: "licence-windows", why: "a Windows server with a Standard licence",
    round: () => ({ end: 20, steps: [cmd(0, { type: "installLayer", server: "s1", layer: "bare-windows" }), cmd(0, { type: "buyLicence", server: "s1", edition: "standard" })] }),
    expect: (c) => expect(c).toMatchObject({ says: ["spent"], params: { spent: { cents: 106_900 }, oses: 1 } }),
  },
  {
    card: "licence-hypervisor", why: "the HA suite on a type-1 host",
    round: () => ({ end: 20, steps: [cmd(0, { type: "installLayer", server: "s1", layer: "type1" }), cmd(0, { type: "buyLicence", server: "s1", edition: "ha" })] }),
    expect: (c) => expect(c).toMatchObject({ says: ["body", "unused"], params: { spent: { cents: 60_000 }, hosts: 1 } }),
  },
  {
    card: "rent", why: "a small machine rented at 08:00, here from 08:03",
    round: () => ({ end: 60, steps: [cmd(0, { type: "rentServer", model: "small" })] }),
    expect: (c) => expect(c).toMatchObject({ says: ["rented"], params: { peak: 1, minutes: 57, rent: { cents: 57_000 }, arrive: 3 } }),
  },
  {
    card: "boot", why: "a container (its 344 MB pulled from the public registry in two minutes) and a Linux VM (3 minutes to boot)",
    round: () => ({
      end: 30,
      steps: [containerHost("s1"), deploy("s1", "web"), cmd(0, { type: "installLayer", server: "s2", layer: "type1" }), cmd(0, { type: "createVm", server: "s2", os: "linux", mode: "full", vcpus: 2, mem: 4096 })],
    }),
    expect: (c) => expect(c).toMatchObject({ says: ["containers", "vms"], params: { containers: 1, container: 2, vms: 1, vm: 3 } }),
  },
  {
    card: "layers", why: "two portal containers on one host",
    round: () => ({ end: 20, steps: [containerHost("s1"), deploy("s1", "web"), deploy("s1", "web")] }),
    // debian 114 + jre17 190 + portal 40 = 344 MB per image, pulled once.
    expect: (c) => expect(c).toMatchObject({ says: ["saved"], params: { n: 2, full: 688, pulled: 344 } }),
  },
  {
    card: "resize", why: "a container and a database process resized",
    round: () => ({
      end: 40,
      steps: [containerHost("s1"), deploy("s1", "web"), bare("s2"), deploy("s2", "db", 0, { cpu: 2000 }), cmd(20, { type: "resize", instance: "i4", cpu: 1000 }), cmd(20, { type: "resize", instance: "i5", cpu: 3000 })],
    }),
    expect: (c) => expect(c).toMatchObject({ says: ["live", "restart"], params: { live: 1, restart: 1 } }),
  },
  {
    card: "migration", why: "a VM moved between two type-1 hosts",
    round: () => ({
      end: 40,
      steps: [
        cmd(0, { type: "installLayer", server: "s1", layer: "type1" }), cmd(0, { type: "installLayer", server: "s2", layer: "type1" }),
        cmd(0, { type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: 2, mem: 4096 }), cmd(25, { type: "migrateVm", vm: "v4", to: "s2" }),
      ],
    }),
    expect: (c) => expect(c.params).toEqual({ n: 1 }),
  },
  {
    card: "gpu", why: "the training job alone on the GPU node",
    round: () => ({ end: 20, steps: [bare("s3"), deploy("s3", "train")] }),
    // 16 cores, of which the job holds 1 and the OS 0.25.
    expect: (c) => expect(c.params).toEqual({ idle: { pct: 92 } }),
  },
  {
    card: "idle-start", why: "the first command only once the forecast window opened (minute 150)",
    round: () => ({ end: S + 5, steps: [containerHost("s1", 155), deploy("s1", "web", 161)] }),
    expect: (c, report) => {
      expect(c.says).toEqual(["late"]);
      const dropped = report.series.teams[0].dropped.slice(0, 155).reduce((a, b) => a + b, 0);
      expect(c.params).toMatchObject({ first: { tick: 155 }, wait: 155, served: 0, dropped });
      expect(c.cost).toBe(report.facts[0].lostCents.slice(0, 155).reduce((a, b) => a + b, 0));
    },
  },
  {
    card: "idle-start", why: "no command at all",
    round: () => ({ end: 30, steps: [] }),
    expect: (c) => expect(c).toMatchObject({ says: ["never"], title: "title-never", params: { served: 0 } }),
  },
  {
    card: "hands-off", why: "a portal container at 08:00, then nothing through the spike",
    round: () => ({ end: S + 20, steps: [containerHost("s1"), deploy("s1", "web", 7)] }),
    expect: (c, report) => {
      expect(c.says).toEqual(["body", "lost"]);
      expect(c.params).toMatchObject({ last: { tick: 7 }, minutes: S + 20 - 8, at: { tick: S }, commands: 2 });
      expect(c.params.dropped).toBe(report.series.teams[0].dropped.slice(8).reduce((a, b) => a + b, 0));
    },
  },
  {
    card: "upfront", why: "two large servers bought at 08:00 and eight portal containers on one: four times the morning's peak",
    round: () => ({
      end: S + 5,
      steps: [
        cmd(0, { type: "buyServer", model: "large" }), cmd(0, { type: "buyServer", model: "large" }), containerHost("s4", 30),
        ...Array.from({ length: 8 }, () => deploy("s4", "web", 36)),
      ],
    }),
    expect: (c, report) => {
      expect(c.says).toEqual(["body", "power"]);
      expect(c.params).toMatchObject({ n: 2, models: { models: { small: 0, large: 2, gpu: 0 } }, price: { cents: 1_800_000 }, window: { tick: 150 }, morningCap: 8000 });
      expect(c.params.morningCap as number).toBeGreaterThanOrEqual(2 * (c.params.morningPeak as number));
      expect(c.cost).toBe(report.facts[0].earlyPower);
      // Two large servers from their delivery (minute 30) to the window (150), idle one at 400 a minute at least.
      expect(c.cost).toBeGreaterThan(2 * 400 * 120);
    },
  },
  {
    card: "late-buy", why: "a large server bought in the spike's first minute",
    round: () => ({ end: S + 40, steps: [cmd(S + 1, { type: "buyServer", model: "large" })] }),
    expect: (c) => {
      expect(c.says).toEqual(["body", "value"]);
      expect(c.params).toMatchObject({ n: 1, first: { tick: S + 1 }, into: 1, arrived: { tick: S + 31 }, lost: { cents: 450_000 } });
      expect(c.cost).toBe(450_000);
    },
  },
  {
    card: "giant-vm", why: "the portal and the database in one 6-vCPU VM on an 8-core server",
    round: () => ({
      end: 40,
      steps: [
        cmd(0, { type: "installLayer", server: "s1", layer: "type1" }), cmd(0, { type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: 6, mem: 24576 }),
        deploy("v4", "web", 25), deploy("v4", "db", 25, { cpu: 2000 }),
      ],
    }),
    expect: (c) => expect(c).toMatchObject({ says: ["body"], params: { vcpus: 6, cores: 8, apps: { apps: ["web", "db"] }, n: 2 }, cost: null }),
  },
];

const SILENT: Omit<Case, "expect">[] = [
  { card: "idle-start", why: "a command in the first minute", round: () => ({ end: 60, steps: [containerHost("s1")] }) },
  { card: "idle-start", why: "a round with no spike and nothing turned away before the first command", round: () => ({ scenario: "old-era", end: 30, steps: [bare("s1")] }) },
  { card: "hands-off", why: "a command once the forecast window opened", round: () => ({ end: S + 20, steps: [containerHost("s1"), deploy("s1", "web", 7), deploy("s1", "web", 151)] }) },
  { card: "hands-off", why: "the round ended before the spike", round: () => ({ end: S - 1, steps: [containerHost("s1"), deploy("s1", "web", 7)] }) },
  {
    card: "upfront", why: "two large servers bought after the first half hour",
    round: () => ({ end: S + 5, steps: [cmd(40, { type: "buyServer", model: "large" }), cmd(40, { type: "buyServer", model: "large" }), containerHost("s4", 70), ...Array.from({ length: 8 }, () => deploy("s4", "web", 76))] }),
  },
  {
    card: "upfront", why: "one large server bought at 08:00 for about the morning's demand",
    round: () => ({ end: S + 5, steps: [cmd(0, { type: "buyServer", model: "large" }), containerHost("s4", 30), deploy("s4", "web", 36), deploy("s4", "grades", 36)] }),
  },
  { card: "late-buy", why: "a machine rented in the spike", round: () => ({ end: S + 40, steps: [cmd(S + 1, { type: "rentServer", model: "large" })] }) },
  { card: "late-buy", why: "a server bought before the spike", round: () => ({ end: S + 40, steps: [cmd(S - 40, { type: "buyServer", model: "large" })] }) },
  {
    card: "giant-vm", why: "the same apps in two VMs of three vCPUs",
    round: () => ({
      end: 40,
      steps: [
        cmd(0, { type: "installLayer", server: "s1", layer: "type1" }), cmd(0, { type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: 3, mem: 4096 }),
        cmd(0, { type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: 3, mem: 20480 }), deploy("v4", "web", 25), deploy("v5", "db", 25, { cpu: 2000 }),
      ],
    }),
  },
  { card: "spike", why: "the round ended before the spike", round: () => ({ end: S - 1, steps: [containerHost("s1"), deploy("s1", "web")] }) },
  { card: "spike", why: "the old era has no spike", round: () => ({ scenario: "old-era", end: 60, steps: [] }) },
  {
    card: "db-bottleneck", why: "a team with no database (and grades with nothing behind them)",
    round: () => ({ end: 60, steps: [containerHost("s1"), deploy("s1", "grades", 7)] }),
  },
  {
    card: "db-bottleneck", why: "a 30-core database",
    round: () => ({ end: 60, steps: [containerHost("s1"), deploy("s1", "grades", 7), cmd(0, { type: "buyServer", model: "large" }), bare("s4", 31), deploy("s4", "db", 31, { cpu: 30_000 })] }),
  },
  { card: "leak", why: "the leaking app is not running", round: () => ({ end: 60, steps: [bare("s1"), deploy("s1", "db", 0, { cpu: 2000 }), incident(20, { kind: "leak", team: 0, app: "web" })] }) },
  { card: "kernel", why: "the portal runs on Windows only", round: () => ({ end: 60, steps: [cmd(0, { type: "installLayer", server: "s1", layer: "bare-windows" }), deploy("s1", "web", 12), incident(30, { kind: "kernel", team: 0, app: "web" })] }) },
  {
    card: "compliance", why: "payments alone on their own host",
    round: () => ({ end: 60, steps: [containerHost("s1"), deploy("s1", "payment", 7), containerHost("s2"), deploy("s2", "web", 7), bare("s3"), deploy("s3", "db", 7, { cpu: 2000 })] }),
  },
  { card: "hardware", why: "nothing broke", round: () => ({ end: 60, steps: [bare("s2"), deploy("s2", "db", 7, { cpu: 2000 })] }) },
  { card: "packing", why: "nothing was placed", round: () => ({ end: 20, steps: [] }) },
  { card: "occupancy", why: "servers held but nothing reserved", round: () => ({ end: 20, steps: [] }) },
  { card: "shared-os", why: "containers only", round: () => ({ end: 20, steps: [containerHost("s1"), deploy("s1", "web"), deploy("s1", "grades")] }) },
  { card: "ostax", why: "no VMs", round: () => ({ end: 20, steps: [containerHost("s1"), deploy("s1", "web")] }) },
  {
    card: "hypervisor-type", why: "type-1 when type-2 is not allowed",
    round: () => ({ unlocks: ["bare-linux", "type1"], end: 30, steps: [cmd(0, { type: "installLayer", server: "s1", layer: "type1" }), cmd(0, { type: "createVm", server: "s1", os: "linux", mode: "para", vcpus: 2, mem: 4096 })] }),
  },
  { card: "licence-windows", why: "only the hypervisor suite was bought", round: () => ({ end: 20, steps: [cmd(0, { type: "installLayer", server: "s1", layer: "type1" }), cmd(0, { type: "buyLicence", server: "s1", edition: "ha" })] }) },
  { card: "licence-hypervisor", why: "only a Windows licence was bought", round: () => ({ end: 20, steps: [cmd(0, { type: "installLayer", server: "s1", layer: "bare-windows" }), cmd(0, { type: "buyLicence", server: "s1", edition: "standard" })] }) },
  { card: "rent", why: "nothing rented or bought", round: () => ({ end: 60, steps: [] }) },
  { card: "rent", why: "servers bought where there is no cloud", round: () => ({ scenario: "old-era", end: 60, steps: [cmd(0, { type: "buyServer", model: "small" })] }) },
  { card: "boot", why: "processes on bare OSes only", round: () => ({ end: 20, steps: [bare("s1"), deploy("s1", "web")] }) },
  { card: "layers", why: "no containers", round: () => ({ end: 20, steps: [bare("s1"), deploy("s1", "web")] }) },
  { card: "resize", why: "nothing resized", round: () => ({ end: 20, steps: [containerHost("s1"), deploy("s1", "web")] }) },
  { card: "migration", why: "no VM moved", round: () => ({ end: 20, steps: [cmd(0, { type: "installLayer", server: "s1", layer: "type1" })] }) },
  { card: "gpu", why: "no training job", round: () => ({ end: 20, steps: [bare("s3"), deploy("s3", "web")] }) },
];

describe("each card fires where its lesson showed, with the round's own numbers", () => {
  it.each(FIRES.map((c) => [c.card, c.why, c] as const))("%s: %s", (_id, _why, c) => {
    const report = playRound(c.round());
    const card = cardFor(c.card, report, c.team ?? 0);
    expect(card, `${c.card} should fire`).not.toBeNull();
    c.expect?.(card!, report);
    // A cost is whole cents, never negative, or null where nothing honest measures it.
    expect(card!.cost === null || (Number.isInteger(card!.cost) && card!.cost >= 0), `${c.card} cost ${card!.cost}`).toBe(true);
    // The card is also in the team's list, once.
    expect(teamCards(report, c.team ?? 0).filter((x) => x.id === c.card)).toHaveLength(1);
  });
});

describe("each card stays silent where its lesson did not show", () => {
  it.each(SILENT.map((c) => [c.card, c.why, c] as const))("%s: %s", (_id, _why, c) => {
    const report = playRound(c.round());
    expect(cardFor(c.card, report, c.team ?? 0)).toBeNull();
  });

  it("an idle team gets no bottleneck, no packing and no lectures on VMs: only that it did nothing", () => {
    const report = playRound({ teams: 2, end: 120, steps: [containerHost("s1"), deploy("s1", "grades", 7), bare("s2"), deploy("s2", "db", 7, { cpu: 1000 })] });
    expect(cardFor("db-bottleneck", report, 0)).not.toBeNull();
    expect(teamCards(report, 1).map((c) => c.id)).toEqual(["idle-start"]);
  });
});

describe("the table covers every card", () => {
  it("has a round that fires and one that does not for every card but the what-if (see whatif.test.ts)", () => {
    const ids = CARD_IDS.filter((id) => id !== "what-if");
    expect(ids.filter((id) => !FIRES.some((c) => c.card === id))).toEqual([]);
    expect(ids.filter((id) => !SILENT.some((c) => c.card === id))).toEqual([]);
  });
});
