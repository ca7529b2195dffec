import type { BenchEntries, BenchEntry } from './types';

const show = (value: number | boolean | undefined) =>
  value === undefined ? '' : typeof value === 'number' ? value.toLocaleString('en', { maximumFractionDigits: 3 }) : String(value);

/** The results as a plain-text table: name, value, unit, target, pass, baseline, details. */
export function resultsTable(entries: BenchEntries): string {
  const header = ['name', 'value', 'unit', 'target', 'pass', 'baseline', 'details'];
  const rows = Object.entries(entries).map(([name, e]: [string, BenchEntry]) => [
    name,
    show(e.value),
    e.unit,
    show(e.target),
    e.pass ? 'PASS' : 'FAIL',
    show(e.baseline),
    Object.entries(e.details ?? {})
      .map(([k, v]) => `${k}=${show(v as number | boolean) || v}`)
      .join(' ')
      .replace(/\s+/g, ' '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
