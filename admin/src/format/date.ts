/**
 * Dates as people in China write them, in the programme time zone (the API speaks UTC):
 * `2026-11-22 14:05` for instants; business dates (`YYYY-MM-DD`) are shown as they are.
 */
export const PROGRAMME_TIME_ZONE = 'Asia/Shanghai';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: PROGRAMME_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The programme-time parts of an instant; null for a value that is not one. */
function localParts(value: string | Date): Record<string, string> | null {
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  return Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** `2026-11-22T06:05:00Z` → `2026-11-22 14:05`; null/undefined/invalid → "". */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const p = localParts(value);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '';
}

/** A business date stays `YYYY-MM-DD`; an instant shows its programme-time date; anything else is not shown. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const p = localParts(value);
  return p ? `${p.year}-${p.month}-${p.day}` : '';
}
