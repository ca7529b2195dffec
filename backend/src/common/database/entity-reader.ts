import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/** A condition value: one value (equality), a list (IN; an empty list matches nothing) or a range. */
export type ReadValue = string | number | boolean;
/** Bounds on one column, all of which must hold, e.g. `{ '<=': at }`; dates are converted as the column stores them. */
export type ReadRange = Partial<Record<'<' | '<=' | '>' | '>=', ReadValue | Date>>;
export type ReadWhere<E> = Partial<Record<keyof E & string, ReadValue | readonly ReadValue[] | ReadRange>>;

const RANGE_OPERATORS = new Set(['<', '<=', '>', '>=']);

export interface ReadOptions<E> {
  /** Columns to order by, ascending. */
  orderBy?: Array<keyof E & string>;
  limit?: number;
}

interface CompiledEntity {
  columns: ColumnMetadata[];
  select: string;
  byProperty: Map<string, ColumnMetadata>;
}

const compiled = new WeakMap<EntityMetadata, CompiledEntity>();

function compile(manager: EntityManager, metadata: EntityMetadata): CompiledEntity {
  let entry = compiled.get(metadata);
  if (!entry) {
    const driver = manager.connection.driver;
    const columns = metadata.columns.filter((c) => c.isSelect && !c.isVirtual);
    entry = {
      columns,
      select: `SELECT ${columns.map((c) => driver.escape(c.databaseName)).join(', ')} FROM ${driver.escape(metadata.tableName)}`,
      byProperty: new Map(columns.map((c) => [c.propertyPath, c])),
    };
    compiled.set(metadata, entry);
  }
  return entry;
}

/**
 * Whole entities by equality (or IN) conditions, as `manager.find` would return them — every
 * selectable column, hydrated by the driver with the columns' types and transformers — but from
 * SQL compiled once per entity instead of a query builder run per call: the by-id and by-key reads
 * on every request's path (principals, relations, ledger rows) cost a fraction of the CPU.
 * Entities with `@AfterLoad` listeners or relation properties are not for this reader.
 */
export async function readEntities<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  where: ReadWhere<E>,
  options: ReadOptions<E> = {},
): Promise<E[]> {
  const metadata = manager.connection.getMetadata(target);
  const compiled = compile(manager, metadata);
  const { columns, select, byProperty } = compiled;
  const driver = manager.connection.driver;
  const condition = whereClause(manager, metadata, compiled, where);
  if (condition.sql === null) return [];
  let sql = select + condition.sql;
  const { parameters } = condition;
  if (options.orderBy?.length) {
    sql += ` ORDER BY ${options.orderBy.map((p) => driver.escape(byProperty.get(p)!.databaseName)).join(', ')}`;
  }
  if (options.limit !== undefined) sql += ` LIMIT ${Math.trunc(options.limit)}`;

  const rows: Record<string, unknown>[] = await manager.query(sql, parameters);
  return rows.map((row) => {
    const entity = metadata.create() as E;
    for (const column of columns) {
      const raw = row[column.databaseName];
      if (raw !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(raw, column));
    }
    return entity;
  });
}

/** The first entity matching, or null. */
export async function readEntity<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  where: ReadWhere<E>,
  options: Omit<ReadOptions<E>, 'limit'> = {},
): Promise<E | null> {
  const [first] = await readEntities(manager, target, where, { ...options, limit: 1 });
  return first ?? null;
}

/** ` WHERE …` for the conditions ('' for none), or null when an empty IN list means nothing can match. */
function whereClause<E>(
  manager: EntityManager,
  metadata: EntityMetadata,
  { byProperty }: CompiledEntity,
  where: ReadWhere<E>,
): { sql: string | null; parameters: unknown[] } {
  const driver = manager.connection.driver;
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  for (const [property, value] of Object.entries(where) as [string, ReadValue | readonly ReadValue[] | ReadRange][]) {
    const column = byProperty.get(property);
    if (!column) throw new Error(`${metadata.name} has no selectable column ${property}`);
    const name = driver.escape(column.databaseName);
    if (Array.isArray(value)) {
      if (!value.length) return { sql: null, parameters };
      conditions.push(`${name} IN (${value.map(() => '?').join(', ')})`);
      for (const item of value) parameters.push(parameterOf(item));
    } else if (typeof value === 'object') {
      for (const [operator, bound] of Object.entries(value as ReadRange)) {
        if (!RANGE_OPERATORS.has(operator)) throw new Error(`Unknown range operator ${operator} on ${metadata.name}.${property}`);
        conditions.push(`${name} ${operator} ?`);
        // As a write would store it (datetime text on SQLite, a Date for mysql2), so the comparison is like for like.
        parameters.push(bound instanceof Date ? driver.preparePersistentValue(bound, column) : parameterOf(bound as ReadValue));
      }
    } else {
      conditions.push(`${name} = ?`);
      parameters.push(parameterOf(value as ReadValue));
    }
  }
  return { sql: conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '', parameters };
}

/** Whether any row matches (`SELECT 1 … LIMIT 1`). */
export async function entityExists<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  where: ReadWhere<E>,
): Promise<boolean> {
  const metadata = manager.connection.getMetadata(target);
  const { sql, parameters } = whereClause(manager, metadata, compile(manager, metadata), where);
  if (sql === null) return false;
  const rows: unknown[] = await manager.query(`SELECT 1 AS found FROM ${manager.connection.driver.escape(metadata.tableName)}${sql} LIMIT 1`, parameters);
  return rows.length > 0;
}

/** Booleans as 1/0: what both MySQL's TINYINT and SQLite's INTEGER booleans store (better-sqlite3 refuses JS booleans). */
function parameterOf(value: ReadValue): string | number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
