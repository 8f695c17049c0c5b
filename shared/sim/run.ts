import { applyCommand } from "../engine/api";
import type { Command } from "../engine/commands";
import { createMatch } from "../engine/match";
import { advance, isOver } from "../engine/tick";
import type { MatchSettings, MatchState } from "../engine/types";
import { makeBot, type Bot } from "../bots";

export interface AppliedCommand {
  tick: number;
  team: number;
  command: Command;
}

/** Every team's bot takes its turn through the command API; accepted commands are reported. */
export function botTurn(state: MatchState, bots: readonly (Bot | null)[], onApplied?: (c: AppliedCommand) => void): void {
  bots.forEach((bot, teamId) => {
    if (!bot) return;
    bot.play({
      state,
      team: state.teams[teamId],
      act: (command) => {
        const r = applyCommand(state, teamId, command);
        if (r.ok) onApplied?.({ tick: state.tick, team: teamId, command: r.command });
        return r;
      },
    });
  });
}

export interface BotMatch {
  state: MatchState;
  bots: Bot[];
}

/** Each team's bot gets its own seed (only the random bot uses it), derived from the match seed. */
export function botSeed(seed: number, team: number): number {
  return seed + team * 7919;
}

/** A match with one team per bot spec (`NAME` or `NAME:frozen`). */
export function startBotMatch(scenario: MatchSettings["scenario"], specs: readonly string[], seed: number, extra: Partial<MatchSettings> = {}): BotMatch {
  const state = createMatch({ scenario, teams: specs.map((b, i) => `${i + 1}·${b}`), ...extra }, seed);
  return { state, bots: specs.map((b, i) => makeBot(b, botSeed(seed, i))) };
}

/** Plays a whole match headless: bots act, then the tick advances, until the round is over. */
export function playToEnd(match: BotMatch, onApplied?: (c: AppliedCommand) => void, onTick?: (run: () => void) => void): MatchState {
  const { state, bots } = match;
  while (!isOver(state)) {
    botTurn(state, bots, onApplied);
    if (onTick) onTick(() => advance(state));
    else advance(state);
  }
  return state;
}
