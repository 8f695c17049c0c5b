import { hostname } from "node:os";
import { matchMaker, type MatchMakerDriver, type Presence } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { Redis } from "ioredis";
import { RedisStore } from "rate-limit-redis";
import type { LimitCounters } from "../http/limits";
import { MemoryCodes, MemoryDrainList, type CodeRegistry, type DrainList } from "./coordination";
import { RedisCodes, RedisDrainList } from "./redis";

/**
 * How this process works with others. Alone (the default) everything is in memory and Colyseus
 * uses its local presence and driver. With REDIS_URL, Colyseus's RedisPresence and RedisDriver
 * share rooms between processes (any process answers matchmaking for any room, the browser then
 * connects to the process holding it at that process's PUBLIC_ADDRESS); room codes, the
 * per-address request limits and the list of stopping processes are kept in Redis.
 */
export interface ClusterServices {
  readonly mode: "single" | "redis";
  presence?: Presence;
  driver?: MatchMakerDriver;
  /** host[:port][/path] browsers reach this process at (Colyseus puts it in seat reservations). */
  publicAddress?: string;
  codes: CodeRegistry;
  draining: DrainList;
  /** Where the per-address request limits count: shared in Redis, so a limit holds whichever process answers. */
  counters: LimitCounters;
  /** Closes what this module opened itself (Colyseus shuts its presence and driver down). */
  close(): Promise<void>;
}

export function singleProcess(): ClusterServices {
  return { mode: "single", codes: new MemoryCodes(), draining: new MemoryDrainList(), counters: () => undefined, close: async () => {} };
}

export async function redisCluster(url: string, publicAddress: string): Promise<ClusterServices> {
  const redis = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: true });
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    redis.disconnect();
    throw new Error(`cannot reach Redis at ${url}: ${(e as Error).message}`);
  }
  return {
    mode: "redis",
    presence: new RedisPresence(url),
    driver: new RedisDriver(url),
    publicAddress,
    codes: new RedisCodes(redis, `${hostname()}:${process.pid}`),
    draining: new RedisDrainList(redis),
    // rate-limit-redis: express-rate-limit's own Redis store (atomic per-window counts by Lua script).
    counters: (name) => new RedisStore({
      prefix: `spikeday:limit:${name}:`,
      sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as never,
    }),
    close: async () => {
      if (redis.status === "end") return;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** REDIS_URL and PUBLIC_ADDRESS from the environment (both or neither). */
export async function clusterFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<ClusterServices> {
  const url = env.REDIS_URL || undefined;
  if (!url) return singleProcess();
  const publicAddress = env.PUBLIC_ADDRESS?.replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, "");
  if (!publicAddress) {
    // Without it the browser connects to whichever process the load balancer picks, which does not
    // hold the room: every cross-process join would fail with "seat reservation expired".
    throw new Error("REDIS_URL is set but PUBLIC_ADDRESS is not: give each process the host:port (or host/path behind a proxy) browsers reach it at");
  }
  return redisCluster(url, publicAddress);
}

/** How long this process counts a room it placed elsewhere before that process's own count shows it. */
const PLACED_MEMORY_MS = 3000;

/**
 * Where Colyseus creates a new room: the process with the fewest rooms (then clients) that is not
 * stopping. Processes publish their counts at most once a second, so rooms this process placed in
 * the last few seconds are added to the counts it reads; without that a burst of new sessions all
 * lands on whichever process looked emptiest at the start of it. `undefined` (no room can be
 * created) only when every process is stopping.
 */
export function roomPlacement(cluster: ClusterServices): () => Promise<string> {
  const placed: { processId: string; at: number }[] = [];
  return async () => {
    const now = Date.now();
    while (placed.length > 0 && now - placed[0].at > PLACED_MEMORY_MS) placed.shift();
    const recent = (id: string) => (id === matchMaker.processId ? 0 : placed.filter((p) => p.processId === id).length);
    const draining = await cluster.draining.all();
    const candidates = (await matchMaker.stats.fetchAll())
      .filter((p) => !draining.has(p.processId))
      .map((p) => ({ ...p, rooms: p.roomCount + recent(p.processId) }));
    candidates.sort((a, b) => a.rooms - b.rooms || a.ccu - b.ccu || a.processId.localeCompare(b.processId));
    const chosen = candidates[0]?.processId ?? (draining.has(matchMaker.processId) ? undefined : matchMaker.processId);
    if (chosen) placed.push({ processId: chosen, at: now });
    // Colyseus reports "no processId available to create room" for undefined.
    return chosen as string;
  };
}
