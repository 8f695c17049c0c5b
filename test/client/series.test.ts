/**
 * The live charts read each team's figures by minute. A tab that misses minutes (hidden, asleep,
 * reconnecting) must leave a gap at those minutes, never slide later minutes to the left; and what
 * the browser records live must match what the server's series says for the same minutes.
 */
import { describe, expect, it } from "vitest";
import { SCENARIOS } from "../../shared/scenarios";
import { bookFromSeries, EMPTY_BOOK, mergeBooks, recordMinute } from "../../client/src/store/series";
import { liveChartLines } from "../../client/src/ui/play/chartLines";
import { historyArrived, initialState, stateArrived } from "../../client/src/store/state";
import { historyFor } from "../../shared/view/history";
import { playMinutes } from "./match";

const game = playMinutes(40);
const [DEMAND, CAPACITY, SERVED, DROPPED, FORECAST] = [0, 1, 2, 3, 4];

describe("series by minute", () => {
  it("records every minute at its own place on the x axis", () => {
    let book = EMPTY_BOOK;
    for (const v of game.views) book = recordMinute(book, v);
    const lines = liveChartLines(game.views[40].round, book.teams[1]);
    for (let minute = 0; minute < 40; minute++) {
      const v = game.views[minute + 1];
      expect(lines[SERVED][minute]).toBe(v.teams[1].served);
      expect(lines[DROPPED][minute]).toBe(v.teams[1].dropped);
      expect(lines[DEMAND][minute]).toBe(v.teams[1].demand);
    }
    expect(lines[SERVED].slice(40).every((x) => x === null)).toBe(true);
  });

  it("leaves a gap for minutes a hidden tab missed, and plots the next one at its own minute", () => {
    let s = initialState({ name: "play", code: "ABCDEF" }, "en");
    // Minutes 0–3 arrive, then the tab sleeps through ticks 5–19 and wakes at tick 20.
    for (const t of [1, 2, 3, 4, 20, 21]) s = { ...s, ...stateArrived(s, game.views[t]) };
    const lines = liveChartLines(game.views[21].round, s.book.teams[0]);
    expect(lines[SERVED].slice(0, 4)).toEqual([1, 2, 3, 4].map((t) => game.views[t].teams[0].served));
    expect(lines[SERVED].slice(4, 19)).toEqual(new Array(15).fill(null));
    expect(lines[SERVED][19]).toBe(game.views[20].teams[0].served);
    expect(lines[DROPPED][20]).toBe(game.views[21].teams[0].dropped);
    // The 5th value drawn is minute 4's (a gap), not tick 20's shifted left.
    expect(lines[SERVED][4]).toBeNull();
  });

  it("reads the same from the server's series as from live minutes, for every team", () => {
    let live = EMPTY_BOOK;
    for (const v of game.views) live = recordMinute(live, v);
    const loaded = bookFromSeries(1, game.series);
    for (const team of [0, 1]) {
      expect(loaded.teams[team].served).toEqual(live.teams[team].served);
      expect(loaded.teams[team].dropped).toEqual(live.teams[team].dropped);
      expect(loaded.teams[team].demand).toEqual(live.teams[team].demand);
      expect(loaded.teams[team].capacity).toEqual(live.teams[team].capacity);
    }
    expect(loaded.teams[0].served.some((x) => (x ?? 0) > 0)).toBe(true);
  });

  it("fills a reconnect's gap from the server's history and keeps minutes that arrived after it", () => {
    let s = initialState({ name: "play", code: "ABCDEF" }, "en");
    for (const t of [1, 2, 30, 31, 40]) s = { ...s, ...stateArrived(s, game.views[t]) };
    // The history was made at tick 30: it knows minutes 0–29 (the server's own message, for team 0).
    const cut = { ...game.series, teams: game.series.teams.map((x) => ({ ...x, served: x.served.slice(0, 30), dropped: x.dropped.slice(0, 30) })) };
    s = { ...s, ...historyArrived(s, historyFor(1, 30, cut, 0)) };
    const served = liveChartLines(game.views[40].round, s.book.teams[0])[SERVED];
    expect(served.slice(0, 30)).toEqual(game.series.teams[0].served.slice(0, 30));
    expect(served[30]).toBe(game.views[31].teams[0].served);
    expect(served[39]).toBe(game.views[40].teams[0].served);
    expect(served.slice(31, 39)).toEqual(new Array(8).fill(null));
  });

  it("puts each point of the server's history at the minute it says it was played", () => {
    const s = initialState({ name: "play", code: "ABCDEF" }, "en");
    const message = { ...historyFor(1, 40, game.series, 1), minutes: game.series.teams[1].served.map((_, k) => k + 3) };
    const served = liveChartLines(game.views[40].round, historyArrived(s, message).book!.teams[1])[SERVED];
    expect(served.slice(0, 3)).toEqual([null, null, null]);
    expect(served[3]).toBe(game.series.teams[1].served[0]);
    expect(served[12]).toBe(game.series.teams[1].served[9]);
  });

  it("starts afresh when a new round begins", () => {
    let book = EMPTY_BOOK;
    for (const v of game.views.slice(0, 10)) book = recordMinute(book, v);
    const next = { ...game.views[3], round: { ...game.views[3].round, number: 2 } };
    book = recordMinute(book, next);
    expect(book.round).toBe(2);
    expect(book.teams[0].served).toEqual([null, null, game.views[3].teams[0].served]);
  });

  it("keeps the same book when a patch repeats a minute already recorded", () => {
    let book = EMPTY_BOOK;
    for (const v of game.views.slice(0, 6)) book = recordMinute(book, v);
    expect(recordMinute(book, game.views[5])).toBe(book);
    expect(mergeBooks(bookFromSeries(1, game.series), EMPTY_BOOK).round).toBe(1);
  });

  it("draws the forecast over the whole round, and nothing yet for minutes not played", () => {
    const round = game.views[1].round;
    const lines = liveChartLines(round, undefined);
    expect(lines[FORECAST]).toHaveLength(SCENARIOS["exam-morning"].ticks);
    expect(Math.max(...lines[FORECAST].map((x) => x ?? 0))).toBeGreaterThan(lines[FORECAST][0] ?? 0);
    expect(lines[CAPACITY].every((x) => x === null)).toBe(true);
  });
});
