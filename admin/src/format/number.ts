/** Counts and ratios as people in China write them: thousands separators, one decimal. */
const integerFormat = new Intl.NumberFormat('zh-CN');

/** 12345 → "12,345"; empty for null. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : integerFormat.format(n);
}

/** A fraction (0.253) → "25.3%"; empty for null. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return '';
  return `${(fraction * 100).toFixed(1)}%`;
}

/** Hours with one decimal ("3.5"); empty for null. */
export function formatHours(hours: number | null | undefined): string {
  return hours === null || hours === undefined ? '' : hours.toFixed(1);
}
