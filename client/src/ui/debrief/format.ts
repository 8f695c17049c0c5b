import type { Card, CardFormat } from "../../../../shared/debrief/card";
import { cardText } from "../../../../shared/debrief/card";
import type { RoundReport, TeamControl } from "../../../../shared/debrief/report";
import { STRATEGY_NAMES } from "../../../../shared/debrief/text";
import { clock, lang, money, t } from "../../i18n";

/** Card values as this page shows them, in its language. */
export function cardFormat(startMinute: number): CardFormat {
  const locale = lang() === "zh-CN" ? "zh-CN" : "en-US";
  return {
    number: (n) => n.toLocaleString(locale),
    money,
    clock: (tick) => clock(startMinute + tick),
    app: (a) => t(`app.${a}`),
    model: (m) => t(`model.${m}`),
    // A card names a strategy as the class reads it, never by its id (in any language).
    bot: (b) => STRATEGY_NAMES[lang()][b] ?? STRATEGY_NAMES.en[b] ?? b,
    list: (items) => items.join(lang() === "zh-CN" ? "、" : ", "),
  };
}

/** A reference strategy in the what-if's picker: "reactive containers (containers-reactive)", the id to find it in `sim`. */
export function strategyName(bot: string): string {
  const name = STRATEGY_NAMES[lang()][bot];
  return name ? `${name} (${bot})` : bot;
}

export function textOf(card: Card, report: Pick<RoundReport, "startMinute">): { title: string; body: string; question: string } {
  return cardText(card, cardFormat(report.startMinute), lang());
}

/** Who played a team, in a few words. */
export function controlText(c: TeamControl | undefined): string {
  if (!c) return "";
  switch (c.kind) {
    case "students": return t("debrief.students");
    case "bot": return t("debrief.botTeam", { bot: c.bot });
    case "mixed": return t("debrief.mixedTeam", { minutes: c.botMinutes });
    case "empty": return t("debrief.emptyTeam");
  }
}

export const pct1 = (bp: number) => `${(bp / 100).toFixed(1)}%`;
export const pct0 = (bp: number) => `${Math.round(bp / 100)}%`;
