/**
 * Downloads to keep: the class summary (one 1920×1080 page: the podium, every team's requests
 * served against the demand, the table) and one team's debrief (its money and its cards), drawn
 * on a canvas and saved as PNG. The browser's own canvas does it: no library needed for a picture
 * of numbers we already have.
 */
import { classRows, demandLine } from "../../../../shared/debrief/class";
import { teamCards } from "../../../../shared/debrief/cards";
import { moneyLines, wholeDollars } from "../../../../shared/debrief/money";
import type { RoundReport } from "../../../../shared/debrief/report";
import { clock, money, t } from "../../i18n";
import { teamColor } from "../teamColors";
import { controlText, pct0, pct1, textOf } from "./format";

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", system-ui, sans-serif';
const INK = "#111418";
const MUTED = "#56606b";

function font(ctx: CanvasRenderingContext2D, px: number, weight = 400): void {
  ctx.font = `${weight} ${px}px ${FONT}`;
}

/** Words (and CJK characters one by one) laid out in lines of at most `width` pixels. */
export function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = "";
  for (const tok of tokens) {
    if (line && ctx.measureText(line + tok).width > width) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function save(canvas: HTMLCanvasElement, name: string): Promise<void> {
  return new Promise((resolve) => canvas.toBlob((blob) => {
    if (blob) {
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    }
    resolve();
  }, "image/png"));
}

export function summaryCanvas(report: RoundReport): HTMLCanvasElement {
  const W = 1920;
  const H = 1080;
  const canvas = document.createElement("canvas");
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = INK;
  font(ctx, 46, 800);
  ctx.fillText(t("debrief.summaryTitle", { round: report.round, scenario: t(`scenario.${report.scenario}`) }), 48, 72);
  const rows = classRows(report);
  drawPodium(ctx, rows, 48, 110, 700, 460);
  drawClassChart(ctx, report, 800, 110, 1072, 460);
  drawTable(ctx, report, rows, 48, 610, W - 96);
  font(ctx, 20);
  ctx.fillStyle = MUTED;
  ctx.fillText(t("debrief.reactionNote"), 48, H - 24);
  return canvas;
}

function drawPodium(ctx: CanvasRenderingContext2D, rows: ReturnType<typeof classRows>, x: number, y: number, w: number, h: number): void {
  font(ctx, 30, 700);
  ctx.fillStyle = INK;
  ctx.fillText(t("debrief.podium"), x, y + 30);
  const ranked = rows.filter((r) => r.ranked).slice(0, 3);
  // A step's height is its place (tied teams stand equally high), not its slot on the stage.
  const heights = [h - 90, h - 150, h - 200];
  const order = [1, 0, 2];
  const bw = (w - 40) / 3;
  order.forEach((idx, slot) => {
    const r = ranked[idx];
    if (!r) return;
    const bh = heights[Math.min(2, r.rank - 1)];
    const bx = x + slot * (bw + 20);
    const by = y + h - bh;
    ctx.fillStyle = teamColor(r.team);
    ctx.fillRect(bx, by, bw, 14);
    ctx.fillStyle = "#eef1f4";
    ctx.fillRect(bx, by + 14, bw, bh - 14);
    ctx.fillStyle = INK;
    font(ctx, 54, 900);
    ctx.fillText(t("debrief.place", { n: r.rank }), bx + 16, by + 74);
    font(ctx, 36, 800);
    ctx.fillText(wrap(ctx, r.name, bw - 24)[0] ?? "", bx + 16, by + 124);
    font(ctx, 32, 400);
    ctx.fillText(money(r.score), bx + 16, by + 168);
  });
}

function drawClassChart(ctx: CanvasRenderingContext2D, report: RoundReport, x: number, y: number, w: number, h: number): void {
  font(ctx, 30, 700);
  ctx.fillStyle = INK;
  ctx.fillText(t("debrief.classChart"), x, y + 30);
  // The key first: eight names (bots marked, as on the page) may need a second line, taken from the chart's height.
  font(ctx, 22, 700);
  const ranked = new Map(classRows(report).map((r) => [r.team, r.ranked]));
  const keys: [string, string][] = [[t("debrief.demand"), INK],
    ...report.teams.map((name, i): [string, string] => [ranked.get(i) === false ? `${name} (${t("common.bot")})` : name, teamColor(i)])];
  const keyRows: { label: string; color: string; x: number }[][] = [[]];
  let kx = x + 80;
  for (const [label, color] of keys) {
    const kw = 24 + ctx.measureText(label).width + 24;
    if (kx + kw > x + w && keyRows[keyRows.length - 1].length > 0) { keyRows.push([]); kx = x + 80; }
    keyRows[keyRows.length - 1].push({ label, color, x: kx });
    kx += kw;
  }
  const top = y + 56;
  const ch = h - 130 - (keyRows.length - 1) * 30;
  const demand = demandLine(report);
  const max = Math.max(1, ...demand);
  const n = Math.max(1, demand.length - 1);
  const px = (i: number) => x + 80 + (i / n) * (w - 100);
  const py = (v: number) => top + ch - (v / max) * ch;
  ctx.strokeStyle = "#d5d9de";
  ctx.lineWidth = 1;
  font(ctx, 22);
  ctx.fillStyle = MUTED;
  for (const f of [0, 0.5, 1]) {
    ctx.beginPath();
    ctx.moveTo(px(0), py(max * f));
    ctx.lineTo(px(n), py(max * f));
    ctx.stroke();
    ctx.fillText(Math.round(max * f).toLocaleString(), x, py(max * f) + 7);
  }
  for (let i = 0; i <= n; i += 60) ctx.fillText(clock(report.startMinute + i), px(i) - 28, top + ch + 30);
  const line = (values: readonly number[], color: string, width: number, dash: number[]) => {
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.setLineDash(dash);
    ctx.beginPath();
    values.forEach((v, i) => (i === 0 ? ctx.moveTo(px(i), py(v)) : ctx.lineTo(px(i), py(v))));
    ctx.stroke();
    ctx.setLineDash([]);
  };
  report.teams.forEach((_, i) => line(report.series.teams[i].served, teamColor(i), 3, []));
  line(demand, INK, 3, [4, 6]);
  font(ctx, 22, 700);
  keyRows.forEach((row, k) => {
    const ly = y + h - 4 - (keyRows.length - 1 - k) * 30;
    for (const key of row) {
      ctx.fillStyle = key.color;
      ctx.fillRect(key.x, ly - 14, 18, 18);
      ctx.fillStyle = INK;
      ctx.fillText(key.label, key.x + 24, ly);
    }
  });
}

function drawTable(ctx: CanvasRenderingContext2D, report: RoundReport, rows: ReturnType<typeof classRows>, x: number, y: number, w: number): void {
  const head = [t("debrief.rank"), t("common.team"), t("debrief.score"), t("debrief.availability"), t("debrief.costPer1k"), t("debrief.utilizationH"),
    t("debrief.occupancyH"), t("debrief.osTax"), t("debrief.reaction"), t("debrief.playedBy")];
  const widths = [0.05, 0.2, 0.1, 0.09, 0.11, 0.08, 0.08, 0.08, 0.07, 0.14].map((f) => f * w);
  const rowH = Math.min(58, (1080 - y - 40) / (rows.length + 1));
  font(ctx, 24, 700);
  ctx.fillStyle = MUTED;
  let cx = x;
  head.forEach((label, i) => { ctx.fillText(wrap(ctx, label, widths[i] - 10)[0] ?? "", cx, y + 30); cx += widths[i]; });
  rows.forEach((r, n) => {
    const ry = y + (n + 1) * rowH;
    ctx.fillStyle = n % 2 ? "#ffffff" : "#f4f5f7";
    ctx.fillRect(x - 8, ry + 4, w + 16, rowH);
    const cells = [r.ranked ? String(r.rank) : "—", r.name, money(r.score), pct1(r.availability), r.costPer1k >= 0 ? money(r.costPer1k) : "—",
      pct0(r.utilization), pct0(r.occupancy), (r.osTaxCpu / 1000).toFixed(1), r.reaction === null ? "—" : r.ready ? "✓" : r.reaction >= 0 ? String(r.reaction) : "✗",
      controlText(report.control[r.team])];
    let tx = x;
    cells.forEach((c, i) => {
      font(ctx, i === 9 ? 22 : 28, i === 1 || i === 2 ? 700 : 400);
      ctx.fillStyle = i === 9 || !r.ranked ? MUTED : INK;
      if (i === 1) {
        ctx.fillStyle = teamColor(r.team);
        ctx.fillRect(tx, ry + rowH / 2 - 6, 18, 18);
        ctx.fillStyle = INK;
        ctx.fillText(wrap(ctx, c, widths[i] - 40)[0] ?? "", tx + 26, ry + rowH / 2 + 12);
      } else ctx.fillText(c, tx, ry + rowH / 2 + 12);
      tx += widths[i];
    });
  });
}

/** One team's debrief as a tall page: name and score, where the money went, and every card. */
export function teamCanvas(report: RoundReport, team: number): HTMLCanvasElement {
  const W = 1200;
  const pad = 48;
  const canvas = document.createElement("canvas");
  const measure = canvas.getContext("2d")!;
  const cards = teamCards(report, team).map((c) => textOf(c, report));
  const lines = moneyLines(report.results[team], report.budget, report.facts[team]);
  const shown = wholeDollars(lines);
  const money$ = lines.map((l, i) => ({ l, v: shown[i] })).filter((x) => x.v !== 0 || x.l.line === "budget");
  font(measure, 24);
  const wrapped = cards.map((c) => ({ title: c.title, body: wrap(measure, c.body, W - 2 * pad - 20), q: wrap(measure, `${t("debrief.discuss")} ${c.question}`, W - 2 * pad - 20) }));
  const height = 200 + (money$.length + 1) * 40 + 70 + wrapped.reduce((sum, c) => sum + 60 + (c.body.length + c.q.length) * 34 + 24, 0);
  canvas.width = W;
  canvas.height = height;
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, W, height);
  ctx.fillStyle = teamColor(team);
  ctx.fillRect(0, 0, W, 16);
  ctx.fillStyle = INK;
  font(ctx, 44, 800);
  ctx.fillText(`${report.teams[team]} · ${money(report.results[team].score)}`, pad, 84);
  font(ctx, 26);
  ctx.fillStyle = MUTED;
  ctx.fillText(`${t("debrief.summaryTitle", { round: report.round, scenario: t(`scenario.${report.scenario}`) })} · ${t("debrief.availability")} ${pct1(report.results[team].availability)}`, pad, 128);
  let y = 190;
  font(ctx, 30, 700);
  ctx.fillStyle = INK;
  ctx.fillText(t("debrief.money"), pad, y);
  y += 16;
  for (const { l, v } of money$) {
    y += 40;
    font(ctx, 26);
    ctx.fillStyle = INK;
    ctx.fillText(t(`debrief.line.${l.line}`), pad, y);
    const amount = `${l.line === "budget" ? "" : v < 0 ? "−" : "+"}$${Math.abs(v).toLocaleString()}`;
    ctx.fillStyle = l.line === "budget" ? INK : v < 0 ? "#a63d00" : "#006b4f";
    ctx.fillText(amount, W - pad - ctx.measureText(amount).width, y);
  }
  // The total under a rule, as on the page: the lines add up to the score in the title.
  y += 14;
  ctx.fillStyle = INK;
  ctx.fillRect(pad, y, W - 2 * pad, 2);
  y += 40;
  font(ctx, 26, 700);
  ctx.fillText(t("debrief.line.score"), pad, y);
  const total = money(report.results[team].score);
  ctx.fillText(total, W - pad - ctx.measureText(total).width, y);
  y += 50;
  for (const c of wrapped) {
    y += 24;
    ctx.fillStyle = "#0072b2";
    ctx.fillRect(pad, y, 6, 36 + (c.body.length + c.q.length) * 34);
    font(ctx, 28, 700);
    ctx.fillStyle = INK;
    ctx.fillText(c.title, pad + 20, y + 28);
    y += 36;
    font(ctx, 24);
    for (const l of c.body) { y += 34; ctx.fillText(l, pad + 20, y); }
    ctx.fillStyle = MUTED;
    for (const l of c.q) { y += 34; ctx.fillText(l, pad + 20, y); }
  }
  return canvas;
}

export async function downloadSummaryPng(report: RoundReport): Promise<void> {
  await document.fonts.ready;
  await save(summaryCanvas(report), `spikeday-round${report.round}-class.png`);
}

export async function downloadTeamPng(report: RoundReport, team: number): Promise<void> {
  await document.fonts.ready;
  const safe = report.teams[team].replace(/[^\p{L}\p{N}_-]+/gu, "-");
  await save(teamCanvas(report, team), `spikeday-round${report.round}-${safe}.png`);
}
