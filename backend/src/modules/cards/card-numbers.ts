import { randomInt } from 'node:crypto';
import { CardType } from './card.enums';

/** The first two digits say what the card is, so staff can tell at a glance. */
const PREFIX: Record<CardType, string> = {
  [CardType.MEMBERSHIP]: '61',
  [CardType.STORED_VALUE]: '62',
  [CardType.COUNT]: '63',
};

/** The Luhn check digit of a string of digits. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** True for a 16-digit card number whose last digit checks. */
export function isValidCardNo(value: string): boolean {
  return /^\d{16}$/.test(value) && luhnCheckDigit(value.slice(0, 15)) === value[15];
}

/** A new card number: type prefix, 13 random digits, Luhn check digit (16 digits, printed 4 × 4). */
export function newCardNo(type: CardType): string {
  let body = PREFIX[type];
  while (body.length < 15) body += String(randomInt(0, 10));
  return body + luhnCheckDigit(body);
}

/** Bonus part of a stored-value spend: floor(amount × bonus / balance), the rest is principal. */
export function splitSpend(amount: number, principal: number, bonus: number): { principal: number; bonus: number } {
  const total = principal + bonus;
  if (total <= 0) return { principal: amount, bonus: 0 };
  const bonusPart = Number((BigInt(amount) * BigInt(bonus)) / BigInt(total));
  return { principal: amount - bonusPart, bonus: bonusPart };
}
