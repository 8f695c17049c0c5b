import { t } from "../i18n";
import type { ClassView } from "../model/types";
import { spikeStatus } from "../store/selectors";

/** What the clock says about the forecast spike: the countdown, "under way", or nothing once it is over. */
export function spikeLine(view: ClassView): string | null {
  const s = spikeStatus(view);
  if (s === null) return null;
  return s === "now" ? t("play.spikeNow") : t("play.spikeIn", { n: s.minutesLeft });
}
