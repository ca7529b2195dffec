import { Kind } from 'graphql';
import { DateScalar, isCalendarDate } from './date.scalar';
import { MoneyScalar } from './money.scalar';

describe('Money scalar', () => {
  it('accepts integer fen and rejects fractions, floats and unsafe numbers', () => {
    expect(MoneyScalar.parseValue(123456)).toBe(123456);
    expect(MoneyScalar.serialize('500')).toBe(500);
    expect(() => MoneyScalar.parseValue(12.5)).toThrow(/integer number of fen/);
    expect(() => MoneyScalar.parseValue('12.50')).toThrow();
    expect(() => MoneyScalar.parseValue(2 ** 60)).toThrow();
    expect(MoneyScalar.parseLiteral({ kind: Kind.INT, value: '99' }, {})).toBe(99);
    expect(() => MoneyScalar.parseLiteral({ kind: Kind.FLOAT, value: '9.9' }, {})).toThrow();
  });
});

describe('Date scalar', () => {
  it('accepts real calendar dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-1')).toBe(false);
    expect(DateScalar.parseValue('1990-05-17')).toBe('1990-05-17');
    expect(() => DateScalar.parseValue('17/05/1990')).toThrow();
  });
});
