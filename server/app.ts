import { createServer, type Server as HttpServer } from "node:http";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import express from "express";
import { Server, matchMaker } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { ClassRoom, type ClassRoomOptions, type RoomServices } from "./rooms/ClassRoom";
import { claimCode, hasEnded, releaseCode } from "./session/registry";
import { hashSecret, newRoomCode, newSecret } from "./session/secrets";
import { normalizeNickname } from "./session/nickname";
import { RateLimiter } from "./session/RateLimiter";

// @colyseus/ws-transport's ESM build reads `WebSocket.Server`, which only ws's CommonJS entry
// attaches; loading that entry once makes the ESM import see it.
createRequire(import.meta.url)("ws");

export const ROOM_NAME = "class";

// One tick's patch is encoded into one buffer, once per client (each has its own view), so it
// grows with the class: 110 KB when 60 students each buy a server in the same tick, 1.4 MB when
// 200 buy two. @colyseus/schema 3.0.76 cannot grow that buffer safely while views are in use (it
// re-encodes into a new buffer but the callers keep slicing the old one), so every client's state
// would be corrupted; it must never have to grow. Pages are only committed once written.
Encoder.BUFFER_SIZE = 4 * 1024 * 1024;

export interface AppOptions {
  port: number;
  /** Built client to serve (client/dist); omitted in server-only tests. */
  staticDir?: string;
  services?: RoomServices;
  /** Install SIGTERM/SIGINT handlers (the real server does; tests do not). */
  signals?: boolean;
}

export interface RunningApp {
  port: number;
  http: HttpServer;
  gameServer: Server;
  close(): Promise<void>;
}

const DEFAULT_STATIC = fileURLToPath(new URL("../client/dist", import.meta.url));

/** Creates a class room with a fresh code and host secret; only the server does this. */
export async function createSession(practice: boolean, hostNickname?: string): Promise<{ code: string; hostSecret: string }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = newRoomCode();
    if (!claimCode(code)) continue;
    const hostSecret = newSecret();
    const options: ClassRoomOptions = { code, hostSecretHash: hashSecret(hostSecret), practice, hostNickname };
    try {
      const room = await matchMaker.createRoom(ROOM_NAME, options);
      if (room.roomId !== code) throw new Error("room code not applied");
      return { code, hostSecret };
    } catch (e) {
      releaseCode(code);
      throw e;
    }
  }
  throw new Error("no free room code");
}

function sessionStatus(code: string): { code: string; status: string; phase?: string; practice?: boolean } {
  const room = matchMaker.getLocalRoomById(code) as ClassRoom | undefined;
  if (room) {
    const st = room.state;
    const status = st.phase === "ended" ? "ended" : st.locked ? "locked" : room.roster.studentCount() >= st.config.maxStudents ? "full" : "open";
    return { code, status, phase: st.phase, practice: st.practice };
  }
  return { code, status: hasEnded(code) ? "ended" : "unknown" };
}

export async function startApp(opts: AppOptions): Promise<RunningApp> {
  ClassRoom.services = opts.services ?? {};
  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "4kb" }));

  const started = Date.now();
  app.get("/health", (_req, res) => {
    const rooms = matchMaker.stats.local;
    res.json({ ok: true, rooms: rooms.roomCount, clients: rooms.ccu, uptimeS: Math.round((Date.now() - started) / 1000) });
  });

  // Creating rooms is rationed per address: a class needs one, a script wants thousands.
  const creators = new Map<string, RateLimiter>();
  app.post("/api/sessions", async (req, res) => {
    const ip = req.ip ?? "?";
    let limiter = creators.get(ip);
    if (!limiter) creators.set(ip, (limiter = new RateLimiter(20 / 60, 20, Date.now())));
    if (!limiter.take(Date.now())) return void res.status(429).json({ error: { code: "too_many_sessions", params: {} } });
    const practice = req.body?.practice === true;
    const nickname = req.body?.nickname === undefined ? undefined : normalizeNickname(req.body.nickname);
    if (nickname === null) return void res.status(400).json({ error: { code: "nickname_invalid", params: {} } });
    try {
      res.status(201).json(await createSession(practice, nickname));
    } catch (e) {
      console.error("create session failed", e);
      res.status(500).json({ error: { code: "bad_options", params: {} } });
    }
  });
  app.get("/api/sessions/:code", (req, res) => {
    const code = String(req.params.code).toUpperCase().slice(0, 12);
    res.json(sessionStatus(code));
  });

  const staticDir = opts.staticDir ?? (existsSync(DEFAULT_STATIC) ? DEFAULT_STATIC : undefined);
  if (staticDir) {
    app.use(express.static(staticDir, { index: "index.html", maxAge: "1h" }));
    // Deep links (/join/CODE, /replay/ID, /host) are client routes.
    app.get(/^\/(join|replay|host|practice|play)(\/.*)?$/, (_req, res) => res.sendFile("index.html", { root: staticDir }));
  }

  const http = createServer(app);
  const gameServer = new Server({
    transport: new WebSocketTransport({ server: http, maxPayload: 64 * 1024 }),
    greet: false,
    gracefullyShutdown: opts.signals ?? false,
  });
  gameServer.define(ROOM_NAME, ClassRoom);
  // Rooms are created by POST /api/sessions only; clients may join by code and reconnect.
  matchMaker.controller.exposedMethods = ["joinById", "reconnect"];
  await gameServer.listen(opts.port);
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  return {
    port,
    http,
    gameServer,
    close: async () => {
      await gameServer.gracefullyShutdown(false);
    },
  };
}
