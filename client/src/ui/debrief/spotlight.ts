import type { RoundReport } from "../../../../shared/debrief/report";
import { t } from "../../i18n";
import type { ServerView } from "../../model/types";
import { h } from "../dom";
import { teamDebrief } from "./team";

/**
 * One team full-screen on the projector: its racks as they ended, its money, its cards and its
 * what-if, for the class to talk through. Esc or the button goes back to the class.
 */
export class Spotlight {
  private part: { el: HTMLElement; destroy(): void } | null = null;
  private overlay: HTMLElement | null = null;
  private back: HTMLElement | null = null;
  private readonly onKey = (e: KeyboardEvent) => { if (e.key === "Escape") this.close(); };

  constructor(private readonly host: HTMLElement) {}

  get team(): number {
    return this.overlay ? Number(this.overlay.dataset.team) : -1;
  }

  open(report: RoundReport, team: number, racks: readonly ServerView[] | undefined): void {
    this.close();
    this.back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.part = teamDebrief(report, team, { racks, whatIf: true, big: true });
    const close = h("button", { class: "close primary", testid: "spotlight-close", text: t("debrief.closeSpotlight"), onclick: () => this.close() });
    this.overlay = h("div", { class: "spotlight", testid: "spotlight", role: "dialog", "aria-modal": "true", "aria-label": report.teams[team] }, close, this.part.el);
    this.overlay.dataset.team = String(team);
    this.host.append(this.overlay);
    document.addEventListener("keydown", this.onKey);
    close.focus();
  }

  close(): void {
    if (!this.overlay) return;
    document.removeEventListener("keydown", this.onKey);
    this.part?.destroy();
    this.overlay.remove();
    this.overlay = null;
    this.part = null;
    this.back?.focus();
    this.back = null;
  }
}
