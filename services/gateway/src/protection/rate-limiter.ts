/**
 * Token buckets by key (a user id, an address): up to `limit` requests at once, refilled at
 * `limit` per `windowMs`. Memory stays bounded: an idle bucket is full, which is the same as no
 * bucket, so the least recently used are dropped first once `maxKeys` is reached.
 */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  /** Insertion order is recency order: every hit moves its key to the end. */
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rate: RateLimit,
    private readonly maxKeys = 100_000,
  ) {}

  hit(key: string, now: number = Date.now()): RateVerdict {
    const perMs = this.rate.limit / this.rate.windowMs;
    const previous = this.buckets.get(key);
    const tokens = previous
      ? Math.min(this.rate.limit, previous.tokens + (now - previous.at) * perMs)
      : this.rate.limit;
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.ceil((1 - tokens) / perMs / 1000) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    this.evict(now);
    return { allowed: true };
  }

  get size(): number {
    return this.buckets.size;
  }

  private evict(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const idle = now - bucket.at >= this.rate.windowMs;
      if (!idle && this.buckets.size <= this.maxKeys) return;
      this.buckets.delete(key);
    }
  }
}
