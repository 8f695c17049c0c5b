import { advance, applyHostAction, createMatch, isOver, results, stateHash, type HostAction } from "../../shared/engine";
import { makeBot } from "../../shared/bots";
import { HASH_EVERY_TICKS, newLogHeader, type MatchLogFile } from "../../shared/log/format";
import { BOT_SEAT, HOST_SEAT } from "../../shared/protocol/seats";
import { botSeed, botTurn } from "../../shared/sim/run";
import type { ScenarioId } from "../../shared/scenarios/types";

/** Four strategies that between them use every kind of command: processes, VMs, containers, chance. */
export const GOLDEN_BOTS = ["containers-autoscale", "vm-consolidate", "shared-os", "random"] as const;
export const GOLDEN_SEED = 20_241_201;

/** The teacher's incidents, at fixed ticks (the engine refuses one that does not apply: it is then not logged). */
const TEACHER: { tick: number; action: HostAction }[] = [
  { tick: 90, action: { type: "incident", kind: "hardware", team: 0 } },
  { tick: 150, action: { type: "incident", kind: "kernel", team: null } },
  { tick: 210, action: { type: "incident", kind: "leak", team: 2 } },
];

/**
 * Plays one golden match the way the server runs a round: per tick, the teacher's inputs, then
 * the bots, then the engine; a state hash every HASH_EVERY_TICKS ticks and the final one.
 */
export function recordGolden(scenario: ScenarioId): MatchLogFile {
  const settings = { scenario, teams: GOLDEN_BOTS.map((b, i) => `${i + 1}·${b}`) };
  const state = createMatch(settings, GOLDEN_SEED);
  const bots = GOLDEN_BOTS.map((b, i) => makeBot(b, botSeed(state.seed, i)));
  const log: MatchLogFile = {
    header: newLogHeader({ seed: state.seed, settings, roster: [], room: "golden", round: 1, startedAt: "2024-12-01T08:00:00.000Z", bots: [...GOLDEN_BOTS] }),
    entries: [],
    final: null,
  };
  while (!isOver(state)) {
    const t = state.tick;
    for (const input of TEACHER.filter((x) => x.tick === t)) {
      const r = applyHostAction(state, input.action);
      if (r.ok) log.entries.push({ tick: t, type: "incident", seat: HOST_SEAT, action: r.action });
    }
    botTurn(state, bots, (c) => log.entries.push({ tick: c.tick, type: "command", seat: BOT_SEAT, team: c.team, command: c.command }));
    advance(state);
    if (state.tick % HASH_EVERY_TICKS === 0) log.entries.push({ tick: state.tick, type: "hash", hash: stateHash(state) });
  }
  log.final = { tick: state.tick, hash: stateHash(state), endedBy: "time", results: results(state) };
  return log;
}
