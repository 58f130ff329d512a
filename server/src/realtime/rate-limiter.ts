/**
 * Rate limits for socket commands. Ours rather than @fastify/rate-limit: that one limits
 * HTTP requests by a key derived from the request, these count commands on long-lived sockets
 * and must answer synchronously before each command runs.
 */

/** `rate` events a second on average, bursts up to `burst`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }

  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Full again: forgetting it changes nothing (a new bucket starts full). */
  full(): boolean {
    this.refill();
    return this.tokens >= this.burst;
  }
}

/**
 * One bucket per key (a visitor, an agent), shared by every socket of that key on this node:
 * ten tabs get what one tab gets. Buckets that have refilled are dropped when the map grows,
 * so memory follows the keys active in the last few seconds.
 */
export class KeyedBuckets {
  private readonly buckets = new Map<string, TokenBucket>();
  private pruneAt = 1024;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.pruneAt) this.prune();
      bucket = new TokenBucket(this.rate, this.burst, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }

  private prune(): void {
    for (const [key, bucket] of this.buckets) if (bucket.full()) this.buckets.delete(key);
    this.pruneAt = Math.max(1024, this.buckets.size * 2);
  }
}

/**
 * Open sockets per key (a visitor token) on this node, with a cap. `add` and `release` are
 * synchronous, so sockets racing through the handshake cannot all pass under the cap.
 */
export class SocketCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly cap: number) {}

  /** Counts one more socket for the key; false (and nothing counted) at the cap. */
  add(key: string, force = false): boolean {
    const count = this.counts.get(key) ?? 0;
    if (count >= this.cap && !force) return false;
    this.counts.set(key, count + 1);
    return true;
  }

  release(key: string): void {
    const count = (this.counts.get(key) ?? 0) - 1;
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}
