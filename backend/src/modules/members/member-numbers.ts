import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be misread (no 0/O, 1/I/L). */
const REFERRAL_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A member number: M, year and month of joining, 7 random digits (M26110012345). */
export function newMemberNo(now = new Date()): string {
  const yymm = `${String(now.getUTCFullYear()).slice(2)}${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return `M${yymm}${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}

/** An 8-character referral code (推荐码) that reads well aloud. */
export function newReferralCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += REFERRAL_ALPHABET[randomInt(0, REFERRAL_ALPHABET.length)];
  return code;
}
