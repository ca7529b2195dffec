/** One line of tests/bench/results.json. */
export interface BenchEntry {
  value: number | boolean;
  unit: string;
  target: number | boolean;
  pass: boolean;
  /** The same figure measured on the baseline in the same run, where a ratio is reported. */
  baseline?: number;
  /** Supporting figures (req/s, p50/p99, counts) printed beside the entry. */
  details?: Record<string, number | string | boolean>;
}

export type BenchEntries = Record<string, BenchEntry>;

export interface BenchContext {
  /** mysql:// URL of the benchmark database, already filled by `npm run seed:scale`. */
  databaseUrl: string;
  /** Members in that database. */
  members: number;
  log(line: string): void;
}

/** Every benchmark module under tests/bench exports `run` with this signature. */
export type BenchModule = { run(ctx: BenchContext): Promise<BenchEntries> };
