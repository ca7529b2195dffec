import { PROGRAMME_TIME_ZONE } from '../../format/date';

/**
 * Report periods are picked as calendar days in the programme time zone (China has no daylight
 * saving, so +08:00 all year) and sent as the half-open UTC range [first day 00:00, day after last 00:00).
 */
const OFFSET = '+08:00';
const DAY_MS = 24 * 60 * 60 * 1000;

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: PROGRAMME_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in the programme time zone, "YYYY-MM-DD". */
export function today(): string {
  return dayFormat.format(new Date());
}

/** The calendar date `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return dayFormat.format(new Date(new Date(`${day}T12:00:00${OFFSET}`).getTime() + days * DAY_MS));
}

/** Start of a calendar day as a UTC instant. */
export function dayStart(day: string): string {
  return new Date(`${day}T00:00:00${OFFSET}`).toISOString();
}

export interface Period {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

/** The last `days` days up to and including today. */
export function lastDays(days: number): Period {
  const to = today();
  return { from: addDays(to, -(days - 1)), to };
}

/** The API's [from, to) range for a period of whole days. */
export function periodRange(period: Period): { from: string; to: string } {
  return { from: dayStart(period.from), to: dayStart(addDays(period.to, 1)) };
}

/**
 * Daily rows over every day of a period, zeros where the API reported nothing, so a chart's axis
 * runs evenly through quiet days.
 */
export function everyDay<T extends { date: string }>(period: Period, rows: T[], zero: Omit<T, 'date'>): T[] {
  const byDate = new Map(rows.map((r) => [r.date, r]));
  const days: T[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    days.push(byDate.get(day) ?? ({ ...zero, date: day } as T));
  }
  return days;
}

/** A local date-time input value ("2024-05-01T09:30", programme time zone) → UTC instant. */
export function localDateTimeToIso(value: string): string | null {
  if (!value) return null;
  const instant = new Date(`${value}:00${OFFSET}`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** UTC instant → a local date-time input value in the programme time zone. */
export function isoToLocalDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const shifted = new Date(new Date(iso).getTime() + 8 * 60 * 60 * 1000);
  return shifted.toISOString().slice(0, 16);
}
