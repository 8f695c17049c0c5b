import { RateLimiter } from "./RateLimiter";

/**
 * A token bucket per network address, for actions a script could repeat from one machine (new
 * seats in a room). Idle addresses are forgotten once their bucket would be full again, so the map
 * cannot grow without end under a flood of spoofed-looking addresses.
 */
export class AddressLimiter {
  private readonly buckets = new Map<string, { limiter: RateLimiter; last: number }>();

  constructor(private readonly perSecond: number, private readonly burst: number) {}

  /** Takes one token for `address`; returns 0 when allowed, else seconds until one is free. */
  take(address: string, now: number): number {
    this.prune(now);
    let b = this.buckets.get(address);
    if (!b) this.buckets.set(address, (b = { limiter: new RateLimiter(this.perSecond, this.burst, now), last: now }));
    b.last = now;
    if (b.limiter.take(now)) return 0;
    return Math.max(1, Math.ceil(1 / this.perSecond));
  }

  private prune(now: number): void {
    const full = (this.burst / this.perSecond) * 1000;
    for (const [address, b] of this.buckets) if (now - b.last > full) this.buckets.delete(address);
  }

  get size(): number {
    return this.buckets.size;
  }
}
