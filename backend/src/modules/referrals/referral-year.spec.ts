import { localYearOf } from './referral-year';

describe('localYearOf', () => {
  it('is the calendar year in the programme time zone, not in UTC', () => {
    // 2025-12-31 16:30 UTC is already 2026-01-01 00:30 in Shanghai.
    const shanghai = localYearOf(new Date('2025-12-31T16:30:00Z'), 'Asia/Shanghai');
    expect(shanghai.year).toBe(2026);
    expect(shanghai.start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(shanghai.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(localYearOf(new Date('2025-12-31T16:30:00Z'), 'UTC').year).toBe(2025);
  });

  it('includes local midnight of 1 January and excludes that of the next year', () => {
    const { start, end } = localYearOf(new Date('2026-06-01T00:00:00Z'), 'Asia/Shanghai');
    expect(localYearOf(start, 'Asia/Shanghai').year).toBe(2026);
    expect(localYearOf(new Date(start.getTime() - 1), 'Asia/Shanghai').year).toBe(2025);
    expect(localYearOf(end, 'Asia/Shanghai').year).toBe(2027);
  });
});
