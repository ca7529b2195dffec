import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';

/** Column types whose stored default is not the value the entity reads back (it is parsed on load). */
const PARSED_TYPES = new Set<unknown>(['json', 'simple-json', 'simple-array', 'simple-enum-array']);

/**
 * The value a column would be given by the database, known in advance: the timestamps (now) and
 * plain literal defaults. `undefined` when only the database can tell (an SQL expression).
 */
function knownDefault(column: ColumnMetadata, now: Date): unknown {
  if (column.isCreateDate || column.isUpdateDate) return now;
  const value = column.default;
  if (column.isGenerated || column.isVersion || column.isDeleteDate || PARSED_TYPES.has(column.type)) return undefined;
  return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? value : undefined;
}

interface CompiledInsert {
  columns: ColumnMetadata[];
  /** The INSERT with one value tuple. */
  sql: string;
  /** One more value tuple: `(?, …)`. */
  tuple: string;
}

const compiledInserts = new WeakMap<EntityMetadata, CompiledInsert>();

/** `INSERT INTO table (every insertable column) VALUES (?, …)`, built once per entity. */
function compiledInsert(manager: EntityManager, metadata: EntityMetadata): CompiledInsert {
  let compiled = compiledInserts.get(metadata);
  if (!compiled) {
    const driver = manager.connection.driver;
    const columns = metadata.columns.filter((c) => c.isInsert && !c.isVirtual && !(c.isGenerated && c.generationStrategy === 'increment'));
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    compiled = {
      columns,
      sql: `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES ${tuple}`,
      tuple,
    };
    compiledInserts.set(metadata, compiled);
  }
  return compiled;
}

/**
 * Gives the entity the values the database would fill in (id, timestamps, literal defaults, NULL
 * for unset nullable columns), so that it holds what a reload would read. False when a column's
 * default is an SQL expression only the database can evaluate.
 */
function fillDefaults(metadata: EntityMetadata, columns: ColumnMetadata[], entity: ObjectLiteral): boolean {
  const now = new Date();
  let complete = true;
  for (const column of metadata.getInsertionReturningColumns()) {
    if (column.getEntityValue(entity) !== undefined) continue;
    const value = knownDefault(column, now);
    if (value === undefined) complete = false;
    else column.setEntityValue(entity, value);
  }
  // A nullable column left unset is stored NULL (no default: the query builder writes DEFAULT); the entity says so too.
  for (const column of columns) {
    if (column.isNullable && column.default === undefined && column.getEntityValue(entity) === undefined) column.setEntityValue(entity, null);
  }
  return complete;
}

/**
 * Inserts a new entity like `manager.save` (its listeners and subscribers run, the audit trail
 * included) without the SELECT that TypeORM sends on MySQL after every insert to read back the
 * columns the database filled in: those values are set on the entity first, so the row and the
 * returned entity hold exactly what a reload would have read. Inside a transaction the INSERT is
 * SQL compiled once per entity, its values converted by the driver as the query builder would;
 * it falls back to the query builder (with the reload) when a column's default is an SQL
 * expression the app cannot evaluate.
 */
export async function insertRecord<E extends ObjectLiteral>(manager: EntityManager, entity: E): Promise<E> {
  await insertRecords(manager, [entity]);
  return entity;
}

/** Rows per multi-row INSERT: 500 × a wide entity's columns stays under every driver's placeholder limit. */
const ROWS_PER_INSERT = 500;

/**
 * Inserts new entities of one type as `insertRecord` does each, with one multi-row INSERT per
 * 500 inside a transaction (one round trip instead of one per row).
 */
export async function insertRecords<E extends ObjectLiteral>(manager: EntityManager, entities: E[]): Promise<E[]> {
  if (!entities.length) return entities;
  const metadata = manager.connection.getMetadata(entities[0].constructor);
  const { columns } = compiledInsert(manager, metadata);
  const complete = entities.map((entity) => fillDefaults(metadata, columns, entity)).every(Boolean);
  const queryRunner = manager.queryRunner;
  if (!complete || !queryRunner?.isTransactionActive) {
    for (const entity of entities) {
      await manager.createQueryBuilder().insert().into(metadata.target).values(entity).updateEntity(!complete).execute();
    }
    return entities;
  }

  const driver = manager.connection.driver;
  for (const entity of entities) await queryRunner.broadcaster.broadcast('BeforeInsert', metadata, entity);
  for (let from = 0; from < entities.length; from += ROWS_PER_INSERT) {
    const batch = entities.slice(from, from + ROWS_PER_INSERT);
    const parameters = batch.flatMap((entity) =>
      columns.map((column) => driver.preparePersistentValue(column.getEntityValue(entity) ?? null, column)),
    );
    await manager.query(rowsInsertSql(manager, metadata, batch.length), parameters);
  }
  for (const entity of entities) await queryRunner.broadcaster.broadcast('AfterInsert', metadata, entity);
  return entities;
}

/** The compiled INSERT with `rows` value tuples. */
function rowsInsertSql(manager: EntityManager, metadata: EntityMetadata, rows: number): string {
  const { sql, tuple } = compiledInsert(manager, metadata);
  return rows === 1 ? sql : `${sql}${`, ${tuple}`.repeat(rows - 1)}`;
}
