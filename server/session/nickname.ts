import { LIMITS } from "../../shared/protocol/limits";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Trims, drops control and format characters (including bidi overrides and zero-width joiners used
 * to fake look-alike names), collapses inner whitespace, and counts visible characters (graphemes,
 * so 张伟 is 2 and an emoji with a skin tone is 1). Returns null when not 1–20 visible characters.
 */
export function normalizeNickname(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const cleaned = raw.normalize("NFC").replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "").replace(/\s+/gu, " ").trim();
  const length = [...segmenter.segment(cleaned)].length;
  if (length < LIMITS.nicknameMin || length > LIMITS.nicknameMax) return null;
  return cleaned;
}

/** Nicknames clash regardless of case and width (Ａ vs A), as a class would read them. */
export function nicknameKey(nickname: string): string {
  return nickname.normalize("NFKC").toLocaleLowerCase("en");
}
