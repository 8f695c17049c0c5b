/**
 * What happened, from the team feed and the banners, as the policy's kinds: the student's own
 * command once when it is carried out (with when its result is ready: a command's life is one
 * sentence), a teammate's command, an incident or alarm that hit the team, the spike, news that
 * missed the team. What was already there when the page opened is history and is not said.
 */
import { clock, localized, t } from "../../i18n";
import { serversOf, datacenterOf } from "../../model/datacenter";
import type { BannerView, ClassView, FeedEntryView, ServerView } from "../../model/types";
import { bannerText } from "../bannerText";
import { feedText } from "../feed";
import type { Kind } from "./policy";

/** Events that finish what a command started: the command's own sentence said when they will come. */
const READINESS = new Set(["server-delivered", "layer-ready", "vm-ready", "instance-ready", "migration-done"]);
/** Events the banners say (as the spike or an incident that hit the team). */
const BANNERED = new Set(["incident", "hardware-warning", "server-reclaimed"]);
/** Banners that hit the team even when nothing was running there. */
const ALARMS = new Set(["hardware-warning", "server-reclaimed", "hardware"]);

type Say = (kind: Kind, text: string) => void;

/** The one made last of `rows` (ids count up: s3 before s11), by `at`; null when there is none. */
function newest<T extends { id: string }>(rows: readonly T[], at: (row: T) => number): number | null {
  const n = (id: string) => Number(id.replace(/\D+/g, "")) || 0;
  const last = [...rows].sort((a, b) => n(a.id) - n(b.id)).pop();
  return last ? at(last) : null;
}

/**
 * The minute a command's result is ready, read from the datacenter it changed: what it made is the
 * newest of its kind there (null: ready at once, or nothing found).
 */
export function readyAt(command: Record<string, unknown>, servers: readonly ServerView[]): number | null {
  const vms = servers.flatMap((s) => s.vms);
  switch (command.type) {
    case "buyServer": case "rentServer":
      return newest(servers.filter((s) => s.model === command.model), (s) => s.readyAt);
    case "installLayer":
      return servers.find((s) => s.id === command.server)?.layerReadyAt ?? null;
    case "createVm":
      return newest(vms.filter((v) => v.server === command.server), (v) => v.readyAt);
    case "deploy": {
      const all = [...servers.flatMap((s) => s.instances), ...vms.flatMap((v) => v.instances)];
      return newest(all.filter((i) => i.host === command.target && i.app === command.app), (i) => i.readyAt);
    }
    case "migrateVm":
      return vms.find((v) => v.id === command.vm)?.migrationDoneAt ?? null;
    default: return null;
  }
}

/** Whether a banner hit this team (said at once) or is news (it missed them, or all is well). */
export function bannerKind(b: BannerView, team: number): Kind {
  if (b.kind === "spike") return "spike";
  if (b.team !== team) return "news";
  return b.hit > 0 || b.cost > 0 || (ALARMS.has(b.kind) && b.target !== "") ? "hit" : "news";
}

/** Follows the team feed and the banners; a player's team only, or every team for the teacher. */
export class NewsWatch {
  private feedSeen: Set<string> | null = null;
  private bannerSeen: Set<string> | null = null;

  /** `seat`: this browser's seat; `team`: its team (-1: the teacher, who hears every banner as news). */
  update(view: ClassView, seat: number, team: number, say: Say): void {
    const servers = team >= 0 ? serversOf(datacenterOf(view, team)) : [];
    const feed = view.feeds.find((f) => f.team === team)?.lines ?? [];
    this.feed(feed, view, seat, servers, say);
    this.banners(view, team, say);
  }

  private feed(lines: readonly FeedEntryView[], view: ClassView, seat: number, servers: readonly ServerView[], say: Say): void {
    // Lines are told apart by their minute and content: the synced feed is a window that drops its oldest.
    const key = (e: FeedEntryView) => `${e.tick}|${e.seat}|${e.data}`;
    const fresh = this.feedSeen === null ? [] : lines.filter((e) => !this.feedSeen!.has(key(e)));
    this.feedSeen = new Set(lines.map(key));
    for (const entry of fresh) {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(entry.data) as Record<string, unknown>;
      } catch { /* a plain line */ }
      if (entry.kind === "command" && entry.seat === seat) say("done", this.done(data, view, servers));
      else if (entry.kind === "command") say("teammate", feedText(entry));
      else if (entry.kind === "event" && !READINESS.has(String(data.kind)) && !BANNERED.has(String(data.kind))) say("news", feedText(entry));
    }
  }

  /** "You installed Container host on s1, ready at 06:20." */
  private done(command: Record<string, unknown>, view: ClassView, servers: readonly ServerView[]): string {
    const what = localized(`feed.${String(command.type)}`, { ...command, who: t("speech.you") });
    const at = readyAt(command, servers);
    return at !== null && at > view.tick ? t("speech.doneReady", { what, time: clock(view.round.startMinute + at) }) : t("speech.done", { what });
  }

  private banners(view: ClassView, team: number, say: Say): void {
    const key = (b: BannerView) => `${b.tick}|${b.kind}|${b.team}|${b.target}|${b.at}`;
    const list = [...view.banners];
    const fresh = this.bannerSeen === null ? [] : list.filter((b) => !this.bannerSeen!.has(key(b)));
    this.bannerSeen = new Set(list.map(key));
    const player = team >= 0;
    for (const b of fresh) {
      // A player hears the class's news (the spike) and their own team's; rentals are in their feed.
      if (player && (b.kind === "rent" || (b.team !== -1 && b.team !== team))) continue;
      say(player ? bannerKind(b, team) : "news", bannerText(b, view, player ? team : undefined));
    }
  }
}
