/**
 * The announcement policy (ui/speech): each kind of news has one politeness, the same sentence is
 * not said twice within 5 s, a command's life is one sentence (when it is carried out, saying when
 * its result is ready; what comes up later is not said again), an incident is assertive only when
 * it hit this team, losses are said while they last and when they stop, and a paused player hears
 * why the clock stopped, when it restarts, a warning 20 s before extra time ends, and the restart.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { advance, applyCommand, createMatch } from "../../shared/engine";
import { en } from "../../client/src/i18n/en";
import { studentEn } from "../../client/src/i18n/student";
import type { BannerView, ClassView, FeedEntryView } from "../../client/src/model/types";
import { ClockWatch, type ClockInput } from "../../client/src/ui/speech/clock";
import { LossWatch, type LossInput } from "../../client/src/ui/speech/losses";
import { NewsWatch } from "../../client/src/ui/speech/news";
import { POLICY, Speaker, type Kind } from "../../client/src/ui/speech/policy";
import { RoomAnnouncer } from "../../client/src/ui/speech/room";
import { initialState, type AppState } from "../../client/src/store/state";
import { playMinutes, viewOf } from "./match";

beforeAll(async () => {
  await i18next.init({ lng: "en", resources: { en: { translation: { ...en, ...studentEn } } }, interpolation: { escapeValue: false } });
});

type Said = { kind: Kind; text: string };
const recorder = () => {
  const said: Said[] = [];
  return { said, say: (kind: Kind, text: string) => void said.push({ kind, text }) };
};

describe("the speaker", () => {
  it("says each kind in its one region and never the same sentence twice within 5 s", () => {
    const out: { text: string; urgency: string }[] = [];
    let now = 0;
    const s = new Speaker((text, urgency) => out.push({ text, urgency }), () => now);
    expect(s.say("refusal", "Not enough CPU.")).toBe(true);
    expect(s.say("done", "You deployed Portal on s1.")).toBe(true);
    expect(s.say("refusal", "Not enough CPU.")).toBe(false);
    now = 4_999;
    expect(s.say("news", "Not enough CPU.")).toBe(false);
    now = 5_001;
    expect(s.say("refusal", "Not enough CPU.")).toBe(true);
    expect(s.say("news", "  ")).toBe(false);
    expect(out).toEqual([
      { text: "Not enough CPU.", urgency: "assertive" },
      { text: "You deployed Portal on s1.", urgency: "polite" },
      { text: "Not enough CPU.", urgency: "assertive" },
    ]);
    expect(s.log.map((x) => x.kind)).toEqual(["refusal", "done", "refusal"]);
  });

  it("keeps assertive for the student's own refusals, the spike, what hit their team and the clock", () => {
    const assertive = Object.entries(POLICY).filter(([, u]) => u === "assertive").map(([k]) => k).sort();
    expect(assertive).toEqual(["clock", "hit", "refusal", "spike"]);
  });
});

const SEAT = 1;
const line = (tick: number, seat: number, kind: FeedEntryView["kind"], data: Record<string, unknown>, who = "Ann"): FeedEntryView => ({ tick, seat, who, kind, data: JSON.stringify(data) });
const withFeed = (view: ClassView, lines: FeedEntryView[], banners: BannerView[] = []): ClassView => ({ ...view, feeds: [{ team: 0, lines }], banners } as unknown as ClassView);
const banner = (b: Partial<BannerView>): BannerView => ({ tick: 3, team: 0, kind: "leak", app: "web", hit: 0, cost: 0, target: "", at: 0, ...b });

describe("news from the feed and the banners", () => {
  // A real datacenter: s1 gets a container host at minute 0, ready some minutes later.
  const state = createMatch({ scenario: "free-play", teams: ["A"], scriptedIncidents: false }, 3);
  const meta = { room: "ABCDEF", round: 1, roster: [{ seat: SEAT, nickname: "Ann", role: "student" as const, team: 0 }], bots: [""], over: false };
  const before = viewOf(state, meta);
  const install = { type: "installLayer", server: "s1", layer: "container-host" };
  const r = applyCommand(state, 0, install as never);
  if (!r.ok) throw new Error("install refused");
  advance(state);
  const after = viewOf(state, meta);
  const readyAt = after.datacenters.find((d) => d.team === 0)!.servers.find((s) => s.id === "s1")!.layerReadyAt;

  it("says the student's own command once, when carried out, with when it is ready; not again when it comes up", () => {
    const { said, say } = recorder();
    const news = new NewsWatch();
    news.update(withFeed(before, []), SEAT, 0, say);
    news.update(withFeed(after, [line(0, SEAT, "command", install)]), SEAT, 0, say);
    expect(readyAt).toBeGreaterThan(after.tick);
    const h = Math.floor((after.round.startMinute + readyAt) / 60) % 24;
    const m = (after.round.startMinute + readyAt) % 60;
    expect(said).toEqual([{ kind: "done", text: `You installed Container host on s1, ready at ${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}.` }]);
    // It comes up: no second sentence about the same command.
    news.update(withFeed(after, [line(0, SEAT, "command", install), line(readyAt, -2, "event", { kind: "layer-ready", server: "s1", layer: "container-host" })]), SEAT, 0, say);
    expect(said).toHaveLength(1);
  });

  it("says a teammate's command politely, not what was already there, and a repair as news", () => {
    const { said, say } = recorder();
    const news = new NewsWatch();
    const old = [line(0, 2, "command", { type: "buyServer", model: "small" }, "Bo")];
    news.update(withFeed(after, old), SEAT, 0, say);
    expect(said).toEqual([]);
    news.update(withFeed(after, [...old, line(1, 2, "command", { type: "sellServer", server: "s2" }, "Bo"), line(1, -2, "event", { kind: "server-repaired", server: "s2" })]), SEAT, 0, say);
    expect(said).toEqual([{ kind: "teammate", text: "Bo sold s2" }, { kind: "news", text: "Server s2 repaired" }]);
  });

  it("makes an incident assertive only when it hit this team, and says failing hardware once", () => {
    const { said, say } = recorder();
    const news = new NewsWatch();
    news.update(withFeed(after, []), SEAT, 0, say);
    const warning = banner({ kind: "hardware-warning", target: "s1", at: 12, tick: 2 });
    news.update(withFeed(after, [line(2, -2, "event", { kind: "hardware-warning", server: "s1", at: 12 })], [
      banner({ kind: "patch", tick: 2 }), warning, banner({ kind: "leak", team: 1, hit: 3, tick: 2 }), banner({ kind: "spike", team: -1, at: 1, tick: 2 }),
    ]), SEAT, 0, say);
    expect(said).toEqual([
      { kind: "news", text: "Host OS updates: nothing of yours was hit." },
      { kind: "hit", text: expect.stringMatching(/server s1 warns of failing hardware and dies at/) },
      { kind: "spike", text: "The spike is here: demand is climbing fast." },
    ]);
  });
});

describe("the class's clock", () => {
  const at = (stop: ClockInput["stop"], secondsLeft = 0): ClockInput => ({ stop, live: true, secondsLeft, time: "09:42" });

  it("tells a waiting player why the clock stopped and when it restarts, warns 20 s before, and says the restart", () => {
    const { said, say } = recorder();
    const w = new ClockWatch();
    w.update(at(null), say);
    for (const left of [60, 59, 40, 21]) w.update(at("others", left), say);
    w.update(at("others", 20), say);
    w.update(at("others", 19), say);
    w.update(at(null), say);
    expect(said).toEqual([
      { kind: "clock", text: "The clock has stopped: some players have extra time. You can read and plan, not act. It restarts in 1 minute." },
      { kind: "clock", text: "The clock restarts in 20 seconds." },
      { kind: "clock", text: "09:42: the clock runs again." },
    ]);
  });

  it("tells the student with extra time that it is theirs and when it ends; a pause waits for the teacher", () => {
    const { said, say } = recorder();
    const w = new ClockWatch();
    w.update(at("mine", 90), say);
    w.update(at("mine", 20), say);
    w.update(at("mine", 120), say);
    w.update(at("paused"), say);
    expect(said.map((s) => s.text)).toEqual([
      "You have extra time: the clock has stopped for everyone else while you keep building. It restarts in 1 minute 30 seconds.",
      "Your extra time ends in 20 seconds.",
      // The teacher gave more: said whole again.
      "You have extra time: the clock has stopped for everyone else while you keep building. It restarts in 2 minutes.",
      "The teacher paused the game: the clock has stopped and nobody can act. It restarts when the teacher resumes.",
    ]);
  });
});

describe("losses", () => {
  const minute = (tick: number, dropped: number, playing = true): LossInput => ({ playing, tick, time: `09:${String(tick).padStart(2, "0")}`, demand: 10_000, served: 10_000 - dropped, dropped });

  it("says losses when they start, every 20 s while they last even unchanged, and when they have stopped", () => {
    const { said, say } = recorder();
    const w = new LossWatch();
    w.update(minute(1, 0), 0, say);
    w.update(minute(2, 6000), 1_000, say);
    w.update(minute(3, 6000), 15_000, say);
    w.update(minute(4, 6000), 21_500, say);
    w.update(minute(5, 6000, false), 60_000, say);
    w.update(minute(6, 0), 61_000, say);
    w.update(minute(7, 0), 62_000, say);
    w.update(minute(8, 0), 63_000, say);
    expect(said).toEqual([
      { kind: "losses", text: "09:02: turning away 6,000 requests a minute, 60 % of demand." },
      { kind: "losses", text: "09:04: turning away 6,000 requests a minute, 60 % of demand." },
      { kind: "losses", text: "09:08: no request turned away now; all 10,000 a minute served." },
    ]);
  });
});

describe("the room's announcer", () => {
  const game = playMinutes(2);
  const state = (view: ClassView, notice: AppState["notice"] = null): AppState => ({
    ...initialState({ name: "play", code: "ABCDEF" }, "en"), view, notice, me: { seat: SEAT, role: "student", nickname: "Ann" },
  });

  it("says the teacher's message politely, once", () => {
    const { said, say } = recorder();
    const a = new RoomAnnouncer(say, () => 0);
    const view = { ...game.views[2], phase: "playing" } as ClassView;
    a.update(state(view));
    a.update(state(view, { text: "Look at your database", n: 1 }));
    a.update(state(view, { text: "Look at your database", n: 1 }));
    expect(said.filter((s) => s.kind === "teacher")).toEqual([{ kind: "teacher", text: "Message from the teacher: Look at your database" }]);
  });
});

describe("one place speaks", () => {
  const root = fileURLToPath(new URL("../../client/src/", import.meta.url));
  const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith(".ts") ? [join(dir, n)] : []));
  /**
   * Live regions outside the two of index.html, each with why it may be one: none is on a
   * student's play screen, so every sentence there is said once, through the policy.
   */
  const ALLOWED: Record<string, string> = {
    "ui/landing.ts": "the join form's error, tied to its fields, before any room",
    "ui/host/joinBox.ts": "the teacher's warning that phones cannot reach this address",
    "ui/host/lobbyBoard.ts": "how many have joined, on the teacher's and projector's lobby",
    "ui/host/projector.ts": "why the clock stopped, on the projector",
    "screens/projector.ts": "the 3-2-1 on the projector",
    "screens/replay.ts": "a replay file that cannot be read",
  };

  it("has no live region but the policy's and the few listed, and nothing writes the regions but the speaker", () => {
    const sources = files(root).map((p) => ({ rel: relative(root, p), text: readFileSync(p, "utf8") }));
    const live = sources.filter((f) => /aria-live|role: "(status|alert|log)"/.test(f.text)).map((f) => f.rel).filter((r) => r !== "ui/announce.ts");
    expect(live.sort()).toEqual(Object.keys(ALLOWED).sort());
    expect(sources.filter((f) => /live-(polite|assertive|\$\{)/.test(f.text)).map((f) => f.rel)).toEqual(["ui/announce.ts"]);
    // Every sentence goes through speak(kind, …): the old announce(text, urgency) is gone.
    expect(sources.filter((f) => /\bannounce\(/.test(f.text)).map((f) => f.rel)).toEqual([]);
  });
});
