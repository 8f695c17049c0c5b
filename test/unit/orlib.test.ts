/**
 * The OR-Library bin-packing reader: forgiving about layout (blank lines, spaces, CRLF, decimals),
 * strict about content, and every error names its line.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBinPacking, type ParseResult } from "../../shared/debrief/orlib";

const fixture = readFileSync(new URL("../fixtures/orlib-small.txt", import.meta.url), "utf8");

function problems(text: string) {
  const r = parseBinPacking(text);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
  return r.problems;
}

function failure(text: string): Extract<ParseResult, { ok: false }> {
  const r = parseBinPacking(text);
  if (r.ok) throw new Error("parsed, expected an error");
  return r;
}

describe("reading OR-Library files", () => {
  it("reads the fixture: names, capacities, items, best-known counts", () => {
    const ps = problems(fixture);
    expect(ps.map((p) => [p.name, p.capacity, p.sizes.length, p.bestKnown])).toEqual([
      ["t6_hand", 100, 6, 2], ["johnson_k1", 100, 30, 9], ["halves_14", 100, 14, 11],
    ]);
    expect(ps[1].sizes.slice(0, 7)).toEqual([51, 51, 51, 51, 51, 51, 27]);
  });

  it("scales decimals to integers by digits: 100.0 and 49.5 become 1000 and 495", () => {
    const [t] = problems(fixture);
    expect(t.scale).toBe(10);
    expect(t.scaledCapacity).toBe(1000);
    expect(t.sizes).toEqual([495, 253, 252, 450, 300, 250]);
    const [p] = problems("1\nx\n0.3 2 1\n0.1\n0.2\n");
    expect(p).toMatchObject({ capacity: 0.3, scaledCapacity: 3, sizes: [1, 2], scale: 10 });
  });

  it("does not mind blank lines, tabs, trailing spaces or Windows line ends", () => {
    const messy = `\r\n\t1  \r\n\r\n  u_mini \r\n150\t3   2\r\n\r\n 100\r\n  50 \r\n\t75\r\n\r\n`;
    expect(problems(messy)).toEqual([{ name: "u_mini", capacity: 150, scaledCapacity: 150, sizes: [100, 50, 75], scale: 1, bestKnown: 2 }]);
    expect(problems(fixture.replace(/\n/g, "\r\n"))).toEqual(problems(fixture));
  });

  it("accepts a file of no problems and a problem of no items", () => {
    expect(problems("0\n")).toEqual([]);
    expect(problems("1\nempty\n10 0 0\n")[0].sizes).toEqual([]);
  });
});

describe("malformed files", () => {
  const cases: [string, string, number, RegExp][] = [
    ["an empty file", "", 1, /number of problems was expected/],
    ["a count that is not a number", "two\n", 1, /whole number, found "two"/],
    ["more on the first line", "1 2\n", 1, /only the number of problems/],
    ["a header with two numbers", "1\np\n150 3\n1\n2\n3\n", 3, /expected "capacity count best-known"/],
    ["a negative capacity", "1\np\n-150 1 1\n1\n", 3, /capacity must be a non-negative number/],
    ["a zero capacity", "1\np\n0 1 1\n1\n", 3, /capacity must be positive/],
    ["a fractional item count", "1\np\n150 1.5 1\n1\n", 3, /item count must be a whole number/],
    ["a word among the items", "1\np\n150 3 2\n10\nabc\n30\n", 5, /item 2 must be a non-negative number, found "abc"/],
    ["two sizes on one line", "1\np\n150 3 2\n10 20\n30\n", 4, /one item size per line/],
    ["an item of size zero", "1\np\n150 2 1\n10\n0\n", 5, /item 2 has size 0/],
    ["an item bigger than a bin", "1\np\n150 2 1\n10\n151\n", 5, /larger than the capacity 150/],
    ["fewer items than announced", "1\np\n150 3 2\n10\n20\n", 5, /ends where item 3 of 3 of problem p was expected/],
    ["more items than announced", "1\np\n150 2 2\n10\n20\n30\n", 6, /unexpected "30" after the last of 1 problems/],
    ["fewer problems than announced", "2\np\n150 1 1\n10\n", 4, /name of problem 2 of 2/],
    ["too many decimals", "1\np\n1.0000001 1 1\n1\n", 3, /more than 6 decimal places/],
    ["a number in exponent form", "1\np\n150 1 1\n1e2\n", 4, /found "1e2"/],
    ["a count too large to be exact", "1\np\n150 99999999999999999 1\n", 3, /too large/],
  ];
  for (const [what, text, line, message] of cases) {
    it(`${what}: line ${line}`, () => {
      const e = failure(text);
      expect(e.message).toMatch(message);
      expect(e.line).toBe(line);
    });
  }
});
