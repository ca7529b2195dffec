import { registerDecorator, ValidationOptions } from 'class-validator';

/** Passwords: at least 8 characters, with at least one letter and one digit. */
export function isStrongPassword(value: unknown): boolean {
  return typeof value === 'string' && value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value);
}

export function IsStrongPassword(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isStrongPassword',
      target: target.constructor,
      propertyName,
      options: { message: 'must be at least 8 characters with letters and digits', ...options },
      validator: { validate: isStrongPassword },
    });
}

/** Mainland China mobile number (中国大陆手机号): 11 digits starting 13–19. */
export function isMainlandMobile(value: unknown): boolean {
  return typeof value === 'string' && /^1[3-9]\d{9}$/.test(value);
}

export function IsMainlandMobile(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isMainlandMobile',
      target: target.constructor,
      propertyName,
      options: { message: 'must be a mainland mobile number (11 digits, 13x–19x)', ...options },
      validator: { validate: isMainlandMobile },
    });
}

/**
 * A finite number written with at most `places` decimals, as the exact-decimal arithmetic reads it:
 * class-validator's `maxDecimalPlaces` counts the digits after a '.', so `7e-323` (no '.') passed and
 * then failed in `parseDecimal` as an internal error.
 */
export function isDecimal(value: unknown, places: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && new RegExp(`^-?\\d+(\\.\\d{1,${places}})?$`).test(String(value));
}

export function IsDecimal(places: number, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDecimal',
      target: target.constructor,
      propertyName,
      options: { message: `must be a number with at most ${places} decimals`, ...options },
      validator: { validate: (value: unknown) => isDecimal(value, places) },
    });
}
