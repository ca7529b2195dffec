import { FixedWindowCounter } from './fixed-window-counter';

describe('FixedWindowCounter', () => {
  it('allows up to the limit per key and window, then refuses until the window ends', () => {
    let now = 1_000_000;
    const counter = new FixedWindowCounter(() => now);
    expect(counter.hit('a', 2, 60_000).allowed).toBe(true);
    expect(counter.hit('a', 2, 60_000).allowed).toBe(true);
    now += 15_000;
    expect(counter.hit('a', 2, 60_000)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(counter.hit('b', 2, 60_000).allowed).toBe(true);
    now += 45_000;
    expect(counter.hit('a', 2, 60_000).allowed).toBe(true);
  });

  it('weighs a batch as several hits and refuses the whole batch when it does not fit', () => {
    const counter = new FixedWindowCounter(() => 0);
    expect(counter.hit('k', 5, 1000, 4).allowed).toBe(true);
    expect(counter.hit('k', 5, 1000, 2).allowed).toBe(false);
    expect(counter.hit('k', 5, 1000, 1).allowed).toBe(true);
  });
});
