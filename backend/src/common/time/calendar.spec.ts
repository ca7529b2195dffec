import { getTimezoneOffset } from 'date-fns-tz';
import { addDaysToDate, addMonthsToDate, daysBetweenDates, localDate, utcOffsetMinutes } from './calendar';

describe('calendar dates', () => {
  it('reads the date of an instant in the programme time zone', () => {
    expect(localDate(new Date('2026-01-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-02-01');
    expect(localDate(new Date('2026-01-31T16:30:00Z'), 'UTC')).toBe('2026-01-31');
  });

  it('adds months with the day clamped to the month end', () => {
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonthsToDate('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('adds days across months and years and counts them', () => {
    expect(addDaysToDate('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDaysToDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetweenDates('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetweenDates('2026-03-01', '2026-01-01')).toBe(-59);
  });
});

describe('utcOffsetMinutes', () => {
  it('gives the offset date-fns-tz gives, in whole- and part-hour zones, asked twice (memoised)', () => {
    const instants = [Date.UTC(2026, 10, 22, 15, 59, 59, 999), Date.UTC(2026, 10, 22, 16, 0), Date.UTC(2026, 5, 1, 3, 7)];
    for (let pass = 0; pass < 2; pass++) {
      for (const at of instants) {
        expect(utcOffsetMinutes('Asia/Shanghai', new Date(at))).toBe(480);
        expect(utcOffsetMinutes('Asia/Kathmandu', new Date(at))).toBe(345);
        expect(utcOffsetMinutes('UTC', new Date(at))).toBe(0);
        expect(utcOffsetMinutes('Europe/London', new Date(at))).toBe(getTimezoneOffset('Europe/London', new Date(at)) / 60_000);
      }
    }
  });

  it('refuses an unknown zone', () => {
    expect(() => utcOffsetMinutes('Mars/Olympus', new Date())).toThrow(RangeError);
  });
});
