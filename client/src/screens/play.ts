import type { Command } from "../../../shared/engine";
import { errorText, t } from "../i18n";
import { datacenterOf, serversOf, toMatchState, verdict } from "../model/datacenter";
import type { ClassView, ServerView } from "../model/types";
import { findInstance, type Box } from "../scenes/layout";
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
import { datacenterList, listNodes, type DatacenterList } from "../ui/play/datacenterList";
import { liveChart } from "../ui/play/liveChart";
import { renderAppsTable, renderKpis } from "../ui/play/numbers";
import { Racks } from "../ui/play/racks";
import { renderSelection } from "../ui/play/selection";
import { practiceControls } from "../ui/practice";
import { stopSentence } from "../ui/speech/clock";
import { playerStop } from "../ui/speech/room";
import { toast } from "../ui/toasts";
import { onChange, type Screen, type ScreenContext } from "./screen";

/**
 * The game, for a student: the racks and, beside them, the same datacenter as a list to read and
 * act on by keyboard; the catalogue and command panel on the left (on a phone the catalogue sits
 * above the racks); the numbers, chart and team feed on the right.
 */
export class PlayScreen implements Screen {
  private racks!: Racks;
  private panel!: CommandPanel;
  private list!: DatacenterList;
  private chart!: ReturnType<typeof liveChart>;
  private practice: HostControls | null = null;
  private readonly heading = h("h1", { class: "sr-only", testid: "play-title" });
  private readonly kpis = h("div", { class: "kpis", testid: "kpis" });
  private readonly appsTable = h("table", { class: "apps-table", testid: "apps-table" });
  private readonly feedList = h("ul", { class: "feed", testid: "team-feed", tabindex: "0", "aria-labelledby": "feed-title" });
  private readonly selection = h("section", { class: "panel selection", testid: "selection", hidden: true, "aria-labelledby": "selection-title", tabindex: "-1" });
  private readonly portalWarning = h("button", { type: "button", class: "danger portal-warning idle", testid: "portal-warning", onclick: () => this.showFailure(), text: t("play.portalDown") });
  private view: ClassView | null = null;
  private team = -1;
  private servers: ServerView[] = [];
  private selectedId: string | null = null;
  private readonly failure = new FailureDialog();
  /** The chart as one sentence for a screen reader (its legend is for the eye). */
  private readonly chartFigure = h("figure", { class: "live-chart", role: "img", testid: "live-chart" });
  private readonly drawChart = onChange((s: AppState) => s.book.teams[myTeam(s)], (minutes) => this.chart.draw(minutes));

  constructor(private readonly ctx: ScreenContext) {}

  mount(root: HTMLElement): void {
    const view = this.ctx.store.get().view!;
    const round = view.round;
    this.racks = new Racks({
      select: (box) => this.onSelect(box),
      dragVm: (vm, e) => startDrag({ type: "migrateVm", values: { vm } }, `${vm} →`, e, this.dragTarget()),
    });
    this.panel = commandPanel(round, (c) => this.send(c));
    this.chart = liveChart(round);
    this.chartFigure.append(this.chart.chart.el);
    this.list = datacenterList(t("a11y.datacenter"), (id) => this.openDetails(id), (id) => this.racks.scene.select(id));
    // Escape in the details goes back to the item in the list.
    this.selection.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && this.selectedId) {
        e.preventDefault();
        this.list.focus(this.selectedId);
      }
    });
    const catalogue = renderCatalogue(round, (entry, e) => startDrag(entry.item, entry.label, e, this.dragTarget()), (entry) => this.panel.focusOn(entry.item.type, entry.item.values));
    const play = h("main", { class: "play", testid: "play-view" },
      this.heading,
      h("div", { class: "side left" }, catalogue, this.panel.el),
      h("div", { class: "stack center" }, this.racks.el, this.portalWarning, this.selection, this.list.el),
      // Scrolls on its own on a laptop: focusable, so a keyboard can scroll it too.
      h("div", { class: "side right", tabindex: "0", role: "region", "aria-label": t("a11y.figuresColumn") },
        h("section", { class: "panel", "aria-label": t("a11y.figures") }, this.kpis),
        h("section", { class: "panel", "aria-labelledby": "demand-title" }, h("h2", { id: "demand-title", class: "h3", text: t("play.demand") }), this.appsTable, this.chartFigure),
        h("section", { class: "panel", "aria-labelledby": "feed-title" }, h("h2", { id: "feed-title", class: "h3", text: t("play.feed") }), this.feedList)));
    // A practice room's player is also its host, with only the controls a player needs.
    this.practice = view.practice ? practiceControls(this.ctx.room, false) : null;
    root.replaceChildren(play, ...(this.practice ? [this.practice.el] : []));
    // Phaser starts now that the racks' box is in the page and has a size.
    this.racks.start();
    if (TEST_HOOKS) {
      const scene = this.racks.scene;
      exposeForTests({
        boxRect: (id: string) => scene.clientRectOf(id),
        servers: () => scene.layout.servers.map((s) => s.server.id),
        vms: () => scene.layout.servers.flatMap((s) => s.server.vms.map((vm) => ({ id: vm.id, server: s.server.id }))),
        instances: () => scene.layout.servers.reduce((n, s) => n + s.boxes.filter((b) => b.kind === "instance").length, 0),
        canvasSize: () => this.racks.size(),
        smallestLabel: () => scene.smallestLabel(),
        selected: () => this.selectedId,
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
    this.heading.textContent = t("a11y.title.play", { code: team?.name ?? "" });
    this.racks.setFrame(this.servers, view.tick, view.round.startMinute);
    this.panel.refresh(this.servers);
    const engine = dc ? toMatchState(view, this.team) : null;
    this.list.update(listNodes(this.servers, engine, this.team, view.tick, view.round.startMinute));
    renderKpis(this.kpis, team, dc);
    renderAppsTable(this.appsTable, view.round.apps, dc);
    this.drawChart(s);
    const feed = view.feeds.find((f) => f.team === this.team)?.lines ?? [];
    renderFeed(this.feedList, feed, view.round.startMinute);
    this.renderSelection();
    // Users turned away: the failure page is offered (a button), never forced on the player.
    const dropped = team?.dropped ?? 0;
    this.failure.update(dropped);
    this.portalWarning.classList.toggle("idle", dropped === 0);
    const offer = `${t("play.portalDown")} (${dropped}${t("play.perMin")}) — ${t("play.showFailure")}`;
    if (this.portalWarning.textContent !== offer) this.portalWarning.textContent = offer;
    // Why the clock stopped and when it restarts: the sentence a screen reader heard when it stopped.
    const stop = playerStop(s);
    this.racks.pausedNote.hidden = stop === null;
    const note = stop === null ? "" : view.practice && stop === "paused" ? t("play.pausedNote") : stopSentence(stop, view.freeze.secondsLeft);
    if (this.racks.pausedNote.textContent !== note) this.racks.pausedNote.textContent = note;
    const alt = t("a11y.liveChart", { demand: team?.demand ?? 0, served: team?.served ?? 0, dropped: dropped });
    if (this.chartFigure.getAttribute("aria-label") !== alt) this.chartFigure.setAttribute("aria-label", alt);
    this.practice?.update(view);
  }

  destroy(): void {
    // The round is over (or the page is leaving): what the users saw closes with it.
    this.failure.close();
    this.chart.chart.destroy();
    this.racks.destroy();
    if (TEST_HOOKS) withdrawFromTests("boxRect", "servers", "vms", "instances", "canvasSize", "smallestLabel", "selected");
  }

  /** The round starts: the keyboard starts at the datacenter list's heading (one Tab more and it is in the list). */
  focusStart(): HTMLElement | null {
    return this.list.el.querySelector("h2");
  }

  private async send(command: Command): Promise<{ ok: boolean; message?: string }> {
    const r = await this.ctx.room.command(command);
    if (r.ok) return { ok: true };
    const message = errorText(r.error);
    toast(message, "bad");
    return { ok: false, message };
  }

  private dragTarget(): DragTarget {
    const scene = this.racks.scene;
    return {
      over: (x, y) => {
        const r = this.racks.wrap.getBoundingClientRect();
        return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      },
      boxAt: (x, y) => scene.boxAtClient(x, y),
      highlight: (box, ok) => scene.setHighlight(box, ok),
      vmOfInstance: (id) => findInstance(this.servers, id)?.vm?.id ?? null,
      check: (c) => (this.view ? verdict(this.view, this.team, c) : null),
      send: (c) => void this.send(c),
      refuse: (reason) => toast(reason, "bad"),
      reveal: () => this.racks.wrap.scrollIntoView({ block: "nearest" }),
    };
  }

  private onSelect(box: Box | null): void {
    this.selectedId = box && (box.kind === "server" || box.kind === "vm" || box.kind === "instance") ? box.id : null;
    this.list.select(this.selectedId);
    this.renderSelection();
  }

  /** Enter on an item of the list: the racks select it, its details open, focus goes to its first action. */
  private openDetails(id: string): void {
    this.selectedId = id;
    this.racks.scene.select(id);
    this.list.select(id);
    this.renderSelection();
    if (this.selection.hidden) return;
    const first = this.selection.querySelector<HTMLElement>("button") ?? this.selection;
    first.focus();
  }

  private renderSelection(): void {
    const id = this.selectedId;
    const view = this.view;
    const shown = id !== null && view !== null && datacenterOf(view, this.team) !== undefined && renderSelection(this.selection, id, toMatchState(view, this.team), this.team, this.servers, { tick: view.tick, startMinute: view.round.startMinute }, {
      send: (c) => void this.send(c),
      openPanel: (action, values) => this.panel.focusOn(action, values),
    });
    this.selection.hidden = !shown;
    if (!shown && id !== null) {
      this.selectedId = null;
      this.racks.scene.select(null);
      this.list.select(null);
    }
  }

  private showFailure(): void {
    this.failure.open(this.view?.teams[this.team]?.dropped ?? 0);
  }
}
