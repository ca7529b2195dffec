import { DataSource } from 'typeorm';

export interface CapturedStatement {
  sql: string;
  parameters: unknown[];
}

type QueryFn = (sql: string, parameters?: unknown[], ...rest: unknown[]) => Promise<unknown>;

/**
 * Records every statement the data source's query runners send while started; the same hook as
 * tests/e2e/support/fixtures.ts `countStatements` (the query runner prototype), without jest.
 * Transaction control (START TRANSACTION / COMMIT / ROLLBACK) goes through `query` too and is kept.
 */
export function installStatementRecorder(dataSource: DataSource) {
  const runner = dataSource.createQueryRunner();
  const prototype = Object.getPrototypeOf(runner) as { query: QueryFn };
  void runner.release();
  const original = prototype.query;
  let captured: CapturedStatement[] = [];
  return {
    start() {
      captured = [];
      prototype.query = function (this: unknown, sql: string, parameters?: unknown[], ...rest: unknown[]) {
        captured.push({ sql, parameters: [...(parameters ?? [])] });
        return original.call(this, sql, parameters, ...rest);
      };
    },
    stop(): CapturedStatement[] {
      prototype.query = original;
      return captured;
    },
  };
}
