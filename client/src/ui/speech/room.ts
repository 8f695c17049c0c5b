/**
 * Everything a room's page says aloud, in one place (the announcement policy, ./policy.ts): the
 * news of the team feed and the banners, the teacher's messages, the class's clock and the losses.
 * The RoomShell feeds it every state; screens say only what their own controls did.
 */
import { clock, t } from "../../i18n";
import { clockStop, isPlayer, midRound, myTeam } from "../../store/selectors";
import type { AppState } from "../../store/state";
import { ClockWatch, type Stop } from "./clock";
import { LossWatch } from "./losses";
import { NewsWatch } from "./news";
import type { Kind } from "./policy";

/** The clock as this player lives it: paused, frozen for all, extra time for them or for others. */
export function playerStop(s: AppState): Stop | null {
  const stop = clockStop(s);
  if (stop === null) return null;
  if (stop === "paused") return "paused";
  if (stop === "wait") return "others";
  return s.view?.freeze.everyone ? "discussion" : "mine";
}

export class RoomAnnouncer {
  private readonly news = new NewsWatch();
  private readonly clockWatch = new ClockWatch();
  private readonly losses = new LossWatch();
  private notice = -1;

  /** `say`: the policy's speaker; `now`: real time in ms (tests give their own). */
  constructor(private readonly say: (kind: Kind, text: string) => void, private readonly now: () => number = () => performance.now()) {}

  update(s: AppState): void {
    const view = s.view;
    if (!view || !s.me) return;
    // The teacher's words: said once each (a repeat of the same words is a new message, said again).
    const n = s.notice?.n ?? 0;
    if (this.notice >= 0 && n !== this.notice && s.notice) this.say("teacher", t("speech.teacher", { text: s.notice.text }));
    this.notice = n;
    const player = isPlayer(s);
    const team = player ? myTeam(s) : -1;
    this.news.update(view, s.me.seat, team, this.say);
    if (!player || team < 0) return;
    const time = clock(view.round.startMinute + view.tick);
    // A practice player stops and starts their own clock: nothing to tell them.
    if (!view.practice) this.clockWatch.update({ stop: playerStop(s), live: midRound(view), secondsLeft: view.freeze.secondsLeft, time }, this.say);
    const me = view.teams[team];
    if (me) this.losses.update({ playing: view.phase === "playing", tick: view.tick, time, demand: me.demand, served: me.served, dropped: me.dropped }, this.now(), this.say);
  }
}
