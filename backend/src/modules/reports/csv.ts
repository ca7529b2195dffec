/** One CSV cell: quoted when it holds a comma, quote or line break; formulas neutralised for Excel. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  // Only a whole negative number is exempt: '-1+cmd|…' also starts with a minus and a digit, and is a formula.
  if (/^[=+\-@]/.test(text) && !/^-\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document with a header row, CRLF line ends and a BOM so Excel reads the Chinese text. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Fen as yuan with two decimals, the way finance reads amounts. */
export const yuan = (fen: number) => (fen / 100).toFixed(2);
