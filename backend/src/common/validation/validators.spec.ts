import { isDecimal, isMainlandMobile, isStrongPassword } from './validators';

describe('validators', () => {
  it('passwords need 8+ characters with letters and digits', () => {
    expect(isStrongPassword('abcd1234')).toBe(true);
    expect(isStrongPassword('abc123')).toBe(false);
    expect(isStrongPassword('abcdefgh')).toBe(false);
    expect(isStrongPassword('12345678')).toBe(false);
    expect(isStrongPassword(undefined)).toBe(false);
  });

  it('mobile numbers are mainland 1[3-9]xxxxxxxxx', () => {
    expect(isMainlandMobile('13812345678')).toBe(true);
    expect(isMainlandMobile('19912345678')).toBe(true);
    expect(isMainlandMobile('12812345678')).toBe(false);
    expect(isMainlandMobile('1381234567')).toBe(false);
    expect(isMainlandMobile('+8613812345678')).toBe(false);
  });

  it('decimals: finite, at most N places, never in exponent form', () => {
    expect([1, 1.5, 0.8501, 10, -2.25].every((v) => isDecimal(v, 4))).toBe(true);
    expect(isDecimal(0.12345, 4)).toBe(false);
    expect(isDecimal(7e-323, 4)).toBe(false);
    expect(isDecimal(1e21, 4)).toBe(false);
    expect(isDecimal(Number.NaN, 4)).toBe(false);
    expect(isDecimal('1.5', 4)).toBe(false);
  });
});
