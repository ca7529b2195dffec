import { registerDecorator, ValidationOptions } from 'class-validator';

// ---------------------------------------------------------------------------
// Resident ID card (居民身份证), 18 characters
// ---------------------------------------------------------------------------

/** ISO 7064 MOD 11-2 weights for the first 17 digits. */
const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character for (weighted sum mod 11) = 0..10. */
const ID_CARD_CHECK_CHARS = '10X98765432';
const ID_CARD_PATTERN = /^\d{17}[\dXx]$/;
/** Birth dates are compared against "today" in China (UTC+8, no DST) rather than in the server's zone. */
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The check character an ID card number with these 17 leading digits must end in. */
export function idCardCheckChar(first17Digits: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17Digits[i]) * ID_CARD_WEIGHTS[i];
  return ID_CARD_CHECK_CHARS[sum % 11];
}

/** YYYYMMDD is a real calendar date between 1900-01-01 and `today` (inclusive). */
function isPlausibleBirthDate(yyyymmdd: string, now: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC silently rolls over (Feb 30 → Mar 2), so a round-trip check rejects impossible dates.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return false;
  const chinaToday = new Date(now.getTime() + CHINA_UTC_OFFSET_MS);
  const todayKey = chinaToday.toISOString().slice(0, 10).replace(/-/g, '');
  return year >= 1900 && yyyymmdd <= todayKey;
}

/**
 * 18-character PRC resident ID: 17 digits + check character (digit or X/x), valid MOD 11-2 checksum,
 * and a real birth date (positions 7–14) that is not before 1900 nor in the future.
 * `now` exists for tests; class-validator must not pass its arguments here (see the decorator).
 */
export function isMainlandIdCard(value: unknown, now: Date = new Date()): boolean {
  if (typeof value !== 'string' || !ID_CARD_PATTERN.test(value)) return false;
  if (idCardCheckChar(value) !== value[17].toUpperCase()) return false;
  return isPlausibleBirthDate(value.slice(6, 14), now);
}

/** Canonical storage form: trimmed, check character X in upper case. */
export function normalizeIdCard(value: string): string {
  return value.trim().toUpperCase();
}

/** `110101********1234`: keeps the region code and the last four, hides the birth date. */
export function maskIdCard(value: string): string {
  const id = normalizeIdCard(value);
  // Too short to keep 6 + 4 visible without revealing (almost) everything: hide it all.
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}********${id.slice(-4)}`;
}

export function IsMainlandIdCard(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isMainlandIdCard',
      target: target.constructor,
      propertyName,
      options: { message: 'must be a valid 18-digit ID card number (checksum)', ...options },
      // Wrapped: class-validator passes ValidationArguments second, which must not become `now`.
      validator: { validate: (value: unknown) => isMainlandIdCard(value) },
    });
}

// ---------------------------------------------------------------------------
// Vehicle identification number (车架号 / VIN)
// ---------------------------------------------------------------------------

/** 17 characters, upper-case letters and digits; I, O and Q are never used (confusable with 1 and 0). */
const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

export const normalizeVin = (value: string): string => value.trim().toUpperCase();

/**
 * Shape check only: the North-American check digit (position 9) is deliberately not enforced,
 * because many VINs issued for the Chinese market do not use it.
 */
export function isVin(value: unknown): boolean {
  return typeof value === 'string' && VIN_PATTERN.test(value);
}

export function IsVin(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isVin',
      target: target.constructor,
      propertyName,
      options: { message: 'must be 17 characters, letters and digits without I, O, Q', ...options },
      validator: { validate: isVin },
    });
}

// ---------------------------------------------------------------------------
// Mainland licence plate (车牌号)
// ---------------------------------------------------------------------------

const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** Plate letters never use I or O (confusable with 1 and 0). */
const PLATE_LETTER = '[A-HJ-NP-Z]';
const PLATE_ALNUM = '[A-HJ-NP-Z0-9]';
const PLATE_PATTERN = new RegExp(
  `^[${PLATE_PROVINCES}]${PLATE_LETTER}(?:` +
    [
      `${PLATE_ALNUM}{5}`, // ordinary: 沪A12345, 沪AB123C
      `[DF]${PLATE_ALNUM}\\d{4}`, // new energy, small cars: 沪AD12345, 沪AF1234
      `\\d{5}[DF]`, // new energy, large vehicles: 沪A12345D
      `${PLATE_ALNUM}{4}[学警挂港澳]`, // driving school, police, trailer, HK/Macau: 沪A1234学
    ].join('|') +
    ')$',
);

/** Canonical form for comparison and storage: upper case, no spaces, dots or dashes (沪A·12345 → 沪A12345). */
export const normalizePlate = (value: string): string =>
  value
    .trim()
    .toUpperCase()
    .replace(/[\s·•-]/g, '');

/** Expects a normalised plate (see `normalizePlate`). */
export function isMainlandPlate(value: unknown): boolean {
  return typeof value === 'string' && PLATE_PATTERN.test(value);
}

export function IsMainlandPlate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isMainlandPlate',
      target: target.constructor,
      propertyName,
      options: { message: 'must be a mainland plate number, e.g. 沪A12345 or 沪AD12345', ...options },
      validator: { validate: isMainlandPlate },
    });
}

// ---------------------------------------------------------------------------
// Mobile number masking
// ---------------------------------------------------------------------------

/** `138****5678`: first three and last four digits visible. */
export function maskMobile(phone: string): string {
  const digits = phone.trim();
  if (digits.length <= 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
