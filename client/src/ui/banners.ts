import { t } from "../i18n";
import { bannerText } from "./bannerText";
import { currentBanner } from "../store/selectors";
import type { AppState } from "../store/state";
import { announce } from "./announce";
import { h } from "./dom";

/** How long a banner stays up at most, in seconds of real time (at slow speeds 15 game minutes is long). */
const BANNER_SECONDS = 15;

/**
 * The strip under the top bar: the connection's trouble while it lasts, otherwise the newest of
 * the teacher's message and the incident that just hit.
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
      this.show(`${t("play.notice")}: ${s.notice.text}`, "info", true);
    }
    const b = currentBanner(s);
    if (!b) return;
    const key = `${b.tick}:${b.kind}:${b.team}`;
    if (key === this.incident) return;
    this.incident = key;
    // A whole sentence naming the team, the server and what it cost ("Bravo: server s3 died…"), never "Hardware failure · 2".
    this.show(bannerText(b, s.view!), b.kind === "spike" ? "spike" : "", true);
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => { if (this.incident === key) this.show("", ""); }, BANNER_SECONDS * 1000);
  }

  /** `speak`: also said at once (the spike, an incident, the teacher's words interrupt). */
  private show(text: string, kind: string, speak = false): void {
    this.el.replaceChildren(...(text ? [h("div", { class: `banner ${kind}`, testid: `banner-${kind || "incident"}`, text })] : []));
    if (speak) announce(text, "assertive");
  }

  destroy(): void {
    window.clearTimeout(this.timer);
  }
}
