/**
 * The cards that name a mistake students really make (issue 18's student-like strategies): buying
 * for the whole day in the first minutes, setting up and never touching anything again, doing
 * nothing until the spike and then buying servers that arrive too late, one VM as big as its host
 * with everything in it. Each fires from facts any team's round can produce, not from which bot
 * played it.
 */
import { APPS, DELIVERY_TICKS, RESALE_PCT, SERVER_MODELS, type ModelId } from "../engine/data";
import { body, bp, type CardContext, type Rules } from "./cardKit";
import { EARLY_TICKS } from "./facts";

/** The minutes a team gave commands in, first and last (-1: none). */
function commandSpan({ report, team }: CardContext): { first: number; last: number; n: number } {
  let first = -1;
  let last = -1;
  let n = 0;
  for (const e of report.replay.inputs) {
    if (e.type !== "command" || e.team !== team) continue;
    if (first < 0) first = e.tick;
    last = e.tick;
    n++;
  }
  return { first, last, n };
}

/** Front-end requests a minute: the most the team could serve and the most users asked for, over [from, to). */
function peaks(c: CardContext, from: number, to: number): { cap: number; demand: number } {
  let cap = 0;
  let demand = 0;
  for (let t = Math.max(0, from); t < to; t++) {
    let c1 = 0;
    let d1 = 0;
    for (const a of c.report.apps) {
      if (APPS[a].role !== "frontend") continue;
      c1 += c.report.series.teams[c.team]?.capacity[a]?.[t] ?? 0;
      d1 += c.report.series.demand[a]?.[t] ?? 0;
    }
    cap = Math.max(cap, c1);
    demand = Math.max(demand, d1);
  }
  return { cap, demand };
}

const sum = (xs: readonly number[], from: number, to: number) => {
  let n = 0;
  for (let t = Math.max(0, from); t < Math.min(xs.length, to); t++) n += xs[t];
  return n;
};

function models(list: readonly { model: ModelId }[]): Record<ModelId, number> {
  const out = Object.fromEntries(Object.keys(SERVER_MODELS).map((m) => [m, 0])) as Record<ModelId, number>;
  for (const o of list) out[o.model]++;
  return out;
}

export const MISTAKE_RULES: Rules = {
  /** Bought in the first half hour for the whole day: the morning never needed it. */
  upfront: (c) => {
    const { report, f } = c;
    const window = report.windowFrom;
    const early = f.orders.filter((o) => !o.rented && o.at < EARLY_TICKS);
    if (window <= EARLY_TICKS || early.length < 2) return null;
    const morning = peaks(c, 0, window);
    // More than twice what the morning asked for, held before the window opened.
    if (morning.cap < 2 * morning.demand || morning.demand === 0) return null;
    const util = report.series.teams[c.team]?.utilization ?? [];
    const ready = Math.min(...early.map((o) => o.at)) + DELIVERY_TICKS;
    const morningUtil = window > ready ? sum(util, ready, window) / (window - ready) : 0;
    const says = ["body"];
    if (f.earlyPower > 0) says.push("power");
    return body(says, {
      n: early.length, models: { models: models(early) }, price: { cents: early.reduce((s, o) => s + SERVER_MODELS[o.model].price, 0) },
      window: { tick: window }, morningPeak: morning.demand, morningCap: morning.cap, times: Math.trunc((morning.cap * 10) / morning.demand) / 10,
      util: { bp: Math.round(morningUtil) }, power: { cents: f.earlyPower },
    }, f.earlyPower);
  },
  /** Set up, then nothing: the round went on without the team, and requests were turned away. */
  "hands-off": (c) => {
    const { report, f } = c;
    const { last, n } = commandSpan(c);
    const spikeAt = report.spikeStart;
    if (n === 0 || spikeAt < 0 || report.windowFrom < 0 || last >= report.windowFrom) return null;
    const dropped = sum(report.series.teams[c.team]?.dropped ?? [], last + 1, report.ticks);
    if (dropped === 0) return null;
    const says = ["body"];
    if (f.hardwareWarnings > 0 && f.hardwareWarnedAt > last) says.push("warned");
    says.push("lost");
    return body(says, {
      last: { tick: last }, minutes: report.ticks - last - 1, at: { tick: spikeAt }, commands: n, dropped,
      warnedAt: { tick: Math.max(0, f.hardwareWarnedAt) }, cost: { cents: sum(f.lostCents, last + 1, report.ticks) },
    }, sum(f.lostCents, last + 1, report.ticks));
  },
  /** Nothing until the forecast window (or never): the morning's users were turned away. */
  "idle-start": (c) => {
    const { report, f } = c;
    const { first } = commandSpan(c);
    const from = report.windowFrom >= 0 ? report.windowFrom : report.ticks;
    if (first >= 0 && first < from) return null;
    const until = first < 0 ? report.ticks : first;
    const s = report.series.teams[c.team];
    const dropped = sum(s?.dropped ?? [], 0, until);
    if (dropped === 0) return null;
    const served = sum(s?.served ?? [], 0, until);
    const cost = sum(f.lostCents, 0, until);
    const card = body([first < 0 ? "never" : "late"], {
      first: { tick: Math.max(0, first) }, wait: until, dropped, served, share: { bp: bp(served, served + dropped) }, cost: { cents: cost },
    }, cost);
    return first < 0 ? { ...card, title: "title-never" } : card;
  },
  /** Servers bought once the spike had begun arrive 30 minutes later, into what is left of it. */
  "late-buy": ({ report, f }) => {
    const start = report.spikeStart;
    if (start < 0) return null;
    const late = f.orders.filter((o) => !o.rented && o.at >= start);
    if (late.length === 0) return null;
    const first = Math.min(...late.map((o) => o.at));
    const lost = late.reduce((s, o) => s + SERVER_MODELS[o.model].price - Math.trunc((SERVER_MODELS[o.model].price * RESALE_PCT) / 100), 0);
    const end = Math.min(report.ticks, report.spikeEnd);
    const left = Math.max(0, end - first - DELIVERY_TICKS);
    return body([left > 0 ? "body" : "body-over", "value"], {
      n: late.length, models: { models: models(late) }, first: { tick: first }, into: first - start, arrived: { tick: first + DELIVERY_TICKS },
      left, length: end - start, lost: { cents: lost }, resale: { pct: RESALE_PCT },
    }, lost);
  },
  /** One VM as big as its host, several apps in its one guest OS. */
  "giant-vm": ({ f }) => {
    const g = f.giantVm;
    if (!g) return null;
    return body(["body"], { vcpus: g.vcpus, cores: g.hostCpu / 1000, apps: { apps: g.apps }, n: g.apps.length }, null);
  },
};
