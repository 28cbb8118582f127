// Per-caller rate limit: a token bucket per caller key, in this process's memory (each API
// process limits on its own). A bucket refills continuously; a request takes one token.
export interface RateLimitSettings {
  /** Sustained requests per minute per caller; 0 turns the limit off. */
  perMinute: number;
  /** Requests a caller may make at once before the sustained rate applies. */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { perMinute: 600, burst: 120 };

interface Bucket {
  tokens: number;
  at: number;
}

/** Past this many callers, full (idle) buckets are dropped: they carry no state worth keeping. */
const MAX_BUCKETS = 50_000;

export interface RateLimiter {
  /** Takes one token for the caller: null when allowed, else the seconds to wait. */
  take(key: string, now?: number): number | null;
}

export function createRateLimiter(settings: RateLimitSettings): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = settings.perMinute / 60_000;
  const refill = (bucket: Bucket, now: number) => {
    bucket.tokens = Math.min(settings.burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
  };
  const sweep = (now: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, now);
      if (bucket.tokens >= settings.burst) buckets.delete(key);
    }
  };
  return {
    take(key, now = Date.now()) {
      if (settings.perMinute <= 0) return null;
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= MAX_BUCKETS) sweep(now);
        bucket = { tokens: settings.burst, at: now };
        buckets.set(key, bucket);
      }
      refill(bucket, now);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return null;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    },
  };
}
