import { Redis } from "ioredis";
import type { CodeRegistry, DrainList } from "./coordination";

/**
 * The coordination interfaces kept in Redis, for several server processes. Keys are prefixed
 * `spikeday:`; Colyseus's own presence and driver keep theirs (`roomcaches`, `roomcount`, …).
 */

const PREFIX = "spikeday:";
/** A claimed or ended code is remembered this long; a stored session also keeps its code taken. */
const CODE_TTL_S = 30 * 24 * 3600;

export class RedisCodes implements CodeRegistry {
  constructor(private readonly redis: Redis, private readonly owner: string) {}

  async claim(code: string): Promise<boolean> {
    // SET NX is atomic: of two processes picking the same code at once, exactly one gets it.
    const ok = await this.redis.set(`${PREFIX}code:${code}`, this.owner, "EX", CODE_TTL_S, "NX");
    return ok === "OK";
  }

  async release(code: string): Promise<void> {
    await this.redis.del(`${PREFIX}code:${code}`);
  }

  async markEnded(code: string): Promise<void> {
    await this.redis.set(`${PREFIX}code:${code}`, "ended", "EX", CODE_TTL_S);
  }

  async hasEnded(code: string): Promise<boolean> {
    return (await this.redis.get(`${PREFIX}code:${code}`)) === "ended";
  }

  async lockRebuild(code: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(`${PREFIX}rebuild:${code}`, this.owner, "PX", ttlMs, "NX")) === "OK";
  }

  async unlockRebuild(code: string): Promise<void> {
    await this.redis.del(`${PREFIX}rebuild:${code}`);
  }
}

export class RedisDrainList implements DrainList {
  constructor(private readonly redis: Redis) {}

  async add(processId: string): Promise<void> {
    await this.redis.sadd(`${PREFIX}draining`, processId);
  }

  async remove(processId: string): Promise<void> {
    await this.redis.srem(`${PREFIX}draining`, processId);
  }

  async all(): Promise<Set<string>> {
    return new Set(await this.redis.smembers(`${PREFIX}draining`));
  }
}
