import * as Phaser from "phaser";
import { APPS, SERVER_MODELS, unlicensedWindows, serverFree, vmFree, type AppId, type Command } from "../../../shared/engine";
import { forecastDemand } from "../../../shared/engine/demand";
import { SCENARIOS, type ScenarioId } from "../../../shared/scenarios";
import { spikeEnd } from "../../../shared/scenarios/curve";
import { clock, errorText, money, t } from "../i18n";
import type { Network } from "../net/Network";
import { DatacenterScene } from "../scenes/DatacenterScene";
import { phaserParent } from "../scenes/mount";
import { findInstance, type Box } from "../scenes/layout";
import { datacenterOf, plainServers, toMatchState, toServer, verdict } from "../state/engine";
import { LiveHistory } from "../state/history";
import type { ClassView, DatacenterView, ServerView } from "../state/types";
import { renderCatalogue } from "./catalogue";
import { lineChart, type LineChart } from "./charts";
import { commandPanel, type CommandPanel } from "./commandPanel";
import { h, replace, throttleFrame } from "./dom";
import { startDrag, type DragItem } from "./drag";
import { droppedCell } from "./droppedCell";
import { failurePage, updateFailurePage } from "./failure";
import { renderFeed } from "./feed";
import { toast } from "./toasts";

export interface PlayContext {
  net: Network;
  team: () => number;
  history: LiveHistory;
}

/**
 * WebGL when the browser has a real GPU; plain canvas when its WebGL is a software rasterizer
 * (SwiftShader, llvmpipe), where compositing a WebGL canvas every frame costs more than drawing
 * one baked image in 2D. `?renderer=webgl|canvas` overrides, for measuring.
 */
function rendererType(): number {
  const forced = new URLSearchParams(location.search).get("renderer");
  if (forced === "canvas") return Phaser.CANVAS;
  if (forced === "webgl") return Phaser.WEBGL;
  try {
    const gl = document.createElement("canvas").getContext("webgl");
    const info = gl?.getExtension("WEBGL_debug_renderer_info");
    const name = info && gl ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "";
    if (!gl || /swiftshader|llvmpipe|software/i.test(name)) return Phaser.CANVAS;
  } catch {
    return Phaser.CANVAS;
  }
  return Phaser.WEBGL;
}

/** Minutes from now until the forecast spike (null when there is none or it has begun). */
function spikeCountdown(view: ClassView): number | null {
  const scn = SCENARIOS[view.round.scenario as ScenarioId];
  if (!scn?.spike) return null;
  const left = scn.spike.start - view.tick;
  return left > 0 ? left : null;
}

/** What the clock says about the forecast spike: the countdown, "under way", or nothing once it is over. */
export function spikeLine(view: ClassView): string | null {
  const scn = SCENARIOS[view.round.scenario as ScenarioId];
  if (!scn?.spike || view.phase === "over" || view.phase === "lobby") return null;
  const left = spikeCountdown(view);
  if (left !== null) return t("play.spikeIn", { n: left });
  return view.tick < spikeEnd(scn.spike, scn.spike.start) ? t("play.spikeNow") : null;
}

/**
 * The game, for a student: the datacenter canvas in the middle, the catalogue and command panel on
 * the left, the numbers, chart and team feed on the right.
 */
export class PlayView {
  readonly el: HTMLElement;
  private readonly scene: DatacenterScene;
  private readonly game: Phaser.Game;
  private readonly canvasWrap: HTMLElement;
  /** Over the racks while the teacher has paused: the clock stopping is easy to miss. */
  private readonly pausedNote = h("div", { class: "paused-note", testid: "paused-note", role: "status", hidden: true, text: t("play.pausedNote") });
  private readonly kpis = h("div", { class: "kpis", testid: "kpis" });
  private readonly appsTable = h("table", { class: "apps-table", testid: "apps-table" });
  private readonly feedList = h("ul", { class: "feed", testid: "team-feed" });
  private readonly selection = h("section", { class: "panel", testid: "selection", hidden: true });
  private readonly chart: LineChart;
  private readonly panel: CommandPanel;
  private readonly portalWarning: HTMLElement;
  private view: ClassView | null = null;
  /** This tick's servers as plain objects (computed once per render). */
  private servers: ServerView[] = [];
  private selectedId: string | null = null;
  private failureShown = false;
  readonly update: () => void;

  constructor(private readonly ctx: PlayContext, private readonly round: ClassView["round"]) {
    this.canvasWrap = h("div", { class: "canvas-wrap", testid: "datacenter-canvas" });
    this.canvasWrap.append(this.pausedNote);
    this.scene = new DatacenterScene({
      select: (box) => this.onSelect(box),
      dragVm: (vm, e) => startDrag({ kind: "migrate", vm }, `${vm} →`, e, this.dragTarget()),
    });
    this.game = new Phaser.Game({
      type: rendererType(), parent: phaserParent(this.canvasWrap), backgroundColor: "#1b2129", banner: false,
      scale: { mode: Phaser.Scale.RESIZE, width: "100%", height: "100%" },
      render: { antialias: true }, scene: this.scene,
    });
    this.panel = commandPanel(round, (c) => this.send(c));
    this.chart = lineChart([
      { label: t("play.demand"), color: "#111418", width: 2 },
      { label: t("play.capacity"), color: "#009e73", width: 2, dash: [6, 4] },
      { label: t("play.served"), color: "#0072b2", width: 2 },
      { label: t("play.dropped"), color: "#d55e00", width: 2, fill: "rgba(213,94,0,0.15)" },
      { label: t("briefing.forecast"), color: "#999", width: 1, dash: [2, 4] },
    ], () => this.round.startMinute, 190);
    this.portalWarning = h("button", {
      class: "danger", hidden: true, testid: "portal-warning",
      onclick: () => this.showFailure(), text: t("play.portalDown"),
    });
    const catalogue = renderCatalogue(round, (entry, e) => startDrag(entry.item as DragItem, entry.label, e, this.dragTarget()));
    this.el = h("div", { class: "play", testid: "play-view" },
      h("div", { class: "side left" }, catalogue, this.panel.el),
      h("div", { class: "stack center", style: { minWidth: "0" } }, this.canvasWrap, this.portalWarning, this.selection),
      h("div", { class: "side right" },
        h("section", { class: "panel" }, this.kpis),
        h("section", { class: "panel" }, h("h3", { text: t("play.demand") }), this.appsTable, this.chart.el),
        h("section", { class: "panel" }, h("h3", { text: t("play.feed") }), this.feedList)));
    this.update = throttleFrame(() => this.render());
    (window as unknown as { __spikeday?: unknown }).__spikeday = {
      boxRect: (id: string) => this.scene.clientRectOf(id),
      servers: () => this.scene.layout.servers.map((s) => s.server.id),
      vms: () => this.scene.layout.servers.flatMap((s) => s.server.vms.map((vm) => ({ id: vm.id, server: s.server.id }))),
      instances: () => this.scene.layout.servers.reduce((n, s) => n + s.boxes.filter((b) => b.kind === "instance").length, 0),
    };
  }

  setView(view: ClassView): void {
    this.view = view;
    this.update();
  }

  destroy(): void {
    this.chart.destroy();
    this.game.destroy(true);
    delete (window as unknown as { __spikeday?: unknown }).__spikeday;
  }

  private dc(): DatacenterView | undefined {
    return this.view ? datacenterOf(this.view, this.ctx.team()) : undefined;
  }

  private async send(command: Command): Promise<{ ok: boolean; message?: string }> {
    const r = await this.ctx.net.command(command);
    if (r.ok) return { ok: true };
    const message = errorText(r.error);
    toast(message, "bad");
    return { ok: false, message };
  }

  private dragTarget() {
    return {
      over: (x: number, y: number) => {
        const r = this.canvasWrap.getBoundingClientRect();
        return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      },
      boxAt: (x: number, y: number) => this.scene.boxAtClient(x, y),
      highlight: (box: Box | null, ok: boolean) => this.scene.setHighlight(box, ok),
      vmOfInstance: (id: string) => findInstance(this.servers, id)?.vm?.id ?? null,
      check: (c: Command) => (this.view ? verdict(this.view, this.ctx.team(), c) : null),
      send: (c: Command) => void this.send(c),
      refuse: (reason: string) => toast(reason, "bad"),
      reveal: () => this.canvasWrap.scrollIntoView({ block: "nearest" }),
    };
  }

  private render(): void {
    const view = this.view;
    if (!view) return;
    const dc = this.dc();
    const servers = plainServers(dc);
    this.servers = servers;
    this.scene.setFrame({ servers, tick: view.tick, startMinute: view.round.startMinute });
    this.panel.refresh(servers);
    this.renderKpis(view, dc);
    this.renderApps(view, dc);
    this.renderChart(view);
    renderFeed(this.feedList, dc?.feed ?? [], view.round.startMinute);
    this.renderSelection(view, dc);
    this.renderPortal(dc);
    this.pausedNote.hidden = view.phase !== "paused";
  }

  private renderKpis(view: ClassView, dc: DatacenterView | undefined): void {
    const team = view.teams[this.ctx.team()];
    let served = 0;
    let dropped = 0;
    for (const a of view.round.apps) {
      if (APPS[a as AppId].role !== "frontend") continue;
      const tr = dc?.traffic.get(a);
      served += tr?.served ?? 0;
      dropped += tr?.dropped ?? 0;
    }
    const pct = (a: number, b: number) => (b > 0 ? Math.round((a * 100) / b) : 0);
    const kpi = (label: string, value: string, testid: string, bad = false) => h("div", { class: `kpi${bad ? " bad" : ""}`, testid }, label, h("b", { text: value }));
    this.kpis.replaceChildren(
      kpi(t("play.cash"), money(dc?.cash ?? team?.cash ?? 0), "kpi-cash", (dc?.cash ?? 0) < 0),
      kpi(t("play.score"), money(team?.score ?? 0), "kpi-score"),
      kpi(`${t("play.served")}${t("play.perMin")}`, String(served), "kpi-served"),
      kpi(`${t("play.dropped")}${t("play.perMin")}`, String(dropped), "kpi-dropped", dropped > 0),
      kpi(t("play.utilization"), `${pct(dc?.usefulCpu ?? 0, dc?.capacityCpu ?? 0)}%`, "kpi-util"),
      kpi(t("play.occupancy"), `${pct(dc?.reservedCpu ?? 0, dc?.capacityCpu ?? 0)}%`, "kpi-occ"),
      kpi(t("play.osTax"), t("play.cores", { n: ((dc?.osTaxCpu ?? 0) / 1000).toFixed(1) }), "kpi-ostax"),
    );
  }

  private renderApps(view: ClassView, dc: DatacenterView | undefined): void {
    const rows = view.round.apps.map((a) => {
      const tr = dc?.traffic.get(a);
      const short = (tr?.capacity ?? 0) < (tr?.demand ?? 0);
      return h("tr", { testid: `app-row-${a}` },
        h("td", { text: t(`app.${a}`) }),
        h("td", { text: String(tr?.demand ?? 0) }),
        h("td", { class: short ? "short" : "", text: String(tr?.capacity ?? 0) }),
        droppedCell(a as AppId, tr));
    });
    this.appsTable.replaceChildren(
      h("thead", {}, h("tr", {}, h("th", { text: "" }), h("th", { text: t("play.demand") }), h("th", { text: t("play.capacity") }), h("th", { text: t("play.dropped") }))),
      h("tbody", {}, rows));
  }

  private renderChart(view: ClassView): void {
    const hist = this.ctx.history;
    hist.push(view.round.number, view.tick, this.dc());
    const front = view.round.apps.filter((a) => APPS[a as AppId].role === "frontend") as AppId[];
    const sum = (rec: Record<AppId, number[]>, i: number) => front.reduce((s, a) => s + (rec[a][i] ?? 0), 0);
    const scn = SCENARIOS[view.round.scenario as ScenarioId];
    const xs: number[] = [];
    for (let i = 0; i < view.round.ticks; i++) xs.push(i);
    const n = hist.ticks.length;
    const at = (i: number, f: (k: number) => number) => (i < n ? f(i) : null);
    this.chart.set(xs, [
      xs.map((i) => at(i, (k) => sum(hist.demand, k))),
      xs.map((i) => at(i, (k) => sum(hist.capacity, k))),
      xs.map((i) => at(i, (k) => hist.served[k])),
      xs.map((i) => at(i, (k) => hist.dropped[k])),
      xs.map((i) => (scn ? front.reduce((s, a) => s + forecastDemand(scn, view.round.trafficPct, a, i), 0) : null)),
    ]);
  }

  private onSelect(box: Box | null): void {
    this.selectedId = box && (box.kind === "server" || box.kind === "vm" || box.kind === "instance") ? box.id : null;
    this.update();
  }

  private renderSelection(view: ClassView, dc: DatacenterView | undefined): void {
    const id = this.selectedId;
    const el = this.selection;
    if (!id || !dc) {
      el.hidden = true;
      return;
    }
    const servers = this.servers;
    const server = servers.find((s) => s.id === id);
    const vmHit = servers.flatMap((s) => s.vms.map((v) => ({ v, s }))).find((x) => x.v.id === id);
    const inst = findInstance(servers, id);
    const state = toMatchState(view, this.ctx.team());
    const team = state.teams[this.ctx.team()];
    const button = (label: string, testid: string, cmd: Command) => h("button", { testid, onclick: () => void this.send(cmd), text: label });
    const panelBtn = (label: string, testid: string, action: Command["type"], values: Record<string, string>) =>
      h("button", { testid, onclick: () => this.panel.focusOn(action, values), text: label });
    el.hidden = false;
    if (server) {
      const engineServer = team.servers.find((s) => s.id === id) ?? toServer(server);
      const free = serverFree(team, engineServer);
      const lic = [server.standard ? `${t("edition.standard")} ×${server.standard}` : "", server.datacenter ? t("edition.datacenter") : "", server.essentials ? `${t("edition.essentials")} ×${server.essentials}` : ""].filter(Boolean).join(", ");
      const unlicensed = unlicensedWindows(engineServer);
      replace(el, 
        h("h3", { text: `${server.id} · ${t(`model.${server.model}`)}` }),
        h("p", { text: `${server.layer ? t(`layer.${server.layer}`) : t("layer.none")} · ${t("play.free", { cpu: (free.cpu / 1000).toFixed(1), mem: (free.mem / 1024).toFixed(1) })}` }),
        // Licences only matter where Windows can run: say nothing of them on a Linux box that has none.
        h("p", { class: "muted", text: `${t("play.cores", { n: SERVER_MODELS[server.model as keyof typeof SERVER_MODELS].cpu / 1000 })}${lic ? ` · ${t("play.licences", { list: lic })}` : ""}` }),
        unlicensed > 0 ? h("p", { class: "short", style: { color: "var(--bad)" }, text: t("play.unlicensed", { n: unlicensed }) }) : null,
        h("div", { class: "row" },
          panelBtn(t("action.installLayer"), "sel-install", "installLayer", { server: id }),
          panelBtn(t("action.deploy"), "sel-deploy", "deploy", { target: id }),
          panelBtn(t("action.createVm"), "sel-createvm", "createVm", { server: id }),
          button(t("action.sellServer"), "sel-sell", { type: "sellServer", server: id })));
    } else if (vmHit) {
      const { v, s } = vmHit;
      const engineServer = team.servers.find((x) => x.id === s.id);
      const engineVm = engineServer?.vms.find((x) => x.id === v.id);
      const free = engineServer && engineVm ? vmFree(engineVm, engineServer) : null;
      replace(el, 
        h("h3", { text: `${v.id} · ${t(`os.${v.os}`)} · ${t(`mode.${v.mode}`)}` }),
        h("p", { text: `${v.vcpus} vCPU · ${(v.mem / 1024).toFixed(1)} GiB${free ? ` · ${t("play.free", { cpu: (free.cpu / 1000).toFixed(1), mem: (free.mem / 1024).toFixed(1) })}` : ""}` }),
        view.tick < v.readyAt ? h("p", { class: "muted", text: `${t("play.booting")} → ${clock(view.round.startMinute + v.readyAt)}` }) : null,
        h("div", { class: "row" },
          panelBtn(t("action.deploy"), "sel-deploy", "deploy", { target: id }),
          panelBtn(t("action.migrateVm"), "sel-migrate", "migrateVm", { vm: id }),
          button(t("action.deleteVm"), "sel-deletevm", { type: "deleteVm", vm: id })));
    } else if (inst) {
      const i = inst.instance;
      const status = view.tick < i.readyAt ? t(i.container ? "play.pulling" : "play.booting") : view.tick < i.downUntil ? t("play.down", { time: clock(view.round.startMinute + i.downUntil) }) : t("play.load", { pct: i.load });
      replace(el, 
        h("h3", { text: `${i.id} · ${t(`app.${i.app}`)}` }),
        h("p", { text: `${t(i.container ? "play.container" : "play.process")} · ${i.cpu} m · ${i.mem} MiB${i.memLimited ? ` (${t("play.memLimited")})` : ""} · ${status}` }),
        h("div", { class: "row" }, button(t("action.remove"), "sel-remove", { type: "remove", instance: id })));
    } else {
      el.hidden = true;
      this.selectedId = null;
      this.scene.select(null);
    }
  }

  private renderPortal(dc: DatacenterView | undefined): void {
    let dropped = 0;
    let demand = 0;
    for (const [a, tr] of dc?.traffic ?? []) {
      if (APPS[a as AppId]?.role !== "frontend") continue;
      dropped += tr.dropped;
      demand += tr.demand;
    }
    updateFailurePage(dropped);
    this.portalWarning.hidden = dropped === 0;
    this.portalWarning.textContent = `${t("play.portalDown")} (${dropped}${t("play.perMin")}) — ${t("play.showFailure")}`;
    // The first time users are really turned away once the day is under way (not in the first
    // minutes, when nothing is deployed yet), show what they see.
    const view = this.view;
    const scn = view ? SCENARIOS[view.round.scenario as ScenarioId] : undefined;
    const underWay = view !== null && view.tick >= (scn?.spike ? scn.spike.start - 15 : 30);
    if (!this.failureShown && underWay && demand > 0 && dropped * 10 > demand) this.showFailure();
  }

  private showFailure(): void {
    this.failureShown = true;
    const dc = this.dc();
    let dropped = 0;
    for (const [a, tr] of dc?.traffic ?? []) if (APPS[a as AppId]?.role === "frontend") dropped += tr.dropped;
    failurePage(dropped);
  }
}
