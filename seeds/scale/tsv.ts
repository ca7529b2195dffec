/**
 * Rows of one table as tab-separated text for `LOAD DATA LOCAL INFILE` (the server parses it far
 * faster than multi-row INSERT text): NULL is `\N`, strings escape backslash, tab and newline.
 * Rows are written straight into one growing buffer, so a chunk of rows leaves no garbage behind.
 */
export type Cell = string | number | boolean | null;

const SPECIAL = /[\\\t\n]/;

export class TsvRows {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private rows = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  get length(): number {
    return this.rows;
  }

  add(cells: Cell[]): void {
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (i) line += '\t';
      if (cell === null) line += '\\N';
      else if (typeof cell === 'string') line += SPECIAL.test(cell) ? escape(cell) : cell;
      else if (typeof cell === 'boolean') line += cell ? '1' : '0';
      else line += cell;
    }
    line += '\n';
    this.ensure(line.length * 3);
    this.used += this.buffer.write(line, this.used, 'utf8');
    this.rows++;
  }

  /** The rows so far (a copy), and starts again empty. */
  take(): Buffer {
    const rows = Buffer.from(this.buffer.subarray(0, this.used));
    this.used = 0;
    this.rows = 0;
    return rows;
  }

  private ensure(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + bytes));
    this.buffer.copy(grown, 0, 0, this.used);
    this.buffer = grown;
  }
}

function escape(value: string): string {
  return value.replace(/[\\\t\n]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\\\'));
}

const DAY_MS = 86_400_000;
const dayPrefixes = new Map<number, string>();
const pad2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const pad3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC, as the DateTime columns store it (the day part cached). */
export function sqlDateTime(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 10) + ' ';
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${pad2[hours]}:${pad2[minutes]}:${pad2[seconds]}.${pad3[rest - seconds * 1000]}`;
}
