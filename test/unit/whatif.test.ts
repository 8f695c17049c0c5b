/**
 * The what-if: the team's own round up to a minute, then a reference strategy, in the same demand.
 * Handed over at the first minute it must be exactly what that strategy scores when it plays the
 * team in a real match; it is deterministic; and its card says what the numbers say.
 */
import { describe, expect, it } from "vitest";
import { cardText } from "../../shared/debrief/card";
import { teamCards } from "../../shared/debrief/cards";
import { teamDebriefJson } from "../../shared/debrief/json";
import { moneyTotal, moneyLines } from "../../shared/debrief/money";
import { defaultWhatIf, runWhatIf, stateAt, whatIf, whatIfBots, whatIfCard, whatIfSource } from "../../shared/debrief/whatif";
import { Replayer } from "../../shared/log/replay";
import { botRound, cmd, playRound } from "./support/rounds";

describe("what if", () => {
  it("handed over at the first minute, scores exactly what the strategy scores playing that team in a real match", () => {
    const { report } = botRound("exam-morning", ["idle", "vm-preprovision", "bare-metal"], 4);
    const real = botRound("exam-morning", ["containers-reactive", "vm-preprovision", "bare-metal"], 4).report;
    const w = whatIf(whatIfSource(report), { team: 0, from: 0, bot: "containers-reactive" });
    expect(w.result.score).toBe(real.results[0].score);
    expect(w.result.dropped).toBe(real.results[0].dropped);
    expect(w.series.served).toEqual(real.series.teams[0].served);
    expect(w.series.cash).toEqual(real.series.teams[0].cash);
  });

  it("keeps the team's own minutes before the handover and is the same every time", () => {
    const { log, report } = botRound("double-12", ["containers-autoscale", "vm-preprovision"], 6);
    const spec = { team: 0, from: 130, bot: "hybrid-isolate-payment" };
    const a = whatIf(whatIfSource(report), spec, report.series.teams[0]);
    // From a replayer's snapshot (the replay viewer's way) the answer is the same.
    const replayer = new Replayer(log);
    replayer.runToEnd();
    replayer.seek(spec.from);
    const b = runWhatIf(whatIfSource(report), spec, replayer.state, report.series.teams[0]);
    expect(b).toEqual(a);
    expect(a.series.served.slice(0, 130)).toEqual(report.series.teams[0].served.slice(0, 130));
    expect(a.series.served).toHaveLength(report.ticks);
    // The state at the handover is the round's own: same cash, same servers.
    const at = stateAt(whatIfSource(report), spec.from);
    expect(at.teams[0].cash).toBe(report.series.teams[0].cash[spec.from - 1]);
  });

  it("applies the teacher's incidents aimed at the team, and counts those that no longer fit", () => {
    const report = playRound({
      end: 80,
      steps: [
        cmd(0, { type: "installLayer", server: "s1", layer: "bare-linux" }), cmd(0, { type: "deploy", target: "s1", app: "web" }),
        { tick: 60, type: "incident", seat: 0, action: { type: "incident", kind: "hardware", team: 0, server: "s1" } },
        { tick: 61, type: "incident", seat: 0, action: { type: "incident", kind: "leak", team: 0, app: "web" } },
      ],
    });
    // From minute 10 the strategy runs the team; s1 is still there at 60, so the failure applies.
    const w = whatIf(whatIfSource(report), { team: 0, from: 10, bot: "containers-reactive" }, report.series.teams[0]);
    expect(w.skipped).toBe(0);
    expect(w.result.team).toBe(0);
    expect(moneyTotal(moneyLines(w.result, report.budget, { breachFines: 0, auditFines: 0 }))).toBe(w.result.score);
  });

  it("offers only the strategies the round's unlocks let play, and none when nothing can be installed", () => {
    expect(whatIfBots(["bare-linux", "bare-windows"], false)).toEqual(["one-app-per-server", "bare-metal"]);
    expect(whatIfBots(["bare-linux", "type1"], false)).toEqual(["vm-preprovision", "vm-consolidate", "one-app-per-server", "bare-metal"]);
    expect(whatIfBots(["bare-linux", "type1", "container-host"], true)).toContain("hybrid-isolate-payment");
    const report = playRound({ unlocks: [], end: 10, steps: [] });
    expect(defaultWhatIf(report, 0)).toBeNull();
  });

  it("defaults to the lesson's strategy (reactive containers from the forecast window, the others from the start), never the team's own bot", () => {
    const { report } = botRound("exam-morning", ["containers-reactive", "idle"], 2);
    expect(defaultWhatIf(report, 1)).toEqual({ team: 1, from: report.windowFrom, bot: "containers-reactive" });
    expect(defaultWhatIf(report, 0)).toEqual({ team: 0, from: 0, bot: "vm-consolidate" });
    const d12 = botRound("double-12", ["idle"], 2).report;
    expect(defaultWhatIf(d12, 0)).toEqual({ team: 0, from: 0, bot: "hybrid-isolate-payment" });
    const old = botRound("old-era", ["idle"], 2).report;
    expect(defaultWhatIf(old, 0)).toEqual({ team: 0, from: 0, bot: "one-app-per-server" });
  });

  it("says what the numbers say: more served and a better score for an idle team", () => {
    const { report } = botRound("exam-morning", ["idle"], 3);
    const spec = defaultWhatIf(report, 0)!;
    const w = whatIf(whatIfSource(report), spec, report.series.teams[0]);
    const card = whatIfCard(report, w);
    expect(card.says).toEqual(["intro", "served-more", "score-better"]);
    expect(card.params.served).toBe(report.results[0].dropped - w.result.dropped);
    expect(card.params.delta).toEqual({ cents: w.result.score - report.results[0].score });
    expect(teamCards(report, 0, card).map((c) => c.id).slice(0, 2)).toEqual(["spike", "what-if"]);
    const json = teamDebriefJson(report, 0, w);
    expect(json.cards.find((c) => c.id === "what-if")?.text).toMatch(/^Had reactive containers taken over your datacenter at 09:30, .* more requests/);
    const zh = cardText(card, { number: String, money: (c) => `$${c / 100}`, clock: String, app: String, model: String, bot: String, list: (x) => x.join("、") }, "zh-CN");
    expect(zh.body).toMatch(/^如果在 210 把数据中心交给 containers-reactive/);
  });
});
