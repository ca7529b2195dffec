/**
 * Dates and numbers as people in China write them: 2024-05-01 14:30 in the programme time zone
 * (the API speaks UTC), thousands separators, percentages with one decimal.
 */
export const PROGRAMME_TIME_ZONE = 'Asia/Shanghai';

const dateTimeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: PROGRAMME_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: Date): Record<string, string> {
  return Object.fromEntries(dateTimeParts.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** UTC instant → "2024-05-01 14:30" (programme time zone); empty for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(new Date(iso));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A calendar date (YYYY-MM-DD) or a UTC instant → "2024-05-01" (programme time zone). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const p = parts(new Date(value));
  return `${p.year}-${p.month}-${p.day}`;
}

const integerFormat = new Intl.NumberFormat('zh-CN');

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : integerFormat.format(n);
}

/** A fraction (0.253) → "25.3%"; empty for null. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return '';
  return `${(fraction * 100).toFixed(1)}%`;
}

/** Hours with one decimal ("3.5"); empty for null. */
export function formatHours(hours: number | null | undefined): string {
  return hours === null || hours === undefined ? '' : hours.toFixed(1);
}
