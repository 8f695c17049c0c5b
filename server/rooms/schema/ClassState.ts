import { ArraySchema, MapSchema, Schema, type, view } from "@colyseus/schema";
import type { AppId, LayerKind } from "../../../shared/engine/data";
import type { Phase, Role } from "../../../shared/protocol/phases";
import type { ScenarioId } from "../../../shared/scenarios/types";
import type { BannerRow, ConfigRow, FreezeRow, RoomRow, RoundRow, SeatRow, TeamRow } from "../../../shared/view/rows";
import { DatacenterState, TeamFeedState } from "./DatacenterState";

export class SeatState extends Schema implements SeatRow {
  @type("number") seat = 0;
  @type("string") nickname = "";
  @type("string") role: Role = "student";
  /** -1 while the student has not picked a team. */
  @type("int8") team = -1;
  @type("boolean") connected = true;
  /** The team this student asked to join mid-round, waiting for the teacher (-1: not asking). */
  @type("int8") asks = -1;
  @type("boolean") asksTime = false;
}

/** What everyone may see of a team: the leaderboard line. */
export class TeamState extends Schema implements TeamRow {
  @type("uint8") index = 0;
  @type("string") name = "";
  /** Bot name when a bot plays this team, "" otherwise. */
  @type("string") bot = "";
  @type("number") score = 0;
  @type("number") cash = 0;
  /** Availability so far, basis points. */
  @type("number") availability = 10000;
  @type("number") demand = 0;
  @type("number") served = 0;
  @type("number") dropped = 0;
  @type("uint16") servers = 0;
  @type("uint16") instances = 0;
  @type("uint16") members = 0;
}

/** Settings for the next round (the host edits them in the lobby and between rounds). */
export class ConfigState extends Schema implements ConfigRow {
  @type("string") scenario: ScenarioId = "exam-morning";
  @type("number") budget = 0;
  @type("number") tickRate = 1;
  @type(["string"]) unlocks = new ArraySchema<LayerKind>();
  @type("number") trafficPct = 100;
  @type("boolean") scriptedIncidents = true;
  @type("number") maxStudents = 60;
  @type("boolean") countdown = true;
}

/** Who may keep building while the clock is frozen. */
export class FreezeState extends Schema implements FreezeRow {
  @type("boolean") everyone = true;
  @type(["uint8"]) teams = new ArraySchema<number>();
  @type(["number"]) seats = new ArraySchema<number>();
  @type("uint16") secondsLeft = 0;
}

/** The round being played: what the browser needs to rebuild the engine's world. */
export class RoundState extends Schema implements RoundRow {
  @type("uint16") number = 0;
  @type("string") scenario: ScenarioId | "" = "";
  @type("number") ticks = 0;
  @type("number") startMinute = 0;
  @type("number") budget = 0;
  @type("number") cashFloor = 0;
  @type(["string"]) unlocks = new ArraySchema<LayerKind>();
  @type(["string"]) apps = new ArraySchema<AppId>();
  @type("number") trafficPct = 100;
  @type("boolean") paymentIsolation = false;
  /** Machines can be rented by the minute this round. */
  @type("boolean") rent = false;
  @type("number") tickRate = 1;
}

export class BannerState extends Schema implements BannerRow {
  @type("number") tick = 0;
  /** -1 when it concerns every team. */
  @type("int8") team = -1;
  @type("string") kind = "";
  @type("string") app = "";
  @type("uint16") hit = 0;
  @type("number") cost = 0;
  @type("string") target = "";
  @type("number") at = 0;
}

export class ClassState extends Schema implements RoomRow {
  @type("string") code = "";
  @type("string") phase: Phase = "lobby";
  @type("boolean") practice = false;
  @type("boolean") locked = false;
  @type("number") tick = 0;
  @type("uint8") countdown = 0;
  @type(FreezeState) freeze = new FreezeState();
  @type(ConfigState) config = new ConfigState();
  @type(RoundState) round = new RoundState();
  @type({ map: "number" }) demand = new MapSchema<number>();
  @type({ map: SeatState }) seats = new MapSchema<SeatState>();
  @type([TeamState]) teams = new ArraySchema<TeamState>();
  @type([BannerState]) banners = new ArraySchema<BannerState>();
  /** Each datacenter in full, only for that team's members and the host. */
  @view() @type([DatacenterState]) datacenters = new ArraySchema<DatacenterState>();
  /** Each team's feed, only for that team's members (the teacher too in a practice room). */
  @view() @type([TeamFeedState]) feeds = new ArraySchema<TeamFeedState>();
}
