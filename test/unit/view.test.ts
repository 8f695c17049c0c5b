import { describe, expect, it } from "vitest";
import { Encoder } from "@colyseus/schema";
import { applyCommand, teamResult, type MatchState } from "../../shared/engine";
import { Replayer } from "../../shared/log/replay";
import { parseLog } from "../../shared/log/parse";
import { datacenterRow } from "../../shared/view/datacenter";
import { teamScoreRow } from "../../shared/view/leaderboard";
import { historyFor } from "../../shared/view/history";
import { LOAD_STEP_PCT, BUSY_CPU_STEP } from "../../shared/view/quantize";
import { roomFromMatch } from "../../shared/view/replay";
import type { DatacenterRow } from "../../shared/view/rows";
import { ClassState } from "../../server/rooms/schema/ClassState";
import { SchemaWriter } from "../../server/rooms/writer";
import { matchRows } from "../../server/session/snapshot";
import { readFileSync } from "node:fs";

/** The exam-morning golden match at `tick`: a few servers, VMs and containers per team. */
function goldenAt(tick: number): { state: MatchState; replayer: Replayer } {
  const parsed = parseLog(readFileSync(new URL("../golden/exam-morning.json", import.meta.url), "utf8"));
  if (!parsed.ok) throw new Error("golden log unreadable");
  const replayer = new Replayer(parsed.log, tick);
  replayer.runToEnd();
  return { state: replayer.state, replayer };
}

/** The engine's tree, rebuilt from flat rows by nesting them in list order. */
function nest(dc: Pick<DatacenterRow, "servers" | "vms" | "instances">): string[] {
  return [...dc.servers].map((s) => `${s.id}[${[...dc.instances].filter((i) => i.host === s.id).map((i) => i.id).join(",")}]{${[...dc.vms]
    .filter((v) => v.server === s.id).map((v) => `${v.id}(${[...dc.instances].filter((i) => i.host === v.id).map((i) => i.id).join(",")})`).join(",")}}`);
}

function engineTree(state: MatchState, team: number): string[] {
  return state.teams[team].servers.map((s) => `${s.id}[${s.instances.map((i) => i.id).join(",")}]{${s.vms.map((v) => `${v.id}(${v.instances.map((i) => i.id).join(",")})`).join(",")}}`);
}

describe("the view model (shared/view)", () => {
  const { state } = goldenAt(300);

  it("flattens a datacenter with every row naming its parent, load and busy CPU in coarse steps", () => {
    for (let t = 0; t < state.teams.length; t++) {
      const dc = datacenterRow(state, t);
      expect(nest(dc)).toEqual(engineTree(state, t));
      for (const i of dc.instances) expect(i.load % LOAD_STEP_PCT).toBe(0);
      for (const s of dc.servers) expect(s.busyCpu % BUSY_CPU_STEP).toBe(0);
      expect([...dc.traffic.keys()]).toEqual(state.world.apps);
    }
    expect(state.teams.some((team) => team.servers.some((s) => s.vms.length > 0))).toBe(true);
  });

  it("takes score and availability from the engine's results, and the leaderboard's totals from its last tick", () => {
    for (const team of state.teams) {
      const row = teamScoreRow(team);
      const r = teamResult(team);
      expect({ score: row.score, availability: row.availability }).toEqual({ score: r.score, availability: r.availability });
      expect({ demand: row.demand, served: row.served, dropped: row.dropped }).toEqual({ demand: team.last.demand, served: team.last.served, dropped: team.last.dropped });
    }
  });

  it("gives the replay the same rows the live room syncs", () => {
    const room = roomFromMatch(state, { room: "R", round: 1, roster: [], bots: [], over: false });
    const live = matchRows(state);
    expect(room.datacenters).toEqual(live.datacenters);
    expect([...room.teams].map((t) => t.score)).toEqual(live.scores.map((s) => s.score));
    expect(room.tick).toBe(state.tick);
  });

  it("sends the history with the minute of every point", () => {
    const { replayer } = goldenAt(120);
    const h = historyFor(1, 120, replayer.series, 2);
    expect(h.minutes).toHaveLength(120);
    expect(h.minutes[119]).toBe(119);
    expect(h.series.teams[2].served).toHaveLength(120);
    expect(h.series.teams[0].served).toHaveLength(0);
  });
});

describe("the schema writer", () => {
  it("appends a new instance on an earlier host instead of rebuilding the list, keeping each host's order", () => {
    const { state } = goldenAt(300);
    const schema = new ClassState();
    const writer = new SchemaWriter(schema, () => {});
    writer.match(matchRows(state));
    const encoder = new Encoder(schema);
    encoder.discardChanges();
    const team = state.teams.findIndex((t) => t.servers.some((s) => s.layer === "container-host" && s !== t.servers.at(-1)));
    expect(team).toBeGreaterThanOrEqual(0);
    const dc = schema.datacenters[team];
    const before = [...dc.instances];
    const host = state.teams[team].servers.find((s) => s.layer === "container-host")!;
    const r = applyCommand(state, team, { type: "deploy", target: host.id, app: "web", cpu: 500 });
    expect(r.ok).toBe(true);
    writer.match(matchRows(state));
    // The rows already there are the same objects, in the same places; the new one is last.
    expect([...dc.instances].slice(0, before.length)).toEqual(before);
    expect(dc.instances.length).toBe(before.length + 1);
    expect(nest(dc)).toEqual(engineTree(state, team));
  });
});
