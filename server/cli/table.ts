interface Row {
  bot: string; score: number; availability: number; droppedPeak: number; utilization: number;
  occupancy: number; osTaxCpu: number; licenceSpend: number; servers: number;
}

/** The simulator's readable output: one row per team, best score first. */
export function formatTable(r: { scenario: string; seed: number; ticks: number; stateHash: string; msPerTick: number; teams: Row[] }): string {
  const head = ["#", "bot", "score $", "avail %", "peak drop/min", "util %", "occup %", "OS tax m", "licences $", "servers"];
  const ranked = r.teams.map((t, i) => ({ ...t, team: i + 1 })).sort((a, b) => b.score - a.score);
  const rows = ranked.map((t) => [
    String(t.team), t.bot, t.score.toLocaleString("en-US", { maximumFractionDigits: 0 }), t.availability.toFixed(2),
    String(t.droppedPeak), t.utilization.toFixed(1), t.occupancy.toFixed(1), String(t.osTaxCpu),
    t.licenceSpend.toLocaleString("en-US"), String(t.servers),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((x, c) => (c <= 1 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join("  ");
  return [
    `${r.scenario}  seed ${r.seed}  ${r.ticks} ticks  hash ${r.stateHash}  ${r.msPerTick} ms/tick`,
    line(head),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
  ].join("\n");
}
