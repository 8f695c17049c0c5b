import { t } from "../i18n";
import { bannerText } from "./bannerText";
import { currentBanner, isTeacher, myTeam } from "../store/selectors";
import type { AppState } from "../store/state";
import { h } from "./dom";

/** How long a banner stays up at most, in seconds of real time (at slow speeds 15 game minutes is long). */
const BANNER_SECONDS = 15;

/**
 * The strip under the top bar: the connection's trouble while it lasts, otherwise the newest of
 * the teacher's message and the incident that just hit. Seen, not said: the room's announcer
 * (speech/room.ts) says the same news by the announcement policy.
 */
export class Banners {
  readonly el = h("div", { testid: "banners" });
  private incident = "";
  private notice = 0;
  private trouble = false;
  private timer: number | undefined;

  update(s: AppState): void {
    if (s.link.status === "reconnecting") {
      this.trouble = true;
      return this.show(s.link.interrupted ? t("common.interrupted") : t("common.reconnecting", { attempt: s.link.attempt }), "spike");
    }
    if (this.trouble) {
      this.trouble = false;
      this.show("", "");
    }
    if (s.notice && s.notice.n !== this.notice) {
      this.notice = s.notice.n;
      this.show(`${t("play.notice")}: ${s.notice.text}`, "info");
    }
    const b = currentBanner(s);
    if (!b) return;
    const key = `${b.tick}:${b.kind}:${b.team}`;
    if (key === this.incident) return;
    this.incident = key;
    // A whole sentence naming the team, the server and what it cost ("Bravo: server s3 died…"), never "Hardware failure · 2".
    this.show(bannerText(b, s.view!, isTeacher(s) ? undefined : myTeam(s)), b.kind === "spike" ? "spike" : "");
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => { if (this.incident === key) this.show("", ""); }, BANNER_SECONDS * 1000);
  }

  private show(text: string, kind: string): void {
    this.el.replaceChildren(...(text ? [h("div", { class: `banner ${kind}`, testid: `banner-${kind || "incident"}`, text })] : []));
  }

  destroy(): void {
    window.clearTimeout(this.timer);
  }
}
