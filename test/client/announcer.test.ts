/**
 * What the play screen says aloud (ui/play/announcer.ts): failing hardware and a reclaimed server
 * interrupt, other news waits its turn, nothing that was already in the feed when the page opened
 * is said again, and the minute's figures are said at most every 20 s and only when they changed.
 */
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../../client/src/i18n/en";
import { studentEn } from "../../client/src/i18n/student";
import { PlayAnnouncer } from "../../client/src/ui/play/announcer";
import type { ClassView, FeedEntryView, TeamView } from "../../client/src/model/types";
import { playMinutes } from "./match";

const game = playMinutes(3);
const event = (tick: number, data: Record<string, unknown>): FeedEntryView => ({ tick, seat: -2, who: "", kind: "event", data: JSON.stringify(data) });

function harness() {
  const said: { text: string; urgency: string }[] = [];
  let now = 0;
  const a = new PlayAnnouncer((text, urgency = "polite") => said.push({ text, urgency }), () => now);
  return { a, said, at: (ms: number) => { now = ms; } };
}

beforeAll(async () => {
  await i18next.init({ lng: "en", resources: { en: { translation: { ...en, ...studentEn } } }, interpolation: { escapeValue: false } });
});

describe("the play screen's announcements", () => {
  const view: ClassView = { ...game.views[3], phase: "playing" };
  const team = (served: number, dropped: number): TeamView => ({ ...view.teams[0], served, dropped });

  it("interrupts for failing hardware, queues the rest, and never repeats what was there", () => {
    const { a, said } = harness();
    const old = [event(1, { kind: "server-delivered", server: "s1" })];
    a.update(view, team(0, 0), old);
    expect(said.filter((s) => s.text.includes("delivered"))).toEqual([]);
    a.update(view, team(0, 0), [...old, event(2, { kind: "hardware-warning", server: "s1", at: 12 }), event(2, { kind: "vm-ready", vm: "v1" })]);
    expect(said.find((s) => /s1 reports failing hardware: it dies in 10 minutes/.test(s.text))?.urgency).toBe("assertive");
    expect(said.find((s) => s.text === "VM v1 booted")?.urgency).toBe("polite");
    const count = said.length;
    a.update(view, team(0, 0), [...old, event(2, { kind: "hardware-warning", server: "s1", at: 12 }), event(2, { kind: "vm-ready", vm: "v1" })]);
    expect(said.length).toBe(count);
  });

  it("says the minute's figures when they change, at most every 20 seconds", () => {
    const { a, said, at } = harness();
    const summaries = () => said.filter((s) => /requests a minute served/.test(s.text)).map((s) => (/turned away\.$/.test(s.text) && !/none/.test(s.text) ? "dropped" : "served"));
    at(100_000);
    a.update(view, team(500, 0), []);
    expect(summaries()).toEqual(["served"]);
    at(105_000);
    a.update(view, team(900, 300), []);
    expect(summaries()).toHaveLength(1);
    at(121_000);
    a.update(view, team(900, 300), []);
    expect(summaries()).toEqual(["served", "dropped"]);
    expect(said[said.length - 1].text).toMatch(/900 requests a minute served, 300 turned away/);
    at(150_000);
    a.update(view, team(905, 302), []);
    expect(summaries()).toHaveLength(2);
    a.update({ ...view, phase: "paused" }, team(100, 800), []);
    expect(summaries()).toHaveLength(2);
  });
});
