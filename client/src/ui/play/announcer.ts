/**
 * What the play screen says aloud as the round goes on, through the page's live regions: each
 * minute's served and turned-away figures (at most every 20 seconds of real time, and only when
 * they changed enough to matter), failing hardware and a reclaimed server at once, what teammates
 * built and what came up politely. The spike, incidents and the teacher's words are the banners'.
 */
import { clock, t } from "../../i18n";
import type { ClassView, FeedEntryView, TeamView } from "../../model/types";
import { announce } from "../announce";
import { feedText } from "../feed";

/** Real-time milliseconds between two minute summaries. */
const SUMMARY_EVERY_MS = 20_000;
/** Feed events that interrupt: they ask for action now. */
const URGENT = new Set(["hardware-warning", "server-reclaimed"]);

export class PlayAnnouncer {
  private seen: Set<string> | null = null;

  /** `say` and `now`: the live regions and the clock (tests give their own). */
  constructor(private readonly say: typeof announce = announce, private readonly now: () => number = () => performance.now()) {}

  private lastSummaryAt = 0;
  private last = { served: -1, dropped: -1 };

  update(view: ClassView, team: TeamView | undefined, feed: readonly FeedEntryView[]): void {
    if (!team) return;
    this.feed(feed);
    if (view.phase !== "playing") return;
    const served = team.served;
    const dropped = team.dropped;
    const now = this.now();
    const changed = (dropped > 0) !== (this.last.dropped > 0) || Math.abs(served - this.last.served) > Math.max(50, this.last.served * 0.1) || Math.abs(dropped - this.last.dropped) > Math.max(20, this.last.dropped * 0.2);
    if (!changed || now - this.lastSummaryAt < SUMMARY_EVERY_MS) return;
    this.lastSummaryAt = now;
    this.last = { served, dropped };
    this.say(t(dropped > 0 ? "a11y.minuteDropped" : "a11y.minuteServed", { time: clock(view.round.startMinute + view.tick), served, dropped }));
  }

  /** New lines of the team feed since the last update (none on the first: what was there is history). */
  private feed(lines: readonly FeedEntryView[]): void {
    // Lines are told apart by their minute and content: the synced feed is a window that drops its oldest.
    const key = (e: FeedEntryView) => `${e.tick}|${e.seat}|${e.data}`;
    const fresh = this.seen === null ? [] : lines.filter((e) => !this.seen!.has(key(e)));
    this.seen = new Set(lines.map(key));
    for (const entry of fresh) {
      let kind = "";
      try {
        kind = String((JSON.parse(entry.data) as { kind?: string }).kind ?? "");
      } catch { /* a plain line */ }
      if (entry.kind === "event" && URGENT.has(kind)) this.say(feedText(entry), "assertive");
      else if (entry.kind === "event" && kind !== "incident") this.say(feedText(entry));
      else if (entry.kind === "command") this.say(feedText(entry));
    }
  }
}
