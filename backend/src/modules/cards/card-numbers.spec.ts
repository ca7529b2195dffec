import { CardType } from './card.enums';
import { isValidCardNo, luhnCheckDigit, newCardNo, splitSpend } from './card-numbers';

describe('card numbers', () => {
  it('computes the Luhn check digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(isValidCardNo('4539578763621486')).toBe(true);
    expect(isValidCardNo('4539578763621487')).toBe(false);
  });

  it('issues 16-digit numbers with the type prefix and a valid check digit', () => {
    for (let i = 0; i < 50; i++) {
      const no = newCardNo(CardType.STORED_VALUE);
      expect(no).toMatch(/^62\d{14}$/);
      expect(isValidCardNo(no)).toBe(true);
    }
    expect(newCardNo(CardType.COUNT).startsWith('63')).toBe(true);
  });
});

describe('pro-rata spend', () => {
  it('draws floor(amount × bonus / total) from the bonus', () => {
    // ¥1,000 principal + ¥100 bonus, spend ¥550: bonus part floor(55000 × 10000 / 110000) = 5000.
    expect(splitSpend(550_00, 1_000_00, 100_00)).toEqual({ principal: 500_00, bonus: 50_00 });
    // Rounds the bonus part down: 1 fen of 3 with 1/3 bonus → 0 bonus.
    expect(splitSpend(1, 2, 1)).toEqual({ principal: 1, bonus: 0 });
    expect(splitSpend(100, 200, 100)).toEqual({ principal: 67, bonus: 33 });
  });

  it('spends the whole balance exactly', () => {
    expect(splitSpend(1_100_00, 1_000_00, 100_00)).toEqual({ principal: 1_000_00, bonus: 100_00 });
    expect(splitSpend(50, 0, 50)).toEqual({ principal: 0, bonus: 50 });
  });
});
