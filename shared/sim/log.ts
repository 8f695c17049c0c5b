import { results, stateHash } from "../engine";
import { HASH_EVERY_TICKS, newLogHeader, type MatchLogFile } from "../log/format";
import { BOT_SEAT } from "../protocol/seats";
import { playToEnd, type BotMatch } from "./run";

/**
 * Plays a bot match to the end and returns its match log, in the same format the server writes
 * (bots as seat −1). `timeTick` lets a caller time each engine tick.
 */
export function playLogged(match: BotMatch, botNames: readonly string[], startedAt: string, timeTick?: (run: () => void) => void): MatchLogFile {
  const { state } = match;
  const log: MatchLogFile = {
    header: newLogHeader({ seed: state.seed, settings: state.settings, roster: [], room: "sim", round: 1, startedAt, bots: [...botNames] }),
    entries: [],
    final: null,
  };
  playToEnd(
    match,
    (c) => log.entries.push({ tick: c.tick, type: "command", seat: BOT_SEAT, team: c.team, command: c.command }),
    (run) => {
      if (timeTick) timeTick(run);
      else run();
      if (state.tick % HASH_EVERY_TICKS === 0) log.entries.push({ tick: state.tick, type: "hash", hash: stateHash(state) });
    },
  );
  log.final = { tick: state.tick, hash: stateHash(state), endedBy: "time", results: results(state) };
  return log;
}
