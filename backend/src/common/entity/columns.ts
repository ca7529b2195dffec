import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

/** BIGINT comes back from MySQL as a string; amounts in fen stay far inside Number's safe range. */
const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/** A money column: an integer number of fen. */
export function MoneyColumn(options: ColumnOptions = {}) {
  return Column({ type: 'bigint', default: 0, transformer: bigintAsNumber, ...options });
}

/** A UTC instant with millisecond precision. */
export function DateTimeColumn(options: ColumnOptions = {}) {
  return Column({ type: 'datetime', precision: 3, ...options });
}

/** A business date (birthday, due date) kept as 'YYYY-MM-DD' text: no time zone, sorts as text. */
export function CalendarDateColumn(options: ColumnOptions = {}) {
  return Column({ type: 'varchar', length: 10, nullable: true, ...options });
}

/** DECIMAL comes back as text from MySQL; the shortest decimal string of the number is exact again. */
const decimalAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/**
 * An exact decimal factor (rates, multipliers, discounts). Arithmetic on it goes through
 * `points-math`, which reads the number's shortest decimal form, never its binary value.
 */
export function DecimalColumn(options: ColumnOptions = {}) {
  return Column({ type: 'decimal', precision: 10, scale: 4, transformer: decimalAsNumber, ...options });
}

/** An entity class. */
export type EntityClass = abstract new (...args: never[]) => object;

export interface Reference {
  owner: EntityClass;
  property: string;
  target: () => EntityClass;
}

/** Which columns refer to which entities, so a deletion can be refused while anything points at it. */
export const REFERENCES: Reference[] = [];

/**
 * A reference to another record's opaque id. References are checked by the services, not by
 * foreign keys (portable to distributed MySQL-compatible databases); `references` registers the
 * column so deleting the target is refused while rows point at it.
 */
export function IdColumn(options: ColumnOptions & { references?: () => EntityClass } = {}): PropertyDecorator {
  const { references, ...column } = options;
  const decorate = Column({ type: 'varchar', length: 26, ...column });
  return (target, property) => {
    if (references) REFERENCES.push({ owner: target.constructor as EntityClass, property: String(property), target: references });
    decorate(target, property);
  };
}

const json: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? undefined : value === null ? null : JSON.stringify(value)),
  from: (value: string | null) => (value === null || value === undefined ? value : JSON.parse(value)),
};

/**
 * A JSON document, stored as LONGTEXT on MySQL so audit and notification payloads are never cut at
 * 64 KB. Column types are fixed when entities load, so the kind of database is read from the
 * environment here.
 */
export function JsonColumn(options: ColumnOptions = {}) {
  return Column({ type: databaseKindAtLoad() === 'mysql' ? 'longtext' : 'text', transformer: json, ...options });
}

/**
 * The kind of database the entities are loaded for, from DATABASE_URL. Column types and default
 * expressions are fixed when the entity classes load, before any configuration object exists.
 */
export function databaseKindAtLoad(): 'sqlite' | 'mysql' {
  return /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '') ? 'mysql' : 'sqlite';
}

/** The database clock with millisecond precision, as a column default. */
export function nowDefault(): () => string {
  return databaseKindAtLoad() === 'mysql' ? () => 'CURRENT_TIMESTAMP(3)' : () => "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
}
