import { Client, type Room } from "colyseus.js";
import { startApp, type RunningApp } from "../../server/app";
import type { RoomServices } from "../../server/rooms/ClassRoom";
import { JOIN_ERROR_CODE } from "../../shared/protocol/codes";
import { C2S, S2C, type ResultMessage, type WelcomeMessage, type HostCommand, type WireError } from "../../shared/protocol/messages";

/** A real server on its own port (Vitest runs files in parallel, each in its own process). */
export async function boot(port: number, services?: RoomServices): Promise<RunningApp & { url: string }> {
  const app = await startApp({ port, services });
  return { ...app, url: `http://localhost:${port}` };
}

export async function createSession(url: string, body: Record<string, unknown> = {}): Promise<{ code: string; hostSecret: string }> {
  const res = await fetch(`${url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create session: ${res.status}`);
  return (await res.json()) as { code: string; hostSecret: string };
}

/** A connected participant: the room, what the server said on join, and helpers to talk to it. */
export class Player {
  welcome!: WelcomeMessage;
  readonly results = new Map<number, ResultMessage>();
  readonly errors: { error: WireError; type?: string }[] = [];
  readonly notices: unknown[] = [];
  private nextId = 1;
  private waiters: { id: number; resolve: (r: ResultMessage) => void }[] = [];

  constructor(readonly room: Room, readonly client: Client) {
    this.wire(room);
  }

  wire(room: Room): void {
    room.onMessage(S2C.welcome, (m: WelcomeMessage) => { this.welcome = m; });
    room.onMessage(S2C.result, (m: ResultMessage) => {
      this.results.set(m.id, m);
      this.waiters = this.waiters.filter((w) => (w.id === m.id ? (w.resolve(m), false) : true));
    });
    room.onMessage(S2C.error, (m: { error: WireError; type?: string }) => { this.errors.push(m); });
    room.onMessage(S2C.notice, (m: unknown) => { this.notices.push(m); });
    for (const type of [S2C.history, S2C.debrief, S2C.kicked]) room.onMessage(type, () => {});
  }

  private request(type: string, payload: Record<string, unknown>): Promise<ResultMessage> {
    const id = this.nextId++;
    const done = new Promise<ResultMessage>((resolve) => this.waiters.push({ id, resolve }));
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

  /** Waits for the next protocol error (messages refused before any request id could be read). */
  nextError(): Promise<{ error: WireError; type?: string }> {
    const seen = this.errors.length;
    return waitFor(() => this.errors[seen]);
  }
}

export async function join(url: string, code: string, options: Record<string, unknown>): Promise<Player> {
  const client = new Client(url.replace("http", "ws"));
  const room = await client.joinById(code, options);
  const p = new Player(room, client);
  await waitFor(() => p.welcome);
  await waitFor(() => (room.state as { code?: string }).code);
  return p;
}

/** The error code of a refused join ("room_locked", …), from the ServerError the SDK throws. */
export async function joinFails(url: string, code: string, options: Record<string, unknown>): Promise<string> {
  try {
    const p = await join(url, code, options);
    await p.room.leave();
    return "joined";
  } catch (e) {
    const err = e as { code?: number; message?: string };
    if (err.code === JOIN_ERROR_CODE && err.message) return (JSON.parse(err.message) as { code: string }).code;
    return `other:${err.code}:${err.message}`;
  }
}

export async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting (${probe.toString().slice(0, 80)})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
