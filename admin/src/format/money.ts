/** Money travels as integer fen (分); people read and type yuan (元) with two decimals. */
const yuanFormat = new Intl.NumberFormat('zh-CN', {
  style: 'currency',
  currency: 'CNY',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** 123456 → "¥1,234.56"; null/undefined → "". */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return yuanFormat.format(fen / 100);
}

/** Yuan as typed (number or string, up to two decimals) → integer fen, without binary-float drift. */
export function yuanToFen(yuan: number | string | null | undefined): number | null {
  if (yuan === null || yuan === undefined || yuan === '') return null;
  const text = typeof yuan === 'number' ? yuan.toFixed(2) : yuan.trim();
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return Number.NaN;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

/** Integer fen → yuan number for an input (12345 → 123.45). */
export function fenToYuan(fen: number | null | undefined): number | null {
  if (fen === null || fen === undefined) return null;
  return fen / 100;
}
