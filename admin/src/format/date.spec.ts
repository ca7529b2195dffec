import { formatDate, formatDateTime } from './date';

describe('dates in the programme time zone', () => {
  it('shows an instant as its Shanghai time', () => {
    expect(formatDateTime('2026-11-22T06:05:00Z')).toBe('2026-11-22 14:05');
    expect(formatDateTime(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23 00:30');
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });

  it('keeps a business date and gives an instant its Shanghai date', () => {
    expect(formatDate('2026-11-22')).toBe('2026-11-22');
    expect(formatDate('2026-11-22T16:30:00.000Z')).toBe('2026-11-23');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('soon')).toBe('');
  });
});
