import { teamResult } from "../engine/results";
import type { Team } from "../engine/types";
import type { TeamScoreRow } from "./rows";

/** The engine's side of a leaderboard line: score and availability exactly as the results give them. */
export function teamScoreRow(team: Team): TeamScoreRow {
  const r = teamResult(team);
  let instances = 0;
  for (const s of team.servers) {
    instances += s.instances.length;
    for (const vm of s.vms) instances += vm.instances.length;
  }
  return {
    score: r.score, cash: team.cash, availability: r.availability, demand: team.last.demand, served: team.last.served,
    dropped: team.last.dropped, servers: team.servers.length, instances,
  };
}
