/**
 * Exact decimal arithmetic for points. Amounts are integer fen; rates and multipliers are decimals
 * (1.2, '0.01'). Everything is done on scaled BigInts so that e.g. ¥1000 × 1.2 is 1200, never 1199.
 */

/** A non-negative decimal as `units / 10^scale`, e.g. 1.25 → { units: 125n, scale: 2 }. */
export interface ScaledDecimal {
  units: bigint;
  scale: number;
}

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Reads a non-negative decimal exactly. A number is read through its shortest decimal form
 * (`String(1.2)` is '1.2'), which is what was written in code, config or a DECIMAL column.
 * Trailing fractional zeros do not count towards `maxScale` ('1.2000000' is 1.2).
 * @throws RangeError for NaN, ±Infinity, negatives, exponent notation, malformed text or too many decimals.
 */
export function parseDecimal(value: string | number, maxScale = 6): ScaledDecimal {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`Not a finite decimal: ${value}`);
  }
  const text = typeof value === 'number' ? String(value) : value.trim();
  // Exponent forms ('1e-7', '1e+21') and signs are rejected here: numbers that small exceed any sensible
  // scale, numbers that large are not amounts or rates, and factors are never negative.
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) throw new RangeError(`Not a non-negative plain decimal: ${JSON.stringify(value)}`);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > maxScale) throw new RangeError(`More than ${maxScale} decimal places: ${text}`);
  return { units: BigInt(match[1] + fraction), scale: fraction.length };
}

/** Canonical text for storage and comparison: '1.20' → '1.2', '007' → '7', 0.5 → '0.5'. */
export function decimalToString(value: string | number | ScaledDecimal, maxScale = 6): string {
  const { units, scale } = typeof value === 'object' ? value : parseDecimal(value, maxScale);
  if (scale === 0) return units.toString();
  const digits = units.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, '');
}

function assertNonNegativeSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer: ${value}`);
  }
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`Result exceeds the safe integer range: ${value}`);
  }
  return Number(value);
}

/**
 * Points earned for an amount: floor(amountFen / 100 × Π factors), i.e. one point per yuan before
 * factors (base rate, tier multiplier, campaign bonus, …). Only the final result is rounded, down.
 * @throws RangeError if amountFen is not a non-negative integer or a factor is invalid (see parseDecimal).
 */
export function earnedPoints(amountFen: number, factors: ReadonlyArray<string | number>): number {
  assertNonNegativeSafeInteger(amountFen, 'amountFen');
  let numerator = BigInt(amountFen);
  let denominator = 100n; // fen → yuan
  for (const factor of factors) {
    const { units, scale } = parseDecimal(factor);
    numerator *= units;
    denominator *= 10n ** BigInt(scale);
  }
  return toSafeNumber(numerator / denominator); // BigInt division truncates: floor for non-negatives
}

/**
 * Cash value of points in fen, rounded down: with the default 100 points = ¥1, 1 point = 1 fen.
 * @throws RangeError if points is not a non-negative integer or pointsPerYuan is not a positive decimal.
 */
export function pointsToFen(points: number, pointsPerYuan: string | number = 100): number {
  assertNonNegativeSafeInteger(points, 'points');
  const rate = parseDecimal(pointsPerYuan);
  if (rate.units === 0n) throw new RangeError('pointsPerYuan must be positive');
  // points × 100 / (units / 10^scale)
  return toSafeNumber((BigInt(points) * 100n * 10n ** BigInt(rate.scale)) / rate.units);
}
