import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` (SLA countdowns). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A duration as days/hours/minutes for the duration messages (screens.duration.*). */
export function splitDuration(ms: number): {
  key: 'days' | 'hours' | 'minutes';
  d: number;
  h: number;
  m: number;
} {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return { key: d > 0 ? 'days' : h > 0 ? 'hours' : 'minutes', d, h, m };
}
