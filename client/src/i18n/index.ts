import i18next from "i18next";
import { en } from "./en";
import { zh } from "./zh";
import { studentEn, studentZh } from "./student";
import { memory } from "../net/storage";
import type { WireError } from "../../../shared/protocol/messages";

export type Lang = "en" | "zh-CN";
const listeners = new Set<() => void>();

function initialLang(): Lang {
  const saved = memory.lang();
  if (saved === "en" || saved === "zh-CN") return saved;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

/** i18next: a well-kept library for plural rules and interpolation, so the two languages stay honest. */
export async function initI18n(): Promise<void> {
  const lng = initialLang();
  await i18next.init({
    lng,
    fallbackLng: "en",
    resources: { en: { translation: { ...en, ...studentEn } }, "zh-CN": { translation: { ...zh, ...studentZh } } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
}

export function lang(): Lang {
  return i18next.language === "zh-CN" ? "zh-CN" : "en";
}

export async function setLang(l: Lang): Promise<void> {
  await i18next.changeLanguage(l);
  memory.setLang(l);
  document.documentElement.lang = l;
  for (const f of listeners) f();
}

export function onLangChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

export function t(key: string, params?: Record<string, unknown>): string {
  return i18next.t(key, params ?? {}) as string;
}

/** Cents → "$1,234" (whole dollars: the game's prices are round). */
export function money(cents: number): string {
  const dollars = Math.round(cents / 100);
  const s = Math.abs(dollars).toLocaleString(lang() === "zh-CN" ? "zh-CN" : "en-US");
  return `${dollars < 0 ? "−" : ""}$${s}`;
}

/** Game clock: minutes after midnight (may pass 24:00 in the Double-12 scenario). */
export function clock(minuteOfDay: number): string {
  const m = ((minuteOfDay % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** Names of things in params (apps, layers, editions) are translated before they fill a sentence. */
function localizeParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  if (typeof out.app === "string" && i18next.exists(`app.${out.app}`)) out.app = t(`app.${out.app}`);
  if (typeof out.layer === "string" && i18next.exists(`layer.${out.layer}`)) out.layer = t(`layer.${out.layer}`);
  if (typeof out.edition === "string" && i18next.exists(`edition.${out.edition}`)) out.edition = t(`edition.${out.edition}`);
  if (typeof out.model === "string" && i18next.exists(`model.${out.model}`)) out.model = t(`model.${out.model}`);
  if (typeof out.os === "string" && i18next.exists(`os.${out.os}`)) out.os = t(`os.${out.os}`);
  if (typeof out.phase === "string" && i18next.exists(`phase.${out.phase}`)) out.phase = t(`phase.${out.phase}`);
  if (typeof out.expected === "string") {
    out.expected = out.expected.split("|").map((l) => (i18next.exists(`layer.${l}`) ? t(`layer.${l}`) : l)).join(" / ");
  }
  for (const k of ["cost", "cash", "floor", "money"]) if (typeof out[k] === "number") out[k] = money(out[k] as number);
  // CPU in millicores, also in cores for sentences a student reads ("needs 8 cores", not "8000 m").
  for (const k of ["need", "free", "cpu"]) {
    const v = params[k];
    if (typeof v === "number") out[`${k}Cores`] = Number.isInteger(v / 1000) ? v / 1000 : (v / 1000).toFixed(1);
  }
  return out;
}

export function errorText(error: WireError | { code: string; params?: Record<string, unknown> }): string {
  const key = `errors.${error.code}`;
  if (!i18next.exists(key)) return t("errors.unknown", { code: error.code });
  return t(key, localizeParams(error.params ?? {}));
}

export function localized(key: string, params: Record<string, unknown>): string {
  return t(key, localizeParams(params));
}
