import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import { boundedMemo, quarterHourKey } from '../../common/time';

/**
 * Calendar arithmetic for points lots. "Month" always means the calendar month as seen in the
 * programme's IANA time zone, not the server's zone and not UTC.
 */

export interface CalendarMonth {
  year: number;
  /** 1–12 */
  month: number;
}

function assertValidInstant(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date');
}

/** Zones already checked: building an Intl.DateTimeFormat per call was a visible cost of every credit. */
const validTimeZones = new Set<string>();

/** fromZonedTime silently returns Invalid Date for an unknown zone; Intl throws a RangeError instead. */
function assertTimeZone(timeZone: string): void {
  if (validTimeZones.has(timeZone)) return;
  new Intl.DateTimeFormat('en-US', { timeZone });
  validTimeZones.add(timeZone);
}

// Memoised: a time-zone conversion costs far more than the rest of recording a sale's points.
const monthsByQuarterHour = boundedMemo<CalendarMonth>();
const startsOfMonth = boundedMemo<Date>();

/** The calendar month containing `instant` in `timeZone`. */
export function monthOf(instant: Date, timeZone: string): CalendarMonth {
  assertValidInstant(instant);
  assertTimeZone(timeZone);
  const month = monthsByQuarterHour(quarterHourKey(timeZone, instant), () => {
    const [year, month] = formatInTimeZone(instant, timeZone, 'yyyy-MM').split('-').map(Number);
    return { year, month };
  });
  return { ...month };
}

/**
 * The instant of local midnight on the 1st of the month in `timeZone`.
 * Months outside 1–12 roll over into neighbouring years (month 13 of 2024 is January 2025),
 * so callers can pass `month + n` directly.
 */
export function startOfLocalMonth(year: number, month: number, timeZone: string): Date {
  if (!Number.isInteger(year) || !Number.isInteger(month)) {
    throw new RangeError(`Invalid month: ${year}-${month}`);
  }
  assertTimeZone(timeZone);
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const wallClock = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01T00:00:00.000`;
  return new Date(startsOfMonth(`${timeZone}|${wallClock}`, () => fromZonedTime(wallClock, timeZone)).getTime());
}

/**
 * When a lot earned at `earnedAt` expires: the last millisecond (23:59:59.999 local) of the calendar
 * month `months` months after the month of earning, e.g. anything earned in January 2024 (Shanghai)
 * expires at the end of January 2026 (Shanghai). Whole months keep expiry runs to one per month.
 */
export function lotExpiresAt(earnedAt: Date, timeZone: string, months = 24): Date {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  const { year, month } = monthOf(earnedAt, timeZone);
  // Start of the month after the expiry month, minus 1 ms: avoids computing "last day of month" and DST.
  return new Date(startOfLocalMonth(year, month + months + 1, timeZone).getTime() - 1);
}

/**
 * The same UTC wall-clock time `months` calendar months later, the day clamped to the end of a shorter
 * month (2024-02-29 + 12 months → 2025-02-28; 01-31 + 1 month → 02-28/29). For anniversaries such as
 * a tier review date, where a month-end start must not spill into the following month.
 */
export function addCalendarMonths(instant: Date, months: number): Date {
  assertValidInstant(instant);
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  const targetIndex = instant.getUTCFullYear() * 12 + instant.getUTCMonth() + months;
  const year = Math.floor(targetIndex / 12);
  const monthIndex = targetIndex - year * 12; // 0-based
  const daysInTarget = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  const result = new Date(instant.getTime());
  // Set year, month and day together so an intermediate invalid date (Feb 31) cannot roll over.
  result.setUTCFullYear(year, monthIndex, Math.min(instant.getUTCDate(), daysInTarget));
  return result;
}
