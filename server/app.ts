import { createServer, type IncomingMessage, type Server as HttpServer } from "node:http";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import express from "express";
import proxyaddr from "proxy-addr";
import { Server, matchMaker } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { ClassRoom, type RoomServices } from "./rooms/ClassRoom";
import { ROOM_NAME, sessionRoutes } from "./http/sessions";
import { errorHandler, notFound } from "./http/errors";
import { matchmakeRoutes } from "./http/matchmake";
import { linkRoutes, parsePublicUrl, type Interfaces } from "./http/links";
import { compressApi, staticRoutes } from "./http/static";
import { DEFAULT_LIMITS, type HttpLimits, type TrustProxy } from "./config";
import { roomPlacement, singleProcess, type ClusterServices } from "./cluster/services";
import { drain } from "./cluster/drain";

// @colyseus/ws-transport's ESM build reads `WebSocket.Server`, which only ws's CommonJS entry
// attaches; loading that entry once makes the ESM import see it.
createRequire(import.meta.url)("ws");

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
  /** How this process shares rooms with others (default: alone, everything in memory). */
  cluster?: ClusterServices;
  /** Install SIGTERM/SIGINT handlers (the real server does; tests do not). */
  signals?: boolean;
  /** On SIGTERM, how long running rounds may go on before their rooms move (see cluster/drain.ts). */
  drainTimeoutMs?: number;
  /** Express's `trust proxy` (TRUST_PROXY): which X-Forwarded-For hops name the client's address. */
  trustProxy?: TrustProxy;
  /** Per-address request limits (defaults in server/config.ts). */
  limits?: Partial<HttpLimits>;
  /** PUBLIC_URL: the address students open, when it is not this machine's own (see http/links.ts). */
  publicUrl?: string;
  /** This machine's network interfaces (tests pass their own; default: the operating system's). */
  interfaces?: () => Interfaces;
}

export interface RunningApp {
  port: number;
  http: HttpServer;
  gameServer: Server;
  cluster: ClusterServices;
  close(): Promise<void>;
}

/** How often a clustered process looks for processes that stopped answering. */
const SWEEP_MS = 3000;

const DEFAULT_STATIC = fileURLToPath(new URL("../client/dist", import.meta.url));

export async function startApp(opts: AppOptions): Promise<RunningApp> {
  const cluster = opts.cluster ?? singleProcess();
  let draining = false;
  ClassRoom.services = { ...opts.services, codes: cluster.codes };
  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", opts.trustProxy ?? false);
  app.use(express.json({ limit: "4kb" }));
  app.use("/api", compressApi());

  const started = Date.now();
  app.get("/health", (_req, res) => {
    const rooms = matchMaker.stats.local;
    res.json({
      ok: true, rooms: rooms.roomCount, clients: rooms.ccu, uptimeS: Math.round((Date.now() - started) / 1000),
      process: matchMaker.processId, address: cluster.publicAddress ?? null, draining,
    });
  });

  app.use(matchmakeRoutes(limits.joinsPerMinute, cluster.counters));
  const sessionDeps = { store: opts.services?.store, codes: cluster.codes, counters: cluster.counters };
  app.use(linkRoutes({ publicUrl: parsePublicUrl(opts.publicUrl), publicAddress: cluster.publicAddress, interfaces: opts.interfaces }));
  app.use(sessionRoutes(sessionDeps, limits));

  const staticDir = opts.staticDir ?? (existsSync(DEFAULT_STATIC) ? DEFAULT_STATIC : undefined);
  if (staticDir) app.use(staticRoutes(staticDir));
  app.use(notFound);
  app.use(errorHandler);

  const http = createServer(app);
  const trust = app.get("trust proxy fn") as Parameters<typeof proxyaddr>[1];
  const gameServer = new Server({
    transport: new WebSocketTransport({
      server: http,
      maxPayload: 64 * 1024,
      // Colyseus hands rooms the address from X-Real-IP / X-Forwarded-For, whoever set them; the
      // address Express would trust (TRUST_PROXY) is written over them before it reads them.
      verifyClient: (info: { req: IncomingMessage }) => {
        info.req.headers["x-real-ip"] = proxyaddr(info.req, trust);
        return true;
      },
    }),
    greet: false,
    gracefullyShutdown: opts.signals ?? false,
    presence: cluster.presence,
    driver: cluster.driver,
    publicAddress: cluster.publicAddress,
    selectProcessIdToCreateRoom: roomPlacement(cluster),
  });
  // Colyseus put its own /matchmake handler in front of Express; matchmakeRoutes serves it instead.
  http.removeAllListeners("request");
  http.on("request", app);
  gameServer.define(ROOM_NAME, ClassRoom);
  // Stopping (SIGTERM, or close()): each room saves where it stands and tells its players the
  // server is restarting before Colyseus closes their sockets.
  // SIGTERM (a deploy, a rolling restart) drains first: no new rooms here, running rounds finish
  // or their classes move to another process. SIGINT and a crash stop at once.
  if (opts.signals) process.prependOnceListener("SIGTERM", () => { draining = true; });
  gameServer.onBeforeShutdown(async () => {
    if (draining) {
      console.log(`draining: no new rooms; classes move when their round ends (at most ${Math.round((opts.drainTimeoutMs ?? 0) / 1000)} s)`);
      await drain({ cluster, deps: sessionDeps, timeoutMs: opts.drainTimeoutMs ?? 0 });
    }
    await Promise.all([...ClassRoom.live].map((room) => room.stopForRestart()));
  });
  gameServer.onShutdown(async () => {
    await cluster.draining.remove(matchMaker.processId).catch(() => {});
    await cluster.close();
  });
  // Rooms are created by POST /api/sessions only; clients may join by code and reconnect.
  matchMaker.controller.exposedMethods = ["joinById", "reconnect"];
  await gameServer.listen(opts.port);
  // A process that died without saying so (kill -9, a lost machine) still lists its rooms; Colyseus's
  // health check removes them, so its sessions read as interrupted everywhere within seconds.
  const sweep = cluster.mode === "redis" ? setInterval(() => void matchMaker.healthCheckAllProcesses().catch(() => {}), SWEEP_MS) : null;
  sweep?.unref();
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  return {
    port,
    http,
    gameServer,
    cluster,
    close: async () => {
      if (sweep) clearInterval(sweep);
      await gameServer.gracefullyShutdown(false);
    },
  };
}
