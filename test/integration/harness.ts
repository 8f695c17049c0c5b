import { Client, type Room } from "colyseus.js";
import { matchMaker } from "@colyseus/core";
import { startApp, type AppOptions, type RunningApp } from "../../server/app";
import type { ClassRoom, RoomServices } from "../../server/rooms/ClassRoom";
import type { ClassState } from "../../server/rooms/schema/ClassState";
import type { DatacenterState, FeedEntryState, InstanceState, ServerState } from "../../server/rooms/schema/DatacenterState";
import type { RoundReport } from "../../shared/debrief/report";
import { JOIN_ERROR_CODE } from "../../shared/protocol/codes";
import {
  C2S, S2C, type ActivityMessage, type AppliedMessage, type BansMessage, type HostCommand, type KickedMessage, type LostMessage, type MovingMessage, type NoticeMessage,
  type RequestMessage, type RestartingMessage, type ResultMessage, type WelcomeMessage, type WireError,
} from "../../shared/protocol/messages";

// A refused join makes colyseus.js warn twice (the error, then the socket it closes); the tests
// expect those refusals, so the warnings would only bury real output.
const sdkWarn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const first = String(args[0] ?? "");
  if (/^(colyseus\.js - onError => \((4400|4002)\)|Room connection was closed unexpectedly \(4002\))/.test(first)) return;
  sdkWarn(...args);
};

/** What colyseus.js reported while decoding state patches ("refId" not found, …): a desync. */
export const decodeErrors: string[] = [];
const sdkError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const first = String(args[0] ?? "");
  if (/refId|@colyseus\/schema|decode/i.test(first)) decodeErrors.push(first.slice(0, 200));
  sdkError(...args);
};

/**
 * A real server on a port the system picks (port 0): Vitest runs files in parallel, and other
 * checkouts on the same machine run their suites at the same time.
 */
export async function boot(services?: RoomServices, options: Omit<AppOptions, "port" | "services"> = {}): Promise<RunningApp & { url: string }> {
  const app = await startApp({ ...options, port: 0, services });
  return { ...app, url: `http://localhost:${app.port}` };
}

export async function createSession(url: string, body: Record<string, unknown> = {}): Promise<{ code: string; hostSecret: string }> {
  const res = await fetch(`${url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create session: ${res.status}`);
  return (await res.json()) as { code: string; hostSecret: string };
}

export async function sessionStatus(url: string, code: string): Promise<{ code: string; status: string; phase?: string; practice?: boolean }> {
  const res = await fetch(`${url}/api/sessions/${encodeURIComponent(code)}`);
  return (await res.json()) as { code: string; status: string; phase?: string; practice?: boolean };
}

/**
 * The server-side room (tests run the server in-process): to shorten a round, or as the truth that
 * clients' views are compared with. Everything else goes through real clients.
 */
export function serverRoom(code: string): ClassRoom {
  const room = matchMaker.getLocalRoomById(code) as ClassRoom | undefined;
  if (!room) throw new Error(`no room ${code}`);
  return room;
}

/** A request unanswered this long fails the test (rather than the test timing out silently). */
const REQUEST_TIMEOUT_MS = 10_000;

/** A connected participant: the room, what the server said on join, and helpers to talk to it. */
export class Player {
  welcome!: WelcomeMessage;
  readonly results = new Map<number, ResultMessage>();
  readonly errors: { error: WireError; type?: string }[] = [];
  readonly notices: NoticeMessage[] = [];
  readonly kicked: KickedMessage[] = [];
  readonly debriefs: { reports: RoundReport[] }[] = [];
  readonly requests: RequestMessage[] = [];
  readonly restarting: RestartingMessage[] = [];
  readonly moving: MovingMessage[] = [];
  readonly lost: LostMessage[] = [];
  readonly bans: BansMessage[] = [];
  /** Who is idle (the teacher's reports). */
  readonly activity: ActivityMessage[] = [];
  /** Close code once the connection is gone (undefined while connected). */
  leftWith: number | undefined;
  private nextId = 1;
  private waiters: { id: number; resolve: (r: ResultMessage) => void }[] = [];
  private readonly applied = new Map<number, AppliedMessage>();

  constructor(readonly room: Room, readonly client: Client) {
    this.wire(room);
  }

  wire(room: Room): void {
    room.onMessage(S2C.welcome, (m: WelcomeMessage) => { this.welcome = m; });
    room.onMessage(S2C.result, (m: ResultMessage) => {
      this.results.set(m.id, m);
      // A result that only says "queued" is settled by the `applied` message that follows.
      if (m.ok && m.queued) return this.settle(m.id, this.applied.get(m.id));
      this.settle(m.id, m);
    });
    room.onMessage(S2C.applied, (m: AppliedMessage) => {
      this.applied.set(m.id, m);
      if (this.results.get(m.id)) this.settle(m.id, m);
    });
    room.onMessage(S2C.error, (m: { error: WireError; type?: string }) => { this.errors.push(m); });
    room.onMessage(S2C.notice, (m: NoticeMessage) => { this.notices.push(m); });
    room.onMessage(S2C.kicked, (m: KickedMessage) => { this.kicked.push(m); });
    room.onMessage(S2C.debrief, (m: { reports: RoundReport[] }) => { this.debriefs.push(m); });
    room.onMessage(S2C.history, () => {});
    room.onMessage(S2C.request, (m: RequestMessage) => { this.requests.push(m); });
    room.onMessage(S2C.restarting, (m: RestartingMessage) => { this.restarting.push(m); });
    room.onMessage(S2C.moving, (m: MovingMessage) => { this.moving.push(m); });
    room.onMessage(S2C.lost, (m: LostMessage) => { this.lost.push(m); });
    room.onMessage(S2C.bans, (m: BansMessage) => { this.bans.push(m); });
    room.onMessage(S2C.activity, (m: ActivityMessage) => { this.activity.push(m); });
    room.onLeave((code) => { this.leftWith = code; });
  }

  private settle(id: number, m: ResultMessage | AppliedMessage | undefined): void {
    if (!m) return;
    this.waiters = this.waiters.filter((w) => (w.id === id ? (w.resolve(m), false) : true));
  }

  get state(): ClassState {
    return this.room.state as ClassState;
  }

  get connected(): boolean {
    return this.leftWith === undefined && this.room.connection.isOpen;
  }

  /** The datacenter of `team` as this client sees it (a student sees only its own team's). */
  dc(team: number): DatacenterState | undefined {
    return this.state.datacenters?.find((d) => d.team === team);
  }

  /** The feed of `team` as this client sees it (only its own team's). */
  feed(team: number): FeedEntryState[] | undefined {
    const feed = this.state.feeds?.find((f) => f.team === team);
    return feed ? [...feed.lines] : undefined;
  }

  private request(type: string, payload: Record<string, unknown>): Promise<ResultMessage> {
    const id = this.nextId++;
    const done = new Promise<ResultMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no result for ${type} #${id} ${JSON.stringify(payload).slice(0, 120)}`)), REQUEST_TIMEOUT_MS);
      this.waiters.push({ id, resolve: (r) => (clearTimeout(timer), resolve(r)) });
    });
    this.room.send(type, { id, ...payload });
    return done;
  }

  command(command: unknown): Promise<ResultMessage> {
    return this.request(C2S.command, { command });
  }

  host(action: HostCommand | Record<string, unknown>): Promise<ResultMessage> {
    return this.request(C2S.host, { action });
  }

  chooseTeam(team: number): Promise<ResultMessage> {
    return this.request(C2S.chooseTeam, { team });
  }

  /** Sends without waiting (for floods and malformed messages). */
  send(type: string, message?: unknown): void {
    this.room.send(type, message);
  }

  /** Waits for the next protocol error (messages refused before any request id could be read). */
  nextError(): Promise<{ error: WireError; type?: string }> {
    const seen = this.errors.length;
    return waitFor(() => this.errors[seen]);
  }

  /** A dropped connection (no leave message): the socket dies under the client. */
  async drop(): Promise<void> {
    const transport = this.room.connection.transport as { ws?: { terminate?: () => void } };
    if (transport.ws?.terminate) transport.ws.terminate();
    else this.room.connection.close(4999, "dropped");
    await waitFor(() => this.leftWith !== undefined);
  }

  /** Takes the seat back with the reconnection token of the dropped connection. */
  async reconnect(): Promise<Player> {
    const room = await this.client.reconnect(this.room.reconnectionToken);
    const p = new Player(room, this.client);
    p.welcome = this.welcome;
    await waitFor(() => p.state.code);
    return p;
  }

  async leave(): Promise<void> {
    if (this.leftWith !== undefined || !this.room.connection.isOpen) return;
    await this.room.leave(true).catch(() => undefined);
  }
}

/**
 * Joins like colyseus.js in a browser. `from` is the address the client claims through
 * X-Forwarded-For: it counts only on a server booted with `trustProxy: "loopback"`, where it stands
 * for students (or an attacker) on other networks.
 */
export async function join(url: string, code: string, options: Record<string, unknown>, from?: string): Promise<Player> {
  const client = new Client(url.replace("http", "ws"), from ? { headers: { "x-forwarded-for": from } } : undefined);
  const room = await client.joinById(code, options);
  const p = new Player(room, client);
  await waitFor(() => p.welcome);
  await waitFor(() => (room.state as { code?: string }).code);
  return p;
}

/**
 * The error code of a refused join ("room_locked", …), from the ServerError the SDK throws;
 * `other:<code>:<message>` for errors that are not the room's (the SDK's 4212 "not found").
 */
export async function joinFails(url: string, code: string, options: Record<string, unknown>, from?: string): Promise<string> {
  try {
    const p = await join(url, code, options, from);
    await p.room.leave();
    return "joined";
  } catch (e) {
    const err = e as { code?: number; message?: string };
    if ((err.code === JOIN_ERROR_CODE || err.code === 429) && err.message?.startsWith("{")) return (JSON.parse(err.message) as { code: string }).code;
    return `other:${err.code}:${err.message}`;
  }
}

/**
 * Resolves as soon as `probe` holds. The time limit only decides how long a test that is already
 * failing takes to say so: it is generous, since CI runs beside other work on two cores.
 */
export async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting (${probe.toString().slice(0, 80)})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Paces a load (a request loop); never a way to wait for something to happen (use waitFor). */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Everyone a test file connected, so afterAll can close them all before the server. */
export class Cast {
  readonly players: Player[] = [];

  async join(url: string, code: string, options: Record<string, unknown>, from?: string): Promise<Player> {
    const p = await join(url, code, options, from);
    this.players.push(p);
    return p;
  }

  add(p: Player): Player {
    this.players.push(p);
    return p;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.players.map((p) => p.leave()));
  }
}

/** A session with its teacher connected. */
export async function hostSession(url: string, cast: Cast, body: Record<string, unknown> = {}): Promise<{ code: string; hostSecret: string; host: Player }> {
  const s = await createSession(url, body);
  const host = await cast.join(url, s.code, { hostSecret: s.hostSecret });
  return { ...s, host };
}

/** lobby → briefing → playing, waiting for each phase to reach `watcher`'s state. */
export async function startRound(host: Player, watchers: Player[] = []): Promise<void> {
  const phase = host.state.phase;
  if (phase === "lobby" || phase === "over") {
    expectOk(await host.host({ type: "start" }));
    await waitFor(() => host.state.phase === "briefing");
  }
  expectOk(await host.host({ type: "start" }));
  for (const p of [host, ...watchers]) await waitFor(() => p.state.phase === "playing");
}

/**
 * Puts a student in a team as a class would: a direct pick outside a round; mid-round the student
 * asks and the teacher approves.
 */
export async function takeTeam(p: Player, team: number, host: Player): Promise<void> {
  const r = expectOk(await p.chooseTeam(team));
  if (r.pending) expectOk(await host.host({ type: "approve", seat: p.welcome.seat }));
  await waitFor(() => host.state.seats.get(String(p.welcome.seat))?.team === team);
}

export function expectOk(r: ResultMessage): Extract<ResultMessage, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r;
}

export function errorCode(r: ResultMessage): string {
  return r.ok ? "ok" : r.error.code;
}

/** What a player can see of a datacenter's build-out (not money or load, which move every tick). */
export function layout(dc: DatacenterState | undefined): string {
  if (!dc) return "none";
  return JSON.stringify({
    servers: dc.servers.map((s: ServerState) => `${s.id}:${s.model}:${s.layer}:${s.failedUntil}`),
    vms: dc.vms.map((v) => `${v.id}@${v.server}`),
    instances: dc.instances.map((i) => `${i.id}:${i.app}@${i.host}`),
  });
}

/** Instances running on a server or VM (or, without `host`, anywhere in the datacenter). */
export function instancesOn(dc: DatacenterState | undefined, host?: string): InstanceState[] {
  return (dc?.instances ?? []).filter((i) => host === undefined || i.host === host);
}

/** The command lines of a team feed. */
export function commandFeed(lines: readonly FeedEntryState[] | undefined): { tick: number; seat: number; who: string; data: string }[] {
  return (lines ?? []).filter((f) => f.kind === "command").map((f) => ({ tick: f.tick, seat: f.seat, who: f.who, data: f.data }));
}

/** A team's feed as the server has it (the teacher's browser is not sent the feeds). */
export function serverFeed(code: string, team: number): FeedEntryState[] {
  return [...(serverRoom(code).state.feeds[team]?.lines ?? [])];
}

/**
 * A seat reservation as a script makes it: the matchmaking request alone, no socket opened after.
 * Returns the HTTP status and the body.
 */
export async function reserve(url: string, code: string, options: Record<string, unknown>, from?: string): Promise<{ status: number; body: { sessionId?: string; code?: number; error?: string } }> {
  const res = await fetch(`${url}/matchmake/joinById/${code}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(from ? { "x-forwarded-for": from } : {}) },
    body: JSON.stringify(options),
  });
  return { status: res.status, body: (await res.json()) as { sessionId?: string; code?: number; error?: string } };
}

/** waitFor for an asynchronous probe (an HTTP status, …). */
export async function waitUntil(probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await probe())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting (${probe.toString().slice(0, 80)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
