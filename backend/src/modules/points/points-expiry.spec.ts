import { formatInTimeZone } from 'date-fns-tz';
import { addCalendarMonths, lotExpiresAt, monthOf, startOfLocalMonth } from './points-expiry';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';
const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('monthOf', () => {
  it('reads the calendar month in the given zone', () => {
    expect(monthOf(at('2024-01-31T17:00:00Z'), SHANGHAI)).toEqual({ year: 2024, month: 2 });
    expect(monthOf(at('2024-01-31T17:00:00Z'), 'UTC')).toEqual({ year: 2024, month: 1 });
    expect(monthOf(at('2024-02-01T03:00:00Z'), NEW_YORK)).toEqual({ year: 2024, month: 1 });
    expect(monthOf(at('2023-12-31T16:00:00Z'), SHANGHAI)).toEqual({ year: 2024, month: 1 });
  });

  it('switches exactly at local midnight', () => {
    expect(monthOf(at('2024-02-29T15:59:59.999Z'), SHANGHAI)).toEqual({ year: 2024, month: 2 });
    expect(monthOf(at('2024-02-29T16:00:00.000Z'), SHANGHAI)).toEqual({ year: 2024, month: 3 });
    expect(monthOf(at('2024-02-01T04:59:59.999Z'), NEW_YORK)).toEqual({ year: 2024, month: 1 }); // EST
    expect(monthOf(at('2024-02-01T05:00:00.000Z'), NEW_YORK)).toEqual({ year: 2024, month: 2 });
    expect(monthOf(at('2024-07-01T03:59:59.999Z'), NEW_YORK)).toEqual({ year: 2024, month: 6 }); // EDT
    expect(monthOf(at('2024-07-01T04:00:00.000Z'), NEW_YORK)).toEqual({ year: 2024, month: 7 });
  });

  it('rejects invalid dates and zones', () => {
    expect(() => monthOf(new Date(NaN), SHANGHAI)).toThrow(RangeError);
    expect(() => monthOf(at('2024-01-01T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('monthOf, memoised by quarter-hour', () => {
  it.each(['Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'UTC'])(
    'agrees with a fresh conversion minute by minute across a month boundary in %s, asked twice',
    (zone) => {
      const boundary = startOfLocalMonth(2026, 12, zone).getTime();
      for (let pass = 0; pass < 2; pass++) {
        for (let ms = boundary - 40 * 60_000; ms <= boundary + 40 * 60_000; ms += 60_000 + 1) {
          const [year, month] = formatInTimeZone(new Date(ms), zone, 'yyyy-MM').split('-').map(Number);
          expect(monthOf(new Date(ms), zone)).toEqual({ year, month });
        }
      }
    },
  );

  it('hands out copies: changing an answer does not change the next one', () => {
    const first = monthOf(new Date('2026-11-22T04:00:00Z'), 'Asia/Shanghai');
    first.month = 1;
    expect(monthOf(new Date('2026-11-22T04:00:00Z'), 'Asia/Shanghai')).toEqual({ year: 2026, month: 11 });
    const start = startOfLocalMonth(2026, 11, 'Asia/Shanghai');
    start.setTime(0);
    expect(startOfLocalMonth(2026, 11, 'Asia/Shanghai').toISOString()).toBe('2026-10-31T16:00:00.000Z');
  });
});

describe('startOfLocalMonth', () => {
  it('is local midnight on the 1st', () => {
    expect(iso(startOfLocalMonth(2024, 2, SHANGHAI))).toBe('2024-01-31T16:00:00.000Z');
    expect(iso(startOfLocalMonth(2024, 2, 'UTC'))).toBe('2024-02-01T00:00:00.000Z');
    expect(iso(startOfLocalMonth(2024, 1, NEW_YORK))).toBe('2024-01-01T05:00:00.000Z'); // EST
    expect(iso(startOfLocalMonth(2024, 4, NEW_YORK))).toBe('2024-04-01T04:00:00.000Z'); // EDT
  });

  it('rolls months outside 1–12 into neighbouring years', () => {
    expect(iso(startOfLocalMonth(2024, 13, 'UTC'))).toBe('2025-01-01T00:00:00.000Z');
    expect(iso(startOfLocalMonth(2024, 0, 'UTC'))).toBe('2023-12-01T00:00:00.000Z');
    expect(iso(startOfLocalMonth(2024, 27, SHANGHAI))).toBe('2026-02-28T16:00:00.000Z');
  });

  it('rejects invalid input', () => {
    expect(() => startOfLocalMonth(2024, 1.5, 'UTC')).toThrow(RangeError);
    expect(() => startOfLocalMonth(2024, 1, 'Not/AZone')).toThrow(RangeError);
  });
});

describe('lotExpiresAt', () => {
  it('expires at the end of the local month 24 months later', () => {
    const expires = lotExpiresAt(at('2024-01-15T10:00:00Z'), SHANGHAI);
    expect(iso(expires)).toBe('2026-01-31T15:59:59.999Z'); // 2026-01-31 23:59:59.999 +08:00
  });

  it('uses the local month of earning, not the UTC one', () => {
    // 2024-02-01 01:00 in Shanghai, still January in UTC.
    expect(iso(lotExpiresAt(at('2024-01-31T17:00:00Z'), SHANGHAI))).toBe('2026-02-28T15:59:59.999Z');
    expect(iso(lotExpiresAt(at('2024-01-31T17:00:00Z'), 'UTC'))).toBe('2026-01-31T23:59:59.999Z');
    // 2024-01-31 22:00 in New York, already February in UTC.
    expect(iso(lotExpiresAt(at('2024-02-01T03:00:00Z'), NEW_YORK))).toBe('2026-02-01T04:59:59.999Z');
  });

  it('handles leap years', () => {
    expect(iso(lotExpiresAt(at('2022-02-10T00:00:00Z'), SHANGHAI))).toBe('2024-02-29T15:59:59.999Z');
    expect(iso(lotExpiresAt(at('2022-02-28T23:00:00Z'), 'UTC'))).toBe('2024-02-29T23:59:59.999Z');
    expect(iso(lotExpiresAt(at('2024-02-29T12:00:00Z'), 'UTC'))).toBe('2026-02-28T23:59:59.999Z');
  });

  it('handles year boundaries and the instants around local midnight', () => {
    // 2023-12-31 23:59:59.999 in Shanghai → December lot.
    expect(iso(lotExpiresAt(at('2023-12-31T15:59:59.999Z'), SHANGHAI))).toBe('2025-12-31T15:59:59.999Z');
    // 2024-01-01 00:00:00.000 in Shanghai → January lot.
    expect(iso(lotExpiresAt(at('2023-12-31T16:00:00.000Z'), SHANGHAI))).toBe('2026-01-31T15:59:59.999Z');
    expect(iso(lotExpiresAt(at('2023-12-31T23:59:59.999Z'), 'UTC'))).toBe('2025-12-31T23:59:59.999Z');
    expect(iso(lotExpiresAt(at('2024-01-01T00:00:00.000Z'), 'UTC'))).toBe('2026-01-31T23:59:59.999Z');
    expect(iso(lotExpiresAt(at('2024-01-01T04:59:59.999Z'), NEW_YORK))).toBe('2026-01-01T04:59:59.999Z'); // 2025-12-31 23:59:59.999 EST
    expect(iso(lotExpiresAt(at('2024-01-01T05:00:00.000Z'), NEW_YORK))).toBe('2026-02-01T04:59:59.999Z'); // 2026-01-31 23:59:59.999 EST
  });

  it('uses the UTC offset in force at the expiry instant (New York DST)', () => {
    // Earned on the day DST starts; expiry end of March 2026 is EDT (-04:00).
    expect(iso(lotExpiresAt(at('2024-03-10T12:00:00Z'), NEW_YORK))).toBe('2026-04-01T03:59:59.999Z');
    // Earned in EDT, expiry end of February 2026 is EST (-05:00).
    expect(iso(lotExpiresAt(at('2024-07-15T12:00:00Z'), NEW_YORK, 19))).toBe('2026-03-01T04:59:59.999Z');
    // End of October 2026 is still EDT (DST ends 1 Nov 2026); end of November is EST.
    expect(iso(lotExpiresAt(at('2024-10-05T12:00:00Z'), NEW_YORK))).toBe('2026-11-01T03:59:59.999Z');
    expect(iso(lotExpiresAt(at('2024-11-05T12:00:00Z'), NEW_YORK))).toBe('2026-12-01T04:59:59.999Z');
  });

  it('supports other validity periods', () => {
    expect(iso(lotExpiresAt(at('2024-05-20T00:00:00Z'), SHANGHAI, 0))).toBe('2024-05-31T15:59:59.999Z');
    expect(iso(lotExpiresAt(at('2024-12-20T00:00:00Z'), SHANGHAI, 1))).toBe('2025-01-31T15:59:59.999Z');
    expect(iso(lotExpiresAt(at('2024-05-20T00:00:00Z'), SHANGHAI, 12))).toBe('2025-05-31T15:59:59.999Z');
    expect(iso(lotExpiresAt(at('2024-05-20T00:00:00Z'), SHANGHAI, 36))).toBe('2027-05-31T15:59:59.999Z');
  });

  it('rejects invalid input', () => {
    expect(() => lotExpiresAt(new Date(NaN), SHANGHAI)).toThrow(RangeError);
    expect(() => lotExpiresAt(at('2024-01-01T00:00:00Z'), 'Nowhere/Land')).toThrow(RangeError);
    expect(() => lotExpiresAt(at('2024-01-01T00:00:00Z'), SHANGHAI, 1.5)).toThrow(RangeError);
  });
});

describe('addCalendarMonths', () => {
  it('keeps the UTC wall-clock time and day of month', () => {
    expect(iso(addCalendarMonths(at('2024-03-15T10:20:30.456Z'), 12))).toBe('2025-03-15T10:20:30.456Z');
    expect(iso(addCalendarMonths(at('2024-12-15T00:00:00Z'), 1))).toBe('2025-01-15T00:00:00.000Z');
    expect(iso(addCalendarMonths(at('2024-01-15T00:00:00Z'), -1))).toBe('2023-12-15T00:00:00.000Z');
    expect(iso(addCalendarMonths(at('2024-01-15T23:59:59.999Z'), 0))).toBe('2024-01-15T23:59:59.999Z');
  });

  it('clamps the day to the end of shorter months', () => {
    expect(iso(addCalendarMonths(at('2024-02-29T10:20:30.456Z'), 12))).toBe('2025-02-28T10:20:30.456Z');
    expect(iso(addCalendarMonths(at('2024-02-29T00:00:00Z'), 48))).toBe('2028-02-29T00:00:00.000Z');
    expect(iso(addCalendarMonths(at('2024-01-31T00:00:00Z'), 1))).toBe('2024-02-29T00:00:00.000Z');
    expect(iso(addCalendarMonths(at('2023-01-31T00:00:00Z'), 1))).toBe('2023-02-28T00:00:00.000Z');
    expect(iso(addCalendarMonths(at('2024-03-31T00:00:00Z'), -1))).toBe('2024-02-29T00:00:00.000Z');
    expect(iso(addCalendarMonths(at('2024-08-31T00:00:00Z'), 1))).toBe('2024-09-30T00:00:00.000Z');
  });

  it('does not mutate its input and rejects invalid input', () => {
    const input = at('2024-02-29T00:00:00Z');
    addCalendarMonths(input, 12);
    expect(iso(input)).toBe('2024-02-29T00:00:00.000Z');
    expect(() => addCalendarMonths(new Date(NaN), 1)).toThrow(RangeError);
    expect(() => addCalendarMonths(input, 0.5)).toThrow(RangeError);
  });
});
