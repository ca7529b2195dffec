/** What a hit on a counter decided. */
export interface Hit {
  allowed: boolean;
  /** Seconds until the window of this key ends (when a refused client may try again). */
  retryAfterSeconds: number;
}

interface Window {
  count: number;
  endsAt: number;
}

/**
 * Counts hits per key in fixed windows, in memory: O(1) per hit and one entry per active key,
 * so huge limits (load tests) cost nothing. (A sliding log such as @nestjs/throttler's keeps one
 * timestamp per hit and filters it on every hit.) Each replica counts for itself.
 */
export class FixedWindowCounter {
  private readonly windows = new Map<string, Window>();
  private nextSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  hit(key: string, limit: number, windowMs: number, weight = 1): Hit {
    const now = this.now();
    this.sweep(now, windowMs);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
    if (window.count + weight > limit) return { allowed: false, retryAfterSeconds };
    window.count += weight;
    return { allowed: true, retryAfterSeconds };
  }

  /** Forgets ended windows, at most once per window length. */
  private sweep(now: number, windowMs: number) {
    if (now < this.nextSweep) return;
    this.nextSweep = now + windowMs;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
