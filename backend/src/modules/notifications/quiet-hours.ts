import { fromZonedTime, formatInTimeZone } from 'date-fns-tz';
import { addDaysToDate, localDate } from '../../common/time/calendar';
import { QuietHours } from '../programme/programme-rules';

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + (m || 0);
};

/** True when `instant` falls in the quiet hours (programme time), e.g. 21:00–08:00 across midnight. */
export function inQuietHours(instant: Date, quiet: QuietHours, timeZone: string): boolean {
  const now = minutesOf(formatInTimeZone(instant, timeZone, 'HH:mm'));
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * When a marketing message queued at `instant` may go out: at once outside quiet hours, otherwise
 * at the next end of the quiet hours (the next 08:00 programme time).
 */
export function releaseAfterQuietHours(instant: Date, quiet: QuietHours, timeZone: string): Date {
  if (!inQuietHours(instant, quiet, timeZone)) return instant;
  const today = localDate(instant, timeZone);
  const endToday = fromZonedTime(`${today}T${quiet.end}:00`, timeZone);
  if (endToday > instant) return endToday;
  return fromZonedTime(`${addDaysToDate(today, 1)}T${quiet.end}:00`, timeZone);
}
