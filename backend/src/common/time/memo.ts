/**
 * Every time zone's UTC offset is a whole number of quarter-hours, so offset changes and local
 * midnights (month starts) fall on quarter-hour boundaries: anything that depends only on the
 * local offset or calendar is the same throughout one quarter-hour.
 */
const QUARTER_HOUR_MS = 15 * 60_000;

/** The memo key of an instant in a zone, for answers constant within a quarter-hour. */
export function quarterHourKey(timeZone: string, instant: Date): string {
  return `${timeZone}|${Math.floor(instant.getTime() / QUARTER_HOUR_MS)}`;
}

/**
 * A memo for time-zone conversions (costly, and on every sale's path): `remember(key, compute)`
 * answers the value stored under `key`, computing it once. Emptied when it reaches `limit` entries.
 */
export function boundedMemo<V>(limit = 50_000): (key: string, compute: () => V) => V {
  const values = new Map<string, V>();
  return (key, compute) => {
    let value = values.get(key);
    if (value === undefined) {
      value = compute();
      if (values.size >= limit) values.clear();
      values.set(key, value);
    }
    return value;
  };
}
