import type * as Phaser from "phaser";
import type { Command } from "../../../shared/engine";
import { errorText, t } from "../i18n";
import { datacenterOf, serversOf, verdict } from "../model/datacenter";
import type { ClassView, ServerView } from "../model/types";
import { DatacenterScene } from "../scenes/DatacenterScene";
import { findInstance, type Box } from "../scenes/layout";
import { phaserParent } from "../scenes/mount";
import { rendererType, sceneGame } from "../scenes/renderer";
import { myTeam } from "../store/selectors";
import type { AppState } from "../store/state";
import { exposeForTests, TEST_HOOKS, withdrawFromTests } from "../testHooks";
import { renderCatalogue } from "../ui/catalogue";
import { commandPanel, type CommandPanel } from "../ui/commandPanel";
import { h } from "../ui/dom";
import { startDrag, type DragTarget } from "../ui/drag";
import { FailureDialog } from "../ui/failure";
import { renderFeed } from "../ui/feed";
import type { HostControls } from "../ui/host/run";
import { liveChart } from "../ui/play/liveChart";
import { renderAppsTable, renderKpis } from "../ui/play/numbers";
import { renderSelection } from "../ui/play/selection";
import { practiceControls } from "../ui/practice";
import { toast } from "../ui/toasts";
import { onChange, type Screen, type ScreenContext } from "./screen";

/**
 * The game, for a student: the datacenter canvas in the middle, the catalogue and command panel on
 * the left, the numbers, chart and team feed on the right.
 */
export class PlayScreen implements Screen {
  private scene!: DatacenterScene;
  private game!: Phaser.Game;
  private panel!: CommandPanel;
  private chart!: ReturnType<typeof liveChart>;
  private practice: HostControls | null = null;
  private readonly canvasWrap = h("div", { class: "canvas-wrap", testid: "datacenter-canvas" });
  /** Over the racks while the teacher has paused: the clock stopping is easy to miss. */
  private readonly pausedNote = h("div", { class: "paused-note", testid: "paused-note", role: "status", hidden: true, text: t("play.pausedNote") });
  private readonly kpis = h("div", { class: "kpis", testid: "kpis" });
  private readonly appsTable = h("table", { class: "apps-table", testid: "apps-table" });
  private readonly feedList = h("ul", { class: "feed", testid: "team-feed" });
  private readonly selection = h("section", { class: "panel", testid: "selection", hidden: true });
  private readonly portalWarning = h("button", { class: "danger", hidden: true, testid: "portal-warning", onclick: () => this.showFailure(), text: t("play.portalDown") });
  private view: ClassView | null = null;
  private team = -1;
  private servers: ServerView[] = [];
  private selectedId: string | null = null;
  private readonly failure = new FailureDialog();
  private readonly drawChart = onChange((s: AppState) => s.book.teams[myTeam(s)], (minutes) => this.chart.draw(minutes));

  constructor(private readonly ctx: ScreenContext) {}

  mount(root: HTMLElement): void {
    const view = this.ctx.store.get().view!;
    const round = view.round;
    this.canvasWrap.append(this.pausedNote);
    this.scene = new DatacenterScene({
      select: (box) => this.onSelect(box),
      dragVm: (vm, e) => startDrag({ type: "migrateVm", values: { vm } }, `${vm} →`, e, this.dragTarget()),
    });
    this.game = sceneGame(phaserParent(this.canvasWrap), this.scene, rendererType(location.search));
    this.panel = commandPanel(round, (c) => this.send(c));
    this.chart = liveChart(round);
    const catalogue = renderCatalogue(round, (entry, e) => startDrag(entry.item, entry.label, e, this.dragTarget()));
    const play = h("div", { class: "play", testid: "play-view" },
      h("div", { class: "side left" }, catalogue, this.panel.el),
      h("div", { class: "stack center", style: { minWidth: "0" } }, this.canvasWrap, this.portalWarning, this.selection),
      h("div", { class: "side right" },
        h("section", { class: "panel" }, this.kpis),
        h("section", { class: "panel" }, h("h3", { text: t("play.demand") }), this.appsTable, this.chart.chart.el),
        h("section", { class: "panel" }, h("h3", { text: t("play.feed") }), this.feedList)));
    // A practice room's player is also its host, with only the controls a player needs.
    this.practice = view.practice ? practiceControls(this.ctx.room, false) : null;
    root.replaceChildren(play, ...(this.practice ? [this.practice.el] : []));
    if (TEST_HOOKS) {
      exposeForTests({
        boxRect: (id: string) => this.scene.clientRectOf(id),
        servers: () => this.scene.layout.servers.map((s) => s.server.id),
        vms: () => this.scene.layout.servers.flatMap((s) => s.server.vms.map((vm) => ({ id: vm.id, server: s.server.id }))),
        instances: () => this.scene.layout.servers.reduce((n, s) => n + s.boxes.filter((b) => b.kind === "instance").length, 0),
      });
    }
  }

  update(s: AppState): void {
    const view = s.view;
    if (!view) return;
    this.view = view;
    this.team = myTeam(s);
    const dc = datacenterOf(view, this.team);
    const team = view.teams[this.team];
    this.servers = serversOf(dc);
    this.scene.setFrame({ servers: this.servers, tick: view.tick, startMinute: view.round.startMinute });
    this.panel.refresh(this.servers);
    renderKpis(this.kpis, team, dc);
    renderAppsTable(this.appsTable, view.round.apps, dc);
    this.drawChart(s);
    renderFeed(this.feedList, view.feeds?.find((f) => f.team === this.team)?.lines ?? [], view.round.startMinute);
    this.renderSelection();
    // Users turned away: the failure page is offered (a button), never forced on the player.
    const dropped = team?.dropped ?? 0;
    this.failure.update(dropped);
    this.portalWarning.hidden = dropped === 0;
    this.portalWarning.textContent = `${t("play.portalDown")} (${dropped}${t("play.perMin")}) — ${t("play.showFailure")}`;
    this.pausedNote.hidden = view.phase !== "paused";
    this.practice?.update(view);
  }

  destroy(): void {
    // The round is over (or the page is leaving): what the users saw closes with it.
    this.failure.close();
    this.chart.chart.destroy();
    this.game.destroy(true);
    if (TEST_HOOKS) withdrawFromTests("boxRect", "servers", "vms", "instances");
  }

  private async send(command: Command): Promise<{ ok: boolean; message?: string }> {
    const r = await this.ctx.room.command(command);
    if (r.ok) return { ok: true };
    const message = errorText(r.error);
    toast(message, "bad");
    return { ok: false, message };
  }

  private dragTarget(): DragTarget {
    return {
      over: (x, y) => {
        const r = this.canvasWrap.getBoundingClientRect();
        return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      },
      boxAt: (x, y) => this.scene.boxAtClient(x, y),
      highlight: (box, ok) => this.scene.setHighlight(box, ok),
      vmOfInstance: (id) => findInstance(this.servers, id)?.vm?.id ?? null,
      check: (c) => (this.view ? verdict(this.view, this.team, c) : null),
      send: (c) => void this.send(c),
      refuse: (reason) => toast(reason, "bad"),
      reveal: () => this.canvasWrap.scrollIntoView({ block: "nearest" }),
    };
  }

  private onSelect(box: Box | null): void {
    this.selectedId = box && (box.kind === "server" || box.kind === "vm" || box.kind === "instance") ? box.id : null;
    this.renderSelection();
  }

  private renderSelection(): void {
    const id = this.selectedId;
    const view = this.view;
    const shown = id !== null && view !== null && datacenterOf(view, this.team) !== undefined && renderSelection(this.selection, id, view, this.team, this.servers, {
      send: (c) => void this.send(c),
      openPanel: (action, values) => this.panel.focusOn(action, values),
    });
    this.selection.hidden = !shown;
    if (!shown && id !== null) {
      this.selectedId = null;
      this.scene.select(null);
    }
  }

  private showFailure(): void {
    this.failure.open(this.view?.teams[this.team]?.dropped ?? 0);
  }
}
