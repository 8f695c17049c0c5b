import type { RoundReport } from "../../shared/debrief/report";
import { clock, errorText, money, onLangChange, t } from "./i18n";
import { JoinError, Network, sessionStatus } from "./net/Network";
import { LiveHistory } from "./state/history";
import type { ClassView } from "./state/types";
import { datacenterOf } from "./state/engine";
import { briefingView } from "./ui/briefing";
import { debriefView } from "./ui/debrief";
import { h, throttleFrame } from "./ui/dom";
import { hostControls, quickBar, type HostControls } from "./ui/host/controls";
import { Projector } from "./ui/host/projector";
import { landing } from "./ui/landing";
import { ReplayPage } from "./ui/replay";
import { sessionsPage } from "./ui/sessions";
import { lobbyView, teamCards } from "./ui/lobby";
import { PlayView, spikeLine } from "./ui/play";
import { practiceControls, practiceGo } from "./ui/practice";
import { toast } from "./ui/toasts";
import { topbar } from "./ui/topbar";

type Route = { name: "landing"; code: string } | { name: "play"; code: string } | { name: "host"; code: string } | { name: "replay"; id: string }
  | { name: "sessions" };

export function parseRoute(path: string): Route {
  if (/^\/sessions\/?$/.test(path)) return { name: "sessions" };
  if (/^\/replay\/?$/.test(path)) return { name: "replay", id: "" };
  const m = /^\/(join|play|host|replay)\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  if (!m) return { name: "landing", code: "" };
  if (m[1] === "join") return { name: "landing", code: m[2].toUpperCase() };
  if (m[1] === "replay") return { name: "replay", id: m[2] };
  return { name: m[1] as "play" | "host", code: m[2].toUpperCase() };
}

interface Part {
  el: HTMLElement;
  destroy(): void;
}

/**
 * Screens and their order: landing → (student) lobby → briefing → play → debrief, or (teacher)
 * projector with controls. It follows the room's phase; the server decides when phases change.
 */
export class App {
  private readonly net = new Network();
  private view: ClassView | null = null;
  private reports: RoundReport[] = [];
  private readonly history = new LiveHistory();
  private role: "host" | "student" = "student";
  private seat = -1;
  private nickname = "";
  private screen = "";
  private part: Part | null = null;
  private play: PlayView | null = null;
  private projector: Projector | null = null;
  private controls: HostControls | null = null;
  private readonly status = h("div", { class: "row", testid: "status" });
  /** The teacher's pause and end buttons, always in reach above the projector view. */
  private quickBar: HostControls | null = null;
  private readonly banners = h("div", { testid: "banners" });
  private readonly body = h("div");
  private lastBanner = "";
  private readonly render = throttleFrame(() => this.draw());

  constructor(private readonly root: HTMLElement) {
    this.net.on("state", (s) => { this.view = s; this.render(); });
    this.net.on("welcome", (w) => {
      this.seat = w.seat;
      this.role = w.role;
      this.nickname = w.nickname;
      this.render();
    });
    this.net.on("history", (m) => {
      const team = this.myTeam();
      if (team >= 0) this.history.load(m.round, m.series, team);
      this.projector?.loadHistory(m.round, m.series, m.series.teams.length);
    });
    this.net.on("debrief", (m) => { this.reports = m.reports; this.screen = ""; this.render(); });
    this.net.on("notice", (n) => { toast(`${t("play.notice")}: ${n.text}`, "info", 12000); this.setBanner(`${t("play.notice")}: ${n.text}`, "info"); });
    this.net.on("error", (e) => toast(errorText(e.error), "bad"));
    this.net.on("applied", (a) => { if (!a.ok) toast(errorText(a.error), "bad"); });
    this.net.on("reconnecting", (r) => {
      const text = r.interrupted ? t("common.interrupted") : t("common.reconnecting", { attempt: r.attempt });
      if (this.body.isConnected) this.setBanner(text, "spike");
      else this.showMessage(text);
    });
    this.net.on("reconnected", () => {
      if (!this.body.isConnected) this.enterRoom();
      this.setBanner("", "");
      toast(t("common.reconnected"), "ok");
    });
    this.net.on("closed", (c) => this.closed(c.reason));
    onLangChange(() => { this.screen = ""; this.teardown(); this.route(); });
    window.addEventListener("popstate", () => this.route());
  }

  private myTeam(): number {
    const seat = this.view?.seats.get(String(this.seat));
    return seat ? seat.team : -1;
  }

  navigate(path: string): void {
    if (location.pathname + location.search !== path) history.pushState({}, "", path);
    this.route();
  }

  route(): void {
    const r = parseRoute(location.pathname);
    if (r.name === "landing") return this.showLanding(r.code);
    if (r.name === "sessions") {
      this.teardown();
      return void sessionsPage(this.root, (p) => this.navigate(p));
    }
    if (r.name === "replay") {
      this.teardown();
      const q = new URLSearchParams(location.search);
      const page = new ReplayPage(this.root, { round: r.id || undefined, share: q.get("share") ?? undefined, session: q.get("session") ?? undefined });
      this.part = { el: this.root, destroy: () => page.destroy() };
      return void page.mount();
    }
    if (this.net.connected && this.net.code === r.code) return this.enterRoom();
    void this.resume(r.code, r.name === "host" ? "host" : "student");
  }

  private async resume(code: string, role: "host" | "student"): Promise<void> {
    this.showMessage(t("common.loading"));
    try {
      if (role === "host") await this.net.hostResume(code);
      else await this.net.resumeSeat(code);
      this.enterRoom();
    } catch (e) {
      const code2 = e instanceof JoinError ? e.code : "connection_failed";
      const status = await sessionStatus(code);
      // The server restarted while this session was open: wait for it to come back (the teacher's
      // page rebuilds it), then take the seat back.
      if (status.status === "interrupted") return void this.net.recover(code);
      history.replaceState({}, "", `/join/${code}`);
      this.showLanding(code, errorText({ code: status.status === "ended" ? "session_ended" : code2, params: {} }));
    }
  }

  private showLanding(code: string, error?: string): void {
    this.teardown();
    this.screen = "landing";
    landing(this.root, code, {
      join: async (c, nickname) => this.tryJoin(() => this.net.join(c, nickname), `/play/${c}`),
      host: async () => {
        try {
          const c = await this.net.hostNew(false);
          this.navigate(`/host/${c}`);
          return null;
        } catch (e) {
          return errorText({ code: e instanceof JoinError ? e.code : "connection_failed", params: {} });
        }
      },
      practice: async (nickname) => {
        try {
          const c = await this.net.hostNew(true, nickname.trim() || undefined);
          this.navigate(`/play/${c}`);
          return null;
        } catch (e) {
          return errorText({ code: e instanceof JoinError ? e.code : "connection_failed", params: {} });
        }
      },
      resume: (c, role) => this.navigate(role === "host" ? `/host/${c}` : `/play/${c}`),
    });
    if (error) (this.root.querySelector("[data-testid=join-error]") as HTMLElement).textContent = error;
  }

  private async tryJoin(f: () => Promise<void>, path: string): Promise<string | null> {
    try {
      await f();
      this.navigate(path);
      return null;
    } catch (e) {
      if (e instanceof JoinError) return errorText({ code: e.code, params: e.params as Record<string, string> });
      return errorText({ code: "connection_failed", params: {} });
    }
  }

  private enterRoom(): void {
    this.teardown();
    this.screen = "";
    this.root.replaceChildren(topbar(this.status), this.banners, this.body);
    this.render();
  }

  private setBanner(text: string, kind: string): void {
    this.banners.replaceChildren(...(text ? [h("div", { class: `banner ${kind}`, text })] : []));
  }

  private showMessage(text: string): void {
    this.teardown();
    this.root.replaceChildren(topbar(), h("div", { class: "overlay-center", testid: "message" }, h("h2", { text })));
  }

  private closed(reason: string): void {
    this.teardown();
    const text = reason === "session_ended" ? t("errors.session_ended") : reason === "kicked" ? t("errors.kicked") : reason === "lost" ? t("errors.lost") : "";
    if (!text) return this.navigate("/");
    this.root.replaceChildren(topbar(), h("div", { class: "overlay-center stack", testid: "closed" },
      h("h2", { text }), h("a", { href: "/", text: t("common.back") })));
  }

  private teardown(): void {
    this.part?.destroy();
    this.part = null;
    this.play?.destroy();
    this.play = null;
    this.projector?.destroy();
    this.projector = null;
    this.controls = null;
  }

  /** Which screen the room's phase and this seat call for. */
  private screenFor(view: ClassView): string {
    const isPlayer = this.role === "student" || view.practice;
    if (view.phase === "ended") return "ended";
    if (!isPlayer) return view.phase === "over" ? "host-over" : "host";
    const team = this.myTeam();
    if (view.phase === "over") return "debrief";
    if (team < 0 || view.phase === "lobby") return "lobby";
    if (view.phase === "briefing") return "briefing";
    return "play";
  }

  private draw(): void {
    const view = this.view;
    if (!view || !this.body.isConnected) return;
    this.drawStatus(view);
    this.drawBanners(view);
    const screen = this.screenFor(view);
    const changed = screen !== this.screen || (screen === "lobby" || screen === "briefing");
    if (screen !== this.screen) {
      this.teardown();
      this.screen = screen;
    }
    switch (screen) {
      case "lobby":
        if (changed) this.body.replaceChildren(lobbyView(view, this.seat, this.nickname, this.net));
        break;
      case "briefing":
        if (!this.part) {
          this.part = briefingView(view, teamCards(view, this.seat, this.net, false), view.practice ? practiceGo(this.net) : undefined);
          this.body.replaceChildren(this.part.el);
        }
        break;
      case "play":
        if (!this.play) {
          this.play = new PlayView({ net: this.net, team: () => this.myTeam(), history: this.history }, view.round);
          this.body.replaceChildren(this.play.el);
          if (view.practice) this.body.append(this.practicePanel(view, false));
        }
        this.play.setView(view);
        this.controls?.update(view);
        break;
      case "debrief":
        if (!this.part) {
          this.part = debriefView(this.reports, this.myTeam());
          this.body.replaceChildren(this.part.el);
          if (view.practice) this.body.append(this.practicePanel(view, true));
        }
        this.controls?.update(view);
        break;
      case "host":
      case "host-over":
        if (!this.projector) {
          this.projector = new Projector(view.code);
          this.controls = hostControls(this.net);
          const parts: HTMLElement[] = [this.projector.el];
          if (screen === "host-over") {
            this.part = debriefView(this.reports, null);
            parts.push(this.part.el);
            // A new projector has no live history: the round's report has every tick of it.
            const report = this.reports.find((r) => r.round === view.round.number);
            if (report) this.projector.loadHistory(report.round, report.series, report.teams.length);
          }
          this.body.replaceChildren(...parts, this.controls.el);
        }
        this.projector.update(view);
        this.controls?.update(view);
        break;
      case "ended":
        this.closed("session_ended");
        break;
    }
  }

  /** A practice room's player is also its host, with only the controls a player needs. */
  private practicePanel(view: ClassView, over: boolean): HTMLElement {
    this.controls = practiceControls(this.net, over);
    this.controls.update(view);
    return this.controls.el;
  }

  private drawStatus(view: ClassView): void {
    const parts: HTMLElement[] = [h("span", { class: "pill", style: { color: "#fff" }, testid: "phase", text: t(`phase.${view.phase}`) })];
    if (view.phase !== "lobby") {
      parts.push(h("span", { class: "big", testid: "clock", text: clock(view.round.startMinute + view.tick) }));
      const spike = spikeLine(view);
      if (spike !== null) parts.push(h("span", { testid: "spike-countdown", text: spike }));
    }
    const team = this.myTeam();
    if (team >= 0 && view.teams[team]) {
      const dc = datacenterOf(view, team);
      parts.push(h("span", { text: view.teams[team].name }));
      if (dc && view.phase !== "lobby") parts.push(h("span", { class: "big", testid: "status-cash", text: money(dc.cash) }));
    }
    parts.push(h("span", { class: "pill", style: { color: "#fff" }, testid: "room-code-small", text: view.code }));
    if (this.role === "host" && !view.practice) {
      this.quickBar ??= quickBar(this.net);
      this.quickBar.update(view);
      parts.push(this.quickBar.el);
    }
    this.status.replaceChildren(...parts);
  }

  private drawBanners(view: ClassView): void {
    const team = this.myTeam();
    const b = [...view.banners].reverse().find((x) => x.team === -1 || x.team === team || this.role === "host");
    if (!b || view.tick - b.tick > 15) return;
    const key = `${b.tick}:${b.kind}:${b.team}`;
    if (key === this.lastBanner) return;
    this.lastBanner = key;
    const text = b.kind === "spike" ? `${t("incident.spike")} — ${t("incident.desc-spike")}` : `${t(`incident.${b.kind}`)}${b.app ? ` · ${t(`app.${b.app}`)}` : ""}${b.hit ? ` · ${b.hit}` : ""}${b.cost ? ` · ${money(b.cost)}` : ""}`;
    this.setBanner(text, b.kind === "spike" ? "spike" : "");
    window.setTimeout(() => { if (this.lastBanner === key) this.setBanner("", ""); }, 15000);
  }
}
