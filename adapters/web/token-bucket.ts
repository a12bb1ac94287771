/** Per-key token buckets: `perMinute` requests a minute, refilled continuously, at most `perMinute` in a burst. */
export interface RateLimiter {
  /** Takes one token for `key`; answers how long to wait (seconds) when none is left. */
  take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Keys beyond this many are forgotten oldest-first, so a flood of new keys cannot grow memory without bound. */
const MAX_KEYS = 50_000;

export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;

  return {
    take(key) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: perMinute, updatedAt: time };
      buckets.delete(key);
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.updatedAt) * refillPerMs);
      bucket.updatedAt = time;
      buckets.set(key, bucket);
      if (buckets.size > MAX_KEYS) {
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      if (bucket.tokens < 1) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
      }
      bucket.tokens -= 1;
      return { allowed: true };
    },
  };
}
