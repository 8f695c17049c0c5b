import { ArraySchema, type MapSchema, type Schema } from "@colyseus/schema";
import { LIMITS } from "../../shared/protocol/limits";
import type { BannerRow, DatacenterRow, FeedRow, List, RoundRow } from "../../shared/view/rows";
import type { MatchRows, Publisher, SessionRows } from "../session/ports";
import { BannerState, type ClassState, SeatState, TeamState } from "./schema/ClassState";
import {
  AppTrafficState, DatacenterState, FeedEntryState, InstanceState, ServerState, TeamFeedState, VmState,
} from "./schema/DatacenterState";

/*
 * The session's rows → the room's schema. Only fields whose value changed are written, and lists
 * are patched by id (append, remove) rather than rebuilt, so each patch carries what really moved.
 */

type Writable<S> = { -readonly [K in keyof S]: S[K] };

function set<S extends Schema, K extends keyof S>(target: S, key: K, value: S[K]): void {
  if (target[key] !== value) (target as Writable<S>)[key] = value;
}

/** Copies a row's plain fields (numbers, strings, booleans) onto its schema object. */
function assign<S extends Schema, R extends object>(target: S, row: R): void {
  for (const key of Object.keys(row) as (keyof R & keyof S)[]) {
    const v = row[key];
    if (typeof v !== "object") set(target, key, v as unknown as S[typeof key]);
  }
}

/** Replaces a list of strings or numbers only when it differs (ArraySchema cannot splice-insert). */
function setStrings<T extends string | number>(list: ArraySchema<T>, values: Iterable<T>): void {
  const next = [...values];
  if (list.length === next.length && next.every((v, i) => list[i] === v)) return;
  list.clear();
  list.push(...next);
}

/**
 * Brings `list` in line with `rows` by id: rows that went are removed, new rows are appended, and
 * the rest are updated in place. Readers nest the flat list by parent, so only the order within
 * each parent must match the engine's; a new row is last in its parent (a deploy, a new VM), which
 * appending keeps. A reorder within a parent (a VM that migrated) is rare: the list is rebuilt then.
 */
function syncById<S extends Schema & { id: string }, R extends { id: string }>(
  list: ArraySchema<S>, rows: List<R>, parentOf: (r: R) => string, make: () => S,
): void {
  let same = list.length === rows.length;
  for (let i = 0; same && i < rows.length; i++) same = list[i].id === rows[i].id;
  if (same) {
    for (let i = 0; i < rows.length; i++) assign(list[i], rows[i]);
    return;
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (let i = list.length - 1; i >= 0; i--) if (!byId.has(list[i].id)) list.splice(i, 1);
  const present = new Set(list.map((s) => s.id));
  for (const r of rows) {
    if (present.has(r.id)) continue;
    const s = make();
    s.id = r.id;
    list.push(s);
  }
  if (!sameOrderWithinParents(list, rows, byId, parentOf)) {
    list.clear();
    for (const r of rows) {
      const s = make();
      s.id = r.id;
      list.push(s);
    }
  }
  for (const s of list) assign(s, byId.get(s.id)!);
}

function sameOrderWithinParents<R extends { id: string }>(
  list: ArrayLike<{ id: string }>, rows: List<R>, byId: Map<string, R>, parentOf: (r: R) => string,
): boolean {
  const expected = new Map<string, string[]>();
  for (const r of rows) {
    const p = parentOf(r);
    let seq = expected.get(p);
    if (!seq) expected.set(p, (seq = []));
    seq.push(r.id);
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const id = list[i].id;
    const p = parentOf(byId.get(id)!);
    const k = seen.get(p) ?? 0;
    if (expected.get(p)![k] !== id) return false;
    seen.set(p, k + 1);
  }
  return true;
}

function writeDatacenter(dc: DatacenterState, row: DatacenterRow): void {
  set(dc, "team", row.team);
  set(dc, "cash", row.cash);
  syncById(dc.servers, row.servers, () => "", () => new ServerState());
  syncById(dc.vms, row.vms, (v) => v.server, () => new VmState());
  syncById(dc.instances, row.instances, (i) => i.host, () => new InstanceState());
  for (const [app, traffic] of row.traffic) {
    let tr = dc.traffic.get(app);
    if (!tr) dc.traffic.set(app, (tr = new AppTrafficState()));
    assign(tr, traffic);
  }
  assign(dc.ledger, row.ledger);
  set(dc, "revenue", row.revenue);
  set(dc, "power", row.power);
  set(dc, "rent", row.rent);
  set(dc, "penalties", row.penalties);
  set(dc, "fines", row.fines);
  set(dc, "capacityCpu", row.capacityCpu);
  set(dc, "reservedCpu", row.reservedCpu);
  set(dc, "usefulCpu", row.usefulCpu);
  set(dc, "osTaxCpu", row.osTaxCpu);
}

function writeRound(target: ClassState["round"], row: RoundRow): void {
  assign(target, row);
  setStrings(target.unlocks, row.unlocks);
  setStrings(target.apps, row.apps);
}

function writeMap(target: MapSchema<number>, values: ReadonlyMap<string, number>): void {
  for (const [k, v] of values) if (target.get(k) !== v) target.set(k, v);
}

/** Writes a Session's rows into a room's ClassState; `onSeatTeam` hears of seats that changed team. */
export class SchemaWriter implements Publisher {
  constructor(private readonly state: ClassState, private readonly onSeatTeam: (seat: number) => void) {
    for (let t = 0; t < LIMITS.maxTeams; t++) {
      const dc = new DatacenterState();
      dc.team = t;
      state.datacenters.push(dc);
      const feed = new TeamFeedState();
      feed.team = t;
      state.feeds.push(feed);
    }
  }

  session(rows: SessionRows): void {
    const st = this.state;
    set(st, "code", rows.code);
    set(st, "phase", rows.phase);
    set(st, "practice", rows.practice);
    set(st, "locked", rows.locked);
    set(st, "countdown", rows.countdown);
    assign(st.freeze, rows.freeze);
    setStrings(st.freeze.teams, rows.freeze.teams);
    setStrings(st.freeze.seats, rows.freeze.seats);
    assign(st.config, rows.config);
    setStrings(st.config.unlocks, rows.config.unlocks);
    while (st.teams.length > rows.teams.length) st.teams.pop();
    rows.teams.forEach((row, i) => {
      let t = st.teams[i];
      if (!t) st.teams.push((t = new TeamState()));
      assign(t, row);
    });
    const keep = new Set<string>();
    for (const row of rows.seats) {
      const key = String(row.seat);
      keep.add(key);
      let s = st.seats.get(key);
      const moved = !s || s.team !== row.team;
      if (!s) st.seats.set(key, (s = new SeatState()));
      assign(s, row);
      if (moved) this.onSeatTeam(row.seat);
    }
    for (const key of [...st.seats.keys()]) if (!keep.has(key)) st.seats.delete(key);
    if (rows.round) writeRound(st.round, rows.round);
  }

  match(rows: MatchRows): void {
    const st = this.state;
    set(st, "tick", rows.tick);
    writeMap(st.demand, rows.demand);
    rows.scores.forEach((score, i) => { if (st.teams[i]) assign(st.teams[i], score); });
    rows.datacenters.forEach((row, i) => writeDatacenter(st.datacenters[i], row));
  }

  feed(team: number, line: FeedRow): void {
    const feed = this.state.feeds[team];
    if (!feed) return;
    const entry = new FeedEntryState();
    assign(entry, line);
    feed.lines.push(entry);
    while (feed.lines.length > LIMITS.feedLength) feed.lines.shift();
  }

  banner(row: BannerRow): void {
    const s = new BannerState();
    assign(s, row);
    this.state.banners.push(s);
    while (this.state.banners.length > LIMITS.bannerLength) this.state.banners.shift();
  }

  clearLines(): void {
    this.state.banners.clear();
    for (const feed of this.state.feeds) feed.lines.clear();
  }
}
