import { addDaysToDate, addMonthsToDate, daysBetweenDates, localDate } from './calendar';

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
