/** Team colours from the Okabe–Ito palette (colour-blind safe), always shown with the team's name. */
export const TEAM_COLORS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"];

export function teamColor(i: number): string {
  return TEAM_COLORS[i % TEAM_COLORS.length];
}
