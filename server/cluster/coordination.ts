/**
 * What server processes must agree on, behind interfaces with two backings: this process's memory
 * (one process, the default) and Redis (REDIS_URL, any number of processes; see ./redis).
 */

/** Room codes: never handed out twice, and remembered once their session has ended. */
export interface CodeRegistry {
  /** True when the code was free on every process and is now this caller's. */
  claim(code: string): Promise<boolean>;
  release(code: string): Promise<void>;
  markEnded(code: string): Promise<void>;
  hasEnded(code: string): Promise<boolean>;
  /**
   * A short lock for rebuilding a session's room (the teacher's resume, a handover): of two
   * processes asked at once, one builds it. Expires by itself if its holder dies.
   */
  lockRebuild(code: string, ttlMs: number): Promise<boolean>;
  unlockRebuild(code: string): Promise<void>;
}

/** Processes that are stopping (rolling restart): they get no new rooms. */
export interface DrainList {
  add(processId: string): Promise<void>;
  remove(processId: string): Promise<void>;
  all(): Promise<Set<string>>;
}

const ENDED_MEMORY = 500;

export class MemoryCodes implements CodeRegistry {
  private readonly active = new Set<string>();
  private readonly ended = new Set<string>();
  private readonly rebuilding = new Map<string, number>();

  async claim(code: string): Promise<boolean> {
    if (this.active.has(code) || this.ended.has(code)) return false;
    this.active.add(code);
    return true;
  }

  async release(code: string): Promise<void> {
    this.active.delete(code);
  }

  async markEnded(code: string): Promise<void> {
    this.active.delete(code);
    this.ended.add(code);
    if (this.ended.size > ENDED_MEMORY) this.ended.delete(this.ended.values().next().value as string);
  }

  async hasEnded(code: string): Promise<boolean> {
    return this.ended.has(code);
  }

  async lockRebuild(code: string, ttlMs: number): Promise<boolean> {
    const until = this.rebuilding.get(code);
    if (until !== undefined && until > Date.now()) return false;
    this.rebuilding.set(code, Date.now() + ttlMs);
    return true;
  }

  async unlockRebuild(code: string): Promise<void> {
    this.rebuilding.delete(code);
  }
}

export class MemoryDrainList implements DrainList {
  private readonly ids = new Set<string>();

  async add(processId: string): Promise<void> {
    this.ids.add(processId);
  }

  async remove(processId: string): Promise<void> {
    this.ids.delete(processId);
  }

  async all(): Promise<Set<string>> {
    return new Set(this.ids);
  }
}
