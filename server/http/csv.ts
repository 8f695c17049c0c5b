import { classRows } from "../../shared/debrief/class";
import { moneyLines } from "../../shared/debrief/money";
import { isCurrentReport, type RoundReport } from "../../shared/debrief/report";
import type { MatchLogFile } from "../../shared/log/format";
import { Replayer } from "../../shared/log/replay";

function cell(v: string | number): string {
  const s = String(v);
  // Quote anything a spreadsheet could misread, and defuse formula injection through nicknames
  // (a negative amount is a number, not a formula: the waterfall's costs are negative).
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The round's debrief: the one stored when it ended, or rebuilt by replaying its log (older rounds). */
export function reportOf(log: MatchLogFile, stored: RoundReport | null): RoundReport {
  if (stored && isCurrentReport(stored)) return stored;
  const replayer = new Replayer(log);
  replayer.runToEnd();
  return replayer.report();
}

/**
 * A round's results as CSV, one row per team in the class table's order (a bot has no rank, as on
 * the podium), money in dollars and ratios in percent. The money
 * columns are the debrief's waterfall, from `budget_usd` to `owned_usd`: they add up to `score_usd`.
 */
export function resultsCsv(log: MatchLogFile, report: RoundReport): string {
  const head = ["round", "scenario", "rank", "team", "score_usd", "played_by", "cash_usd", "availability_pct", "served_requests", "dropped_requests",
    "dropped_peak_per_min", "cost_per_1000_served_usd", "utilization_pct", "occupancy_pct", "os_tax_cores",
    "budget_usd", "revenue_usd", "sold_usd", "servers_usd", "rent_usd", "windows_licences_usd", "hypervisor_licences_usd", "power_usd",
    "penalties_usd", "compliance_usd", "breach_fines_usd", "audit_fines_usd", "owned_usd"];
  const usd = (cents: number) => (cents / 100).toFixed(2);
  // The class table's order and places: students' teams ranked, bots after them with no place.
  const rows = classRows(report).map((row) => {
    const r = report.results[row.team];
    const control = report.control[r.team];
    return [
      log.header.round, log.header.scenario, row.ranked ? row.rank : "", r.name, usd(r.score),
      control ? (control.kind === "students" ? "students" : `${control.kind}${control.bot ? `:${control.bot}` : ""}`) : "", usd(r.cash), (r.availability / 100).toFixed(2), row.served, r.dropped, r.droppedPeak,
      row.costPer1k >= 0 ? usd(row.costPer1k) : "", (r.utilization / 100).toFixed(2), (r.occupancy / 100).toFixed(2), (r.osTaxCpu / 1000).toFixed(2),
      ...moneyLines(r, report.budget, report.facts[r.team]).map((l) => usd(l.cents)),
    ];
  });
  return [head, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
