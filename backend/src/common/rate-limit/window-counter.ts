import { FixedWindowCounter, Hit } from './fixed-window-counter';

export type { Hit } from './fixed-window-counter';

/**
 * Where the rate limits are counted: fixed windows per key that start at the key's first hit and
 * last `windowMs`; a hit that would take the key over `limit` is refused and not counted.
 */
export interface WindowCounter {
  hit(key: string, limit: number, windowMs: number, weight?: number): Promise<Hit>;
  /** Called once at start-up: waits (boundedly) for the store to be reachable. */
  connect(): Promise<void>;
  /** Releases the store's connections. */
  close(): Promise<void>;
}

/** Counts in the memory of this process: each replica counts for itself. */
export class MemoryWindowCounter implements WindowCounter {
  private readonly counter: FixedWindowCounter;

  constructor(now?: () => number) {
    this.counter = new FixedWindowCounter(now);
  }

  hit(key: string, limit: number, windowMs: number, weight = 1): Promise<Hit> {
    return Promise.resolve(this.counter.hit(key, limit, windowMs, weight));
  }

  async connect(): Promise<void> {}

  async close(): Promise<void> {}
}
