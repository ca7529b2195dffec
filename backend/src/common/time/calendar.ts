import { formatInTimeZone, getTimezoneOffset } from 'date-fns-tz';
import { boundedMemo, quarterHourKey } from './memo';

const offsets = boundedMemo<number>();

/** The zone's UTC offset in minutes at an instant (+480 for Asia/Shanghai), memoised by quarter-hour: a conversion is costly and sits on every sale's path. */
export function utcOffsetMinutes(timeZone: string, instant: Date): number {
  return offsets(quarterHourKey(timeZone, instant), () => {
    const minutes = getTimezoneOffset(timeZone, instant) / 60_000;
    if (Number.isNaN(minutes)) throw new RangeError(`Unknown time zone: ${timeZone}`);
    return minutes;
  });
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return formatInTimeZone(instant, timeZone, 'yyyy-MM-dd');
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

const format = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A calendar date plus whole months, the day clamped to the month's end (01-31 + 1 month → 02-28). */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return format(year, month, Math.min(d, lastDay));
}

/** A calendar date plus whole days. */
export function addDaysToDate(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return format(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetweenDates(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}
