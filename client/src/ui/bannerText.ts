import { clock, money, t } from "../i18n";
import type { BannerView, ClassView } from "../model/types";

/**
 * A banner as a sentence a class can read from the back of the room: who, what happened, what it
 * cost, in words ("Bravo: server s3 warns of failing hardware and dies at 10:42"), never a code
 * and a number ("Hardware failure · 2"). `reader`: the team reading it on their own screen (an
 * incident that missed them says "nothing of yours", not "of theirs").
 */
export function bannerText(b: BannerView, view: Pick<ClassView, "teams" | "round">, reader?: number): string {
  const team = b.team >= 0 ? view.teams[b.team]?.name ?? "" : t("common.all");
  const app = b.app ? t(`app.${b.app}`) : "";
  const p = { team, app, count: b.hit, cost: money(b.cost), server: b.target, time: clock(view.round.startMinute + b.at) };
  // An incident that found nothing to hit says so, rather than "0 instances went down".
  if (["leak", "kernel", "patch"].includes(b.kind) && b.hit === 0 && b.cost === 0) {
    const title = t(`incident.${b.kind}`);
    return reader !== undefined && reader === b.team ? t("speech.nothingYours", { title }) : t("banner.nothing", { team, title });
  }
  switch (b.kind) {
    case "spike": return t(b.at === 2 ? "banner.spike2" : "banner.spike");
    case "kernel": return t(b.cost > 0 ? "banner.kernelFine" : "banner.kernel", p);
    case "hardware": return t(!b.target ? "banner.hardwareNone" : b.hit > 0 ? "banner.hardware" : "banner.hardwareEmpty", p);
    case "audit": return t(b.hit > 0 ? "banner.audit" : "banner.auditClean", p);
    case "rent": return b.target ? t("banner.rent", { ...p, model: t(`model.${b.target}`) }) : t("banner.rentMixed", p);
    case "leak": case "patch": case "hardware-warning": case "server-reclaimed": return t(`banner.${b.kind}`, p);
    default: return `${team}: ${t(`incident.${b.kind}`, { defaultValue: b.kind })}`;
  }
}
