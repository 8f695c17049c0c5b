import type * as Phaser from "phaser";
import { APPS } from "../../../shared/engine/data";
import type { MatchLogFile } from "../../../shared/log/format";
import { LOG_MAX_BYTES, parseLog } from "../../../shared/log/parse";
import type { Replayer, Marker } from "../../../shared/log/replay";
import { verifyLog, type LogProblem } from "../../../shared/log/verify";
import { ENGINE_VERSION, stateHash } from "../../../shared/engine";
import { roomFromMatch } from "../../../shared/view/replay";
import { clock, money, t } from "../i18n";
import { serversOf } from "../model/datacenter";
import { toPlain } from "../model/plain";
import type { ClassView } from "../model/types";
import type { Api } from "../net/api";
import { DatacenterScene } from "../scenes/DatacenterScene";
import { phaserParent } from "../scenes/mount";
import { sceneGame } from "../scenes/renderer";
import { bookFromSeries } from "../store/series";
import { exposeForTests, TEST_HOOKS } from "../testHooks";
import { debriefView } from "../ui/debrief";
import { whatIfPanel, type WhatIfPanel } from "../ui/debrief/whatIf";
import type { RoundReport } from "../../../shared/debrief/report";
import { h, option } from "../ui/dom";
import { droppedCell } from "../ui/droppedCell";
import { Projector } from "../ui/host/projector";
import { copyLinkButton } from "../ui/copyLink";
import { topbar } from "../ui/topbar";
import type { Screen, ScreenContext } from "./screen";

const SPEEDS = [1, 2, 4, 8, 16, 32];

/** Where a replay's log comes from: a stored round (the teacher's secret or a share id), or a file. */
export interface ReplaySource {
  round?: string;
  share?: string;
  session?: string;
}

async function fetchLog(api: Api, src: ReplaySource): Promise<{ log?: MatchLogFile; error?: string }> {
  const got = await api.roundLog(src.round!, { share: src.share, session: src.session });
  if (!got.ok) return { error: got.reason === "no_access" ? t("replay.noAccess") : got.reason === "not_found" ? t("replay.notFound") : t("errors.connection_failed") };
  const parsed = parseLog(got.text);
  return parsed.ok ? { log: parsed.log } : { error: t(`replay.${parsed.error.code}`, parsed.error.params) };
}

/** The replay viewer: the projector (or any team's datacenter) re-simulated from a match log in the browser. */
export class ReplayPage {
  private replayer: Replayer | null = null;
  private timer: number | null = null;
  private speed = 4;
  private viewTeam = -1;
  private projector: Projector | null = null;
  private teamGame: { game: Phaser.Game; scene: DatacenterScene } | null = null;
  private readonly main = h("div", { testid: "replay-main" });
  private readonly clockEl = h("span", { class: "big", testid: "replay-clock" });
  private readonly slider = h("input", { type: "range", min: "0", max: "0", value: "0", step: "1", testid: "replay-slider", style: { width: "100%" }, "aria-label": t("a11y.replaySlider") });
  private readonly markersEl = h("div", { testid: "replay-markers", class: "replay-markers", role: "group", "aria-label": t("a11y.replayMarkers") });
  private readonly endNote = h("strong", { testid: "replay-end", hidden: true, text: t("a11y.replayEnd") });
  private readonly playBtn = h("button", { class: "primary", testid: "replay-play", text: t("replay.play") });
  private readonly seekInfo = h("small", { class: "muted", testid: "replay-seek" });
  private readonly teamPanel = h("div", { class: "panel", testid: "replay-team-panel" });
  private debrief: { el: HTMLElement; destroy(): void } | null = null;
  private report: RoundReport | null = null;
  private whatIf: WhatIfPanel | null = null;
  private readonly whatIfBox = h("div", { testid: "replay-whatif-box" });

  constructor(private readonly root: HTMLElement, private readonly source: ReplaySource, private readonly api: Api) {}

  async mount(): Promise<void> {
    this.root.replaceChildren(topbar(), h("main", { class: "page stack", testid: "replay-view" }, h("h1", { text: t("replay.title") }), this.uploadForm()));
    if (!this.source.round) return;
    this.message(t("common.loading"));
    const got = await fetchLog(this.api, this.source);
    if (got.error || !got.log) return this.message(got.error ?? "", true);
    this.open(got.log);
  }

  private message(text: string, bad = false): void {
    const page = this.root.querySelector("[data-testid=replay-view]")!;
    page.querySelector("[data-testid=replay-message]")?.remove();
    page.append(h("p", { testid: "replay-message", role: "alert", style: { color: bad ? "var(--bad)" : "inherit", fontSize: "1.1rem" }, text }));
  }

  private uploadForm(): HTMLElement {
    const input = h("input", { type: "file", accept: ".json,application/json", testid: "replay-file" });
    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      if (!file) return;
      if (file.size > LOG_MAX_BYTES) return this.message(t("replay.log_too_large", { max: Math.round(LOG_MAX_BYTES / 1e6) }), true);
      const parsed = parseLog(await file.text());
      if (!parsed.ok) return this.message(t(`replay.${parsed.error.code}`, { ...parsed.error.params, max: Math.round(LOG_MAX_BYTES / 1e6) }), true);
      this.open(parsed.log);
    });
    return h("section", { class: "panel row" }, h("label", {}, t("replay.upload"), input));
  }

  /** Verifies the whole log (every hash), then shows it from the first minute. */
  private open(log: MatchLogFile): void {
    this.destroyViews();
    // Another engine's log replays into a different match: say so instead of showing a wrong one.
    if (log.header.engineVersion !== ENGINE_VERSION) {
      return this.message(t("replay.log_engine_version", { log: log.header.engineVersion, engine: ENGINE_VERSION }), true);
    }
    const t0 = performance.now();
    // The same checks as `replay verify`: a log with its checkpoints stripped, its final hash moved
    // past the scenario's end or its results edited is not "checked" just because nothing disagreed.
    const { replayer, problems } = verifyLog(log, { partial: !log.final });
    const verifyMs = performance.now() - t0;
    this.replayer = replayer;
    this.report = replayer.report();
    const h0 = log.header;
    const checkpoints = log.entries.filter((e) => e.type === "hash").length + (log.final ? 1 : 0);
    const d = replayer.divergence;
    const problem = problems.find((p) => p.code !== "diverged");
    const verdict = d
      ? h("div", { class: "banner", testid: "replay-verdict", text: t("replay.diverged", { tick: d.tick, time: clock(replayer.state.world.startMinute + d.tick), since: d.since }) })
      : problem
        ? h("div", { class: "banner", testid: "replay-verdict", text: unproven(problem, h0.settings.teams) })
        : h("div", { class: "banner info", testid: "replay-verdict", text: log.final ? t("replay.verified", { n: checkpoints }) : t("replay.verifiedPartial", { n: checkpoints, tick: replayer.state.tick }) });
    const warnings = replayer.warnings.map((w) => h("div", { class: "banner spike", testid: `replay-warning-${w.code}`, text: t(`replay.${w.code}`, w.params) }));
    // The hash this browser's engine reached at the end (compare with the live server's).
    const finalHash = h("code", { testid: "replay-hash", text: stateHash(replayer.state) });
    this.slider.max = String(replayer.endTick);
    this.slider.addEventListener("input", () => this.seek(Number(this.slider.value)));
    this.playBtn.addEventListener("click", () => (this.timer === null ? this.play() : this.pause()));
    const speed = h("select", { testid: "replay-speed", "aria-label": t("replay.speed"), onchange: (e: Event) => { this.speed = Number((e.target as HTMLSelectElement).value); if (this.timer !== null) this.play(); } },
      SPEEDS.map((s) => option(String(s), `${s}×`, s === this.speed)));
    const viewSel = h("select", { testid: "replay-view-select", "aria-label": t("replay.view"), onchange: (e: Event) => this.setView(Number((e.target as HTMLSelectElement).value)) },
      option("-1", t("host.projector"), true), h0.settings.teams.map((name, i) => option(String(i), name)));
    const debriefBtn = h("button", { testid: "replay-debrief", text: t("replay.debrief"), onclick: () => this.showDebrief() });
    const download = h("button", {
      testid: "replay-download", text: t("replay.download"),
      onclick: () => {
        const a = h("a", { href: URL.createObjectURL(new Blob([JSON.stringify(log)], { type: "application/json" })), download: `spikeday-${h0.room}-round${h0.round}.json` });
        a.click();
      },
    });
    const copy = this.source.round ? copyLinkButton(location.href) : null;
    const page = this.root.querySelector("[data-testid=replay-view]")!;
    // The match first and full width; what only a developer or a doubting teacher needs is folded below.
    page.classList.replace("page", "replay-page");
    page.replaceChildren(
      h("h1", { text: `${t("replay.title")} · ${t(`scenario.${h0.scenario}`)} · ${t("debrief.round")} ${h0.round}` }),
      ...(d ? [verdict] : []), ...warnings,
      h("section", { class: "panel stack", testid: "replay-controls", "aria-label": t("a11y.replayControls") },
        h("div", { class: "row" }, this.playBtn, speed, viewSel, this.clockEl, this.endNote, debriefBtn, copy),
        this.markersEl, this.slider,
        h("div", { class: "row replay-legend" },
          h("span", {}, h("span", { class: "mark-spike", "aria-hidden": "true", text: "▲" }), ` ${t("replay.markSpike")}`),
          h("span", {}, h("span", { class: "mark-incident", "aria-hidden": "true", text: "◆" }), ` ${t("replay.markIncident")}`),
          h("span", {}, h("span", { class: "mark-decision", "aria-hidden": "true", text: "●" }), ` ${t("replay.markDecision")}`))),
      this.main,
      // What-if (the debrief's overlay): after the match, before the technical details.
      this.whatIfSection(),
      h("details", { class: "panel replay-tech", testid: "replay-tech" },
        h("summary", { text: t("a11y.replayTech") }),
        h("p", { class: "muted", text: t("replay.meta", { room: h0.room, date: h0.startedAt.slice(0, 16).replace("T", " "), ticks: replayer.endTick, ms: Math.round(verifyMs) }) }),
        ...(d ? [] : [verdict]),
        h("p", { class: "muted" }, `${t("replay.finalHash")} `, finalHash),
        h("p", {}, this.seekInfo),
        h("div", { class: "row" }, download),
        this.uploadForm()));
    this.drawMarkers();
    this.setView(-1);
    this.seek(0);
  }

  /**
   * What if: a team's round up to a minute, then a reference strategy; its curves over the team's
   * own. The match at the handover comes from the replayer's snapshots (the slider's minute by default).
   */
  private whatIfSection(): HTMLElement {
    const report = this.report!;
    const teamSel = h("select", { testid: "replay-whatif-team", "aria-label": t("common.team") },
      report.teams.map((name, i) => option(String(i), name, i === 0)));
    const open = () => {
      this.whatIf?.destroy();
      const r = this.replayer!;
      this.whatIf = whatIfPanel(report, Number(teamSel.value), {
        autorun: true,
        heading: false,
        start: (from) => {
          const at = r.tick;
          r.seek(from);
          const state = r.state;
          r.seek(at);
          return state;
        },
      });
      this.whatIfBox.replaceChildren(this.whatIf.el);
    };
    teamSel.addEventListener("change", open);
    const button = h("button", { testid: "replay-whatif", text: t("debrief.whatIf"), onclick: open });
    return h("section", { class: "panel stack", testid: "replay-whatif-section" },
      h("h2", { text: t("debrief.whatIf") }), h("div", { class: "row" }, teamSel, button), this.whatIfBox);
  }

  private drawMarkers(): void {
    const r = this.replayer!;
    const end = Math.max(1, r.endTick);
    const glyph = (m: Marker) => (m.kind === "spike" ? "▲" : m.kind === "incident" ? "◆" : "●");
    const shown = r.markers.filter((m) => m.kind !== "decision" || this.viewTeam < 0 || m.team === this.viewTeam);
    this.markersEl.replaceChildren(...shown.map((m) => {
      // Told apart by shape and by name, not by colour alone; named in the page's language.
      const what = m.kind === "decision" ? t(`action.${m.label}`) : m.kind === "spike" ? t("replay.markSpike") : t(`incident.${m.label}`);
      const label = `${clock(r.state.world.startMinute + m.tick)} · ${m.team >= 0 ? `${r.log.header.settings.teams[m.team]} · ` : ""}${what}`;
      return h("button", {
        type: "button", class: `marker mark-${m.kind}`, title: label, "aria-label": label, testid: `marker-${m.kind}`, text: glyph(m),
        // Dozens share one line, so each cannot be 44 px wide: the slider (44 px) seeks to the same minutes (WCAG 2.5.5, "equivalent").
        "data-equivalent": "replay-slider",
        style: { left: `calc(${(m.tick / end) * 100}% - 0.5em)`, top: m.kind === "decision" ? "14px" : "0" },
        onclick: () => this.seek(m.tick),
      });
    }));
  }

  private play(): void {
    this.pause();
    // At the end, Play starts the round over.
    if (this.replayer!.done) this.seek(0);
    this.playBtn.textContent = t("replay.pause");
    this.timer = window.setInterval(() => {
      const r = this.replayer!;
      if (r.done) return this.pause();
      r.step();
      this.render();
      if (r.done) this.pause();
    }, 1000 / this.speed);
  }

  /** Stops playing; at the end the button offers to play it again and the end state stays on screen. */
  private pause(): void {
    if (this.timer !== null) window.clearInterval(this.timer);
    this.timer = null;
    const done = this.replayer?.done ?? false;
    this.playBtn.textContent = t(done ? "a11y.replayAgain" : "replay.play");
    this.endNote.hidden = !done;
  }

  /** Jumps to a tick: the nearest snapshot, then at most a few ticks re-simulated. */
  seek(tick: number): void {
    const r = this.replayer!;
    const t0 = performance.now();
    r.seek(tick);
    this.render();
    const ms = performance.now() - t0;
    this.seekInfo.textContent = t("replay.seekMs", { ms: ms.toFixed(1) });
    if (TEST_HOOKS) exposeForTests({ lastSeekMs: ms, replayTick: r.tick });
  }

  private view(): ClassView {
    const r = this.replayer!;
    const h0 = r.log.header;
    return toPlain(roomFromMatch(r.state, { room: h0.room, round: h0.round, roster: h0.roster, bots: h0.bots, over: r.done }));
  }

  private render(): void {
    const r = this.replayer!;
    const view = this.view();
    this.slider.value = String(r.tick);
    this.clockEl.textContent = clock(view.round.startMinute + r.tick);
    this.slider.setAttribute("aria-valuetext", this.clockEl.textContent);
    if (this.timer === null) this.pause();
    if (this.projector) this.projector.update(view, bookFromSeries(view.round.number, r.series, { upTo: r.tick }));
    if (this.teamGame) {
      const dc = view.datacenters[this.viewTeam];
      this.teamGame.scene.setFrame({ servers: serversOf(dc), tick: r.tick, startMinute: view.round.startMinute });
      const team = view.teams[this.viewTeam];
      const rows = view.round.apps.filter((a) => APPS[a].role !== "batch").map((a) => {
        const tr = dc.traffic[a];
        return h("tr", {}, h("td", { text: t(`app.${a}`) }), h("td", { text: String(tr?.demand ?? 0) }), h("td", { text: String(tr?.capacity ?? 0) }), droppedCell(a, tr));
      });
      this.teamPanel.replaceChildren(
        h("h2", { text: `${team.name} · ${money(team.score)}` }),
        h("p", { text: `${t("play.cash")} ${money(dc.cash)} · ${t("debrief.availability")} ${(team.availability / 100).toFixed(1)}% · ${t("play.osTax")} ${t("play.cores", { n: (dc.osTaxCpu / 1000).toFixed(1) })}` }),
        h("table", { class: "apps-table" }, h("thead", {}, h("tr", {}, h("th"), h("th", { text: t("play.demand") }), h("th", { text: t("play.capacity") }), h("th", { text: t("play.dropped") }))), h("tbody", {}, rows)));
    }
  }

  private setView(team: number): void {
    this.viewTeam = team;
    this.destroyViews();
    if (team < 0) {
      this.projector = new Projector();
      this.main.replaceChildren(this.projector.el);
    } else {
      const wrap = h("div", { style: { height: "60vh", minHeight: "320px", background: "#1b2129", borderRadius: "var(--radius)", overflow: "hidden" }, testid: "replay-canvas" });
      const scene = new DatacenterScene({ select: () => {}, dragVm: () => {} });
      const game = sceneGame(phaserParent(wrap), scene);
      this.teamGame = { game, scene };
      this.main.replaceChildren(h("div", { class: "stack" }, wrap, this.teamPanel));
    }
    if (this.replayer) {
      this.drawMarkers();
      this.render();
    }
  }

  private showDebrief(): void {
    this.debrief?.destroy();
    this.debrief?.el.remove();
    const t0 = performance.now();
    this.debrief = debriefView([this.report!], null);
    this.root.querySelector("[data-testid=replay-view]")!.append(this.debrief.el);
    // Built, laid out and its charts drawn: the time to the next frame.
    if (TEST_HOOKS) requestAnimationFrame(() => exposeForTests({ lastDebriefMs: performance.now() - t0 }));
  }

  private destroyViews(): void {
    this.projector?.destroy();
    this.projector = null;
    this.teamGame?.game.destroy(true);
    this.teamGame = null;
  }

  destroy(): void {
    this.pause();
    this.destroyViews();
    this.debrief?.destroy();
    this.whatIf?.destroy();
  }
}

/** /replay and /replay/ROUND: a stored round (the teacher's secret or a share link), or an uploaded log. */
export function replayScreen(ctx: ScreenContext): Screen {
  let page: ReplayPage | null = null;
  return {
    mount(root) {
      const r = ctx.store.get().route;
      const source = r.name === "replay" ? { round: r.round || undefined, share: r.share, session: r.session } : {};
      page = new ReplayPage(root, source, ctx.api);
      void page.mount();
    },
    update: () => {},
    destroy: () => page?.destroy(),
  };
}

/** Why a log that replays without disagreeing still proves nothing, in the reader's words. */
function unproven(p: Exclude<LogProblem, { code: "diverged" }>, teams: readonly string[]): string {
  switch (p.code) {
    case "final_missing":
    case "no_checkpoints":
      return t("replay.unproven_nothing");
    case "final_tick_beyond_scenario":
    case "final_tick_not_end":
      return t("replay.unproven_final", { tick: p.tick, ticks: p.ticks });
    case "entries_after_final":
      return t("replay.unproven_after", { tick: p.tick, final: p.final });
    case "checkpoints_missing":
      return t("replay.unproven_checkpoints", { count: p.ticks.length, first: p.ticks[0] });
    case "results_mismatch":
      return t("replay.unproven_results", { team: teams[p.team] ?? p.team, field: p.field, logged: p.logged, replayed: p.replayed });
    case "engine_version":
      return t("replay.log_engine_version", { log: p.log, engine: p.engine });
  }
}
