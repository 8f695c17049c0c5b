import type { MatchLogFile } from "../../shared/log/format";

function cell(v: string | number): string {
  const s = String(v);
  // Quote anything a spreadsheet could misread, and defuse formula injection through nicknames.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A round's results as CSV, one row per team, money in dollars and ratios in percent. */
export function resultsCsv(log: MatchLogFile): string {
  const head = ["round", "scenario", "rank", "team", "score_usd", "cash_usd", "availability_pct", "dropped_requests", "dropped_peak_per_min",
    "utilization_pct", "occupancy_pct", "os_tax_cores", "licences_usd", "servers_usd", "power_usd", "penalties_usd", "fines_usd", "revenue_usd",
    "rent_usd", "windows_licences_usd", "hypervisor_licences_usd"];
  const results = [...(log.final?.results ?? [])].sort((a, b) => b.score - a.score);
  const usd = (cents: number) => (cents / 100).toFixed(2);
  const rows = results.map((r, i) => [
    log.header.round, log.header.scenario, i + 1, r.name, usd(r.score), usd(r.cash), (r.availability / 100).toFixed(2), r.dropped, r.droppedPeak,
    (r.utilization / 100).toFixed(2), (r.occupancy / 100).toFixed(2), (r.osTaxCpu / 1000).toFixed(2), usd(r.licenceSpend),
    usd(r.ledger.servers), usd(r.ledger.power), usd(r.ledger.penalties), usd(r.ledger.fines), usd(r.ledger.revenue),
    usd(r.ledger.rent), usd(r.ledger.licences), usd(r.ledger.hypervisorLicences),
  ]);
  return [head, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
