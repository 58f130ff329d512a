import { TokenBucket } from '../realtime/rate-limiter.js';

const MAX_TRACKED = 10_000;

/** Per-address token buckets for unauthenticated routes (visitor sessions). In memory, per node. */
export class AddressLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
  ) {}

  take(address: string): boolean {
    let bucket = this.buckets.get(address);
    if (!bucket) {
      if (this.buckets.size >= MAX_TRACKED) this.buckets.delete(this.buckets.keys().next().value!);
      bucket = new TokenBucket(this.perMinute / 60, this.burst);
      this.buckets.set(address, bucket);
    }
    return bucket.take();
  }
}
