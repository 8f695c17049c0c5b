/**
 * Reader for one-dimensional bin-packing problems in the OR-Library text format (J. E. Beasley's
 * binpack1–8 files, Falkenauer's uniform and triplet instances):
 *
 *   P                          number of problems
 *   name                       } P times
 *   capacity count best-known  }
 *   size                       } count times, one per line
 *
 * Blank lines, leading/trailing spaces, tabs and CRLF are fine. Anything else is an error that
 * names the line. Sizes may carry decimals (the triplet files write "100.0" and "41.9"): a problem's
 * numbers are scaled by the same power of ten so that packing works on integers.
 */

export interface BinProblem {
  name: string;
  /** Capacity as written (may have decimals), for reports. */
  capacity: number;
  /** Capacity and sizes multiplied by `scale`: integers, ready for packing. */
  scaledCapacity: number;
  sizes: number[];
  scale: number;
  bestKnown: number;
}

export type ParseResult =
  | { ok: true; problems: BinProblem[] }
  | { ok: false; line: number; message: string };

/** More decimal places than this is not a bin-packing file we believe. */
const MAX_DECIMALS = 6;
const INTEGER = /^\d+$/;
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

class FormatError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

interface Line {
  no: number;
  tokens: string[];
  text: string;
}

function integer(token: string, line: number, what: string): number {
  if (!INTEGER.test(token)) throw new FormatError(line, `${what} must be a whole number, found "${token}"`);
  const v = Number(token);
  if (!Number.isSafeInteger(v)) throw new FormatError(line, `${what} ${token} is too large`);
  return v;
}

function decimals(token: string, line: number, what: string): number {
  const m = DECIMAL.exec(token);
  if (!m) throw new FormatError(line, `${what} must be a non-negative number, found "${token}"`);
  const d = m[2]?.length ?? 0;
  if (d > MAX_DECIMALS) throw new FormatError(line, `${what} ${token} has more than ${MAX_DECIMALS} decimal places`);
  return d;
}

/** "41.9" at scale 10 → 419, by digits (no floating point). */
function scaled(token: string, scale: number, line: number, what: string): number {
  const [whole, frac = ""] = token.split(".");
  const places = String(scale).length - 1;
  const v = Number(whole + frac.padEnd(places, "0"));
  if (!Number.isSafeInteger(v)) throw new FormatError(line, `${what} ${token} is too large`);
  return v;
}

export function parseBinPacking(text: string): ParseResult {
  const lines: Line[] = [];
  text.split(/\r?\n|\r/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed !== "") lines.push({ no: i + 1, tokens: trimmed.split(/\s+/), text: trimmed });
  });
  const lastLine = lines.at(-1)?.no ?? 1;
  let at = 0;
  const next = (expecting: string): Line => {
    const l = lines[at++];
    if (!l) throw new FormatError(lastLine, `the file ends where ${expecting} was expected`);
    return l;
  };
  try {
    const head = next("the number of problems");
    if (head.tokens.length !== 1) throw new FormatError(head.no, `the first line must hold only the number of problems, found "${head.text}"`);
    const count = integer(head.tokens[0], head.no, "the number of problems");
    const problems: BinProblem[] = [];
    for (let p = 0; p < count; p++) {
      const nameLine = next(`the name of problem ${p + 1} of ${count}`);
      const name = nameLine.text;
      const header = next(`the line "capacity count best-known" of problem ${name}`);
      if (header.tokens.length !== 3) {
        throw new FormatError(header.no, `problem ${name}: expected "capacity count best-known", found "${header.text}"`);
      }
      const [capText, nText, bestText] = header.tokens;
      const n = integer(nText, header.no, `problem ${name}: the item count`);
      const bestKnown = integer(bestText, header.no, `problem ${name}: the best-known bin count`);
      let places = decimals(capText, header.no, `problem ${name}: the capacity`);
      const items: { token: string; no: number }[] = [];
      for (let i = 0; i < n; i++) {
        const l = next(`item ${i + 1} of ${n} of problem ${name}`);
        if (l.tokens.length !== 1) throw new FormatError(l.no, `problem ${name}: expected one item size per line, found "${l.text}"`);
        places = Math.max(places, decimals(l.tokens[0], l.no, `problem ${name}: item ${i + 1}`));
        items.push({ token: l.tokens[0], no: l.no });
      }
      const scale = 10 ** places;
      const capacity = scaled(capText, scale, header.no, `problem ${name}: the capacity`);
      if (capacity <= 0) throw new FormatError(header.no, `problem ${name}: the capacity must be positive`);
      const sizes = items.map(({ token, no }, i) => {
        const s = scaled(token, scale, no, `problem ${name}: item ${i + 1}`);
        if (s <= 0) throw new FormatError(no, `problem ${name}: item ${i + 1} has size ${token}; sizes must be positive`);
        if (s > capacity) throw new FormatError(no, `problem ${name}: item ${i + 1} (${token}) is larger than the capacity ${capText}`);
        return s;
      });
      problems.push({ name, capacity: Number(capText), scaledCapacity: capacity, sizes, scale, bestKnown });
    }
    if (at < lines.length) {
      const extra = lines[at];
      throw new FormatError(extra.no, `unexpected "${extra.text}" after the last of ${count} problems (is the count on the first line right?)`);
    }
    return { ok: true, problems };
  } catch (e) {
    if (e instanceof FormatError) return { ok: false, line: e.line, message: e.message };
    throw e;
  }
}
