import { decimalToString, earnedPoints, parseDecimal, pointsToFen } from './points-math';

describe('parseDecimal', () => {
  it('reads numbers through their shortest decimal form', () => {
    expect(parseDecimal(1.2)).toEqual({ units: 12n, scale: 1 });
    expect(parseDecimal(1.5)).toEqual({ units: 15n, scale: 1 });
    expect(parseDecimal(2)).toEqual({ units: 2n, scale: 0 });
    expect(parseDecimal(2.0)).toEqual({ units: 2n, scale: 0 });
    expect(parseDecimal(0)).toEqual({ units: 0n, scale: 0 });
    expect(parseDecimal(-0)).toEqual({ units: 0n, scale: 0 });
    expect(parseDecimal(0.000001)).toEqual({ units: 1n, scale: 6 });
  });

  it('reads strings exactly, ignoring trailing fractional zeros', () => {
    expect(parseDecimal('0.01')).toEqual({ units: 1n, scale: 2 });
    expect(parseDecimal('1.20')).toEqual({ units: 12n, scale: 1 });
    expect(parseDecimal(' 1.2000000 ')).toEqual({ units: 12n, scale: 1 });
    expect(parseDecimal('007')).toEqual({ units: 7n, scale: 0 });
    expect(parseDecimal('12345678901234567890.5')).toEqual({ units: 123456789012345678905n, scale: 1 });
  });

  it('rejects NaN, infinities, negatives, exponents and malformed text', () => {
    for (const bad of [
      NaN,
      Infinity,
      -Infinity,
      -1,
      -0.5,
      1e21,
      1e-7,
      '-1',
      '+1',
      '1e3',
      '1E-2',
      '1.2.3',
      'abc',
      '',
      ' ',
      '.5',
      '5.',
      '1,5',
      '0x10',
    ]) {
      expect(() => parseDecimal(bad)).toThrow(RangeError);
    }
  });

  it('rejects more decimal places than maxScale', () => {
    expect(() => parseDecimal('0.0000001')).toThrow(RangeError);
    expect(() => parseDecimal('0.001', 2)).toThrow(RangeError);
    expect(parseDecimal('0.001', 3)).toEqual({ units: 1n, scale: 3 });
    // A factor accumulated in floating point is refused instead of being silently truncated.
    expect(() => parseDecimal(0.1 + 0.2)).toThrow(RangeError);
  });
});

describe('decimalToString', () => {
  it('canonicalises for storage', () => {
    expect(decimalToString('1.20')).toBe('1.2');
    expect(decimalToString('007')).toBe('7');
    expect(decimalToString(0.5)).toBe('0.5');
    expect(decimalToString('0.000')).toBe('0');
    expect(decimalToString('10.50')).toBe('10.5');
    expect(decimalToString(100)).toBe('100');
    expect(decimalToString('0.01')).toBe('0.01');
    expect(decimalToString({ units: 120n, scale: 2 })).toBe('1.2');
    expect(decimalToString({ units: 5n, scale: 3 })).toBe('0.005');
    expect(decimalToString({ units: 1000n, scale: 2 })).toBe('10');
  });

  it('round-trips through parseDecimal', () => {
    for (const text of ['0', '1', '1.2', '0.01', '123.456789', '1000000']) {
      expect(decimalToString(parseDecimal(text))).toBe(text);
    }
  });
});

describe('earnedPoints', () => {
  it('computes floor(yuan × Π factors)', () => {
    expect(earnedPoints(100_000, [1, 1.2])).toBe(1200); // ¥1000 at 1 × 1.2
    expect(earnedPoints(33_333, [0.5, 1.5])).toBe(249); // ¥333.33 × 0.75 = 249.9975
    expect(earnedPoints(30_000_000, [0.01, 2.0])).toBe(6000); // vehicle purchase ¥300,000
    expect(earnedPoints(9_999, [1])).toBe(99); // ¥99.99
    expect(earnedPoints(0, [1.5])).toBe(0);
  });

  it('treats no factors as one point per whole yuan', () => {
    expect(earnedPoints(12_345, [])).toBe(123);
  });

  it('accepts string factors, as read from configuration or DECIMAL columns', () => {
    expect(earnedPoints(100_000, ['1', '1.20'])).toBe(1200);
    expect(earnedPoints(10_000, ['0.3'])).toBe(30);
  });

  it('avoids the floating-point traps', () => {
    // Binary floats undershoot these products, so Math.floor would lose a point.
    expect(Math.floor(100 * 0.29)).toBe(28);
    expect(earnedPoints(10_000, [0.29])).toBe(29);
    expect(Math.floor(100 * 1.15)).toBe(114);
    expect(earnedPoints(10_000, [1.15])).toBe(115);
    expect(earnedPoints(10_000, [4.35])).toBe(435);
    expect(Math.floor(19.99 * 100)).toBe(1998);
    expect(earnedPoints(1_999, [100])).toBe(1999);
    expect(earnedPoints(100_000, [1.2])).toBe(1200);
    // 1.1 × 3 = 3.3000000000000003 in floats; exactly 3.3 here, and exactly 9.9 → 9 on ¥3.
    expect(earnedPoints(100, [1.1, 3])).toBe(3);
    expect(earnedPoints(300, [1.1, 3])).toBe(9);
    expect(earnedPoints(1_000, [1.1, 3])).toBe(33);
    expect(earnedPoints(10_000, [1.1, 1.1])).toBe(121);
    expect(earnedPoints(10_000, [0.1, 0.2])).toBe(2); // ¥100 × 0.02
    expect(earnedPoints(1_000_000, [0.1, 0.2, 3])).toBe(600);
  });

  it('stays exact for large amounts', () => {
    expect(earnedPoints(1_000_000_000, [2.0, 1.5])).toBe(30_000_000); // ¥10,000,000
    expect(earnedPoints(999_999_999_999, [1.000001])).toBe(10_000_009_999); // 9,999,999,999.99 × 1.000001
    expect(earnedPoints(Number.MAX_SAFE_INTEGER, [1])).toBe(Math.floor(Number.MAX_SAFE_INTEGER / 100));
  });

  it('refuses results beyond the safe integer range', () => {
    expect(() => earnedPoints(Number.MAX_SAFE_INTEGER, [1000])).toThrow(RangeError);
  });

  it('rejects invalid amounts', () => {
    for (const bad of [-1, -100, 100.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => earnedPoints(bad, [1])).toThrow(RangeError);
    }
  });

  it('rejects invalid factors', () => {
    for (const bad of [-1, NaN, Infinity, '1e2', 'abc', 0.1 + 0.2, '0.0000001']) {
      expect(() => earnedPoints(100, [1, bad])).toThrow(RangeError);
    }
  });
});

describe('pointsToFen', () => {
  it('values 100 points at ¥1 by default, rounding down', () => {
    expect(pointsToFen(100)).toBe(100);
    expect(pointsToFen(150)).toBe(150);
    expect(pointsToFen(0)).toBe(0);
  });

  it('supports other rates, including decimal ones', () => {
    expect(pointsToFen(1_999, 1000)).toBe(199); // ¥1.999 → 199 fen
    expect(pointsToFen(100, 3)).toBe(3333); // ¥33.33…
    expect(pointsToFen(100, '2.5')).toBe(4000);
    expect(pointsToFen(100, 1)).toBe(10_000);
  });

  it('rejects invalid points and rates', () => {
    expect(() => pointsToFen(-1)).toThrow(RangeError);
    expect(() => pointsToFen(1.5)).toThrow(RangeError);
    expect(() => pointsToFen(NaN)).toThrow(RangeError);
    expect(() => pointsToFen(100, 0)).toThrow(RangeError);
    expect(() => pointsToFen(100, -100)).toThrow(RangeError);
    expect(() => pointsToFen(100, NaN)).toThrow(RangeError);
  });
});
