import { Brackets, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { requestContext } from '../context/request-context';
import { BadUserInputError } from '../errors';
import type { PageInput, SortOrder } from './page.input';

export interface Page<T> {
  items: T[];
  /** How many records match, over all pages (a promise where it is counted only when read). */
  readonly total: number | Promise<number>;
}

export interface ListArgs<F = object, S extends SortSpec = SortSpec> {
  filter?: F | null;
  sort?: S[] | null;
  page?: PageInput | null;
}

export interface SortSpec {
  field: string;
  order: SortOrder | 'ASC' | 'DESC';
}

/** A filter key the conventions cannot map by name: given the query builder, its alias and the value. */
export type CustomFilter = (qb: SelectQueryBuilder<ObjectLiteral>, alias: string, value: never) => void;

export interface ListOptions<E extends ObjectLiteral> {
  /** Properties searched by the free-text `q` (substring match, any of them). */
  search?: (keyof E & string)[];
  /** Filters that do not follow the naming conventions. */
  filters?: Record<string, CustomFilter>;
  /** Sort fields whose enum value is not the property name in SCREAMING_CASE. */
  sortFields?: Record<string, string>;
  defaultSort?: SortSpec;
  /** Restricts the rows the caller may see (dealership scoping); applied before everything else. */
  scope?: (qb: SelectQueryBuilder<E>, alias: string) => void;
}

export const PER_PAGE_CAP_STAFF = 1000;
export const PER_PAGE_CAP_EXTERNAL = 100;

function perPageCap(): number {
  const principal = requestContext.current()?.principal;
  return principal?.staff ? PER_PAGE_CAP_STAFF : PER_PAGE_CAP_EXTERNAL;
}

const camelCase = (screaming: string) => screaming.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `!` escapes LIKE wildcards (use with `ESCAPE '!'`): a backslash would need different quoting on MySQL and SQLite. */
export const escapeLike = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);

/**
 * The one list query of the API: turns `filter`, `sort` and `page` into SQL by convention.
 *
 * Filter keys map by name: `ids` → primary keys; `q` → substring over `search`; `xFrom`/`xTo` →
 * range on `x` or `xAt`; any other key naming a column → equality (an array → IN). Sort fields
 * map from SCREAMING_CASE to the property. The primary key breaks ties so pages are stable.
 */
export async function listQuery<E extends ObjectLiteral>(
  repository: Repository<E>,
  args: ListArgs,
  options: ListOptions<E> = {},
): Promise<Page<E>> {
  const alias = 'e';
  const metadata = repository.metadata;
  const qb = repository.createQueryBuilder(alias);
  const hasProperty = (name: string) => metadata.findColumnsWithPropertyPath(name).length > 0;
  let param = 0;
  const next = () => `p${param++}`;

  options.scope?.(qb, alias);

  for (const [key, value] of Object.entries(args.filter ?? {})) {
    if (value === undefined || value === null) continue;
    const custom = options.filters?.[key];
    if (custom) {
      custom(qb as unknown as SelectQueryBuilder<ObjectLiteral>, alias, value as never);
    } else if (key === 'ids') {
      const ids = value as string[];
      if (ids.length === 0) qb.andWhere('1 = 0');
      else qb.andWhere(`${alias}.id IN (:...${next()})`, { [`p${param - 1}`]: ids });
    } else if (key === 'q') {
      const text = String(value).trim();
      if (!text || !options.search?.length) continue;
      const p = next();
      qb.andWhere(
        new Brackets((or) => {
          for (const column of options.search!) or.orWhere(`${alias}.${column} LIKE :${p} ESCAPE '!'`);
        }),
        { [p]: `%${escapeLike(text)}%` },
      );
    } else if (/(From|To)$/.test(key)) {
      const base = key.replace(/(From|To)$/, '');
      const column = [base, `${base}At`].find(hasProperty);
      if (!column) throw new Error(`List filter ${key} has no column on ${metadata.name}`);
      const p = next();
      qb.andWhere(`${alias}.${column} ${key.endsWith('From') ? '>=' : '<='} :${p}`, { [p]: value });
    } else if (hasProperty(key)) {
      const p = next();
      if (Array.isArray(value)) qb.andWhere(`${alias}.${key} IN (:...${p})`, { [p]: value });
      else qb.andWhere(`${alias}.${key} = :${p}`, { [p]: value });
    } else {
      throw new Error(`List filter ${key} is not mapped for ${metadata.name}`);
    }
  }

  const sorts = args.sort?.length ? args.sort : [options.defaultSort ?? { field: 'CREATED_AT', order: 'DESC' }];
  for (const sort of sorts) {
    const property = options.sortFields?.[sort.field] ?? camelCase(sort.field);
    if (!hasProperty(property)) throw new Error(`Sort field ${sort.field} is not mapped for ${metadata.name}`);
    qb.addOrderBy(`${alias}.${property}`, sort.order === 'ASC' ? 'ASC' : 'DESC');
  }
  qb.addOrderBy(`${alias}.id`, sorts[sorts.length - 1].order === 'ASC' ? 'ASC' : 'DESC');

  const page = args.page?.page ?? 1;
  const perPage = Math.min(args.page?.perPage ?? 25, perPageCap());
  if (page < 1) throw new BadUserInputError({ 'page.page': 'must be 1 or more' });
  if (perPage < 1) throw new BadUserInputError({ 'page.perPage': 'must be 1 or more' });
  qb.skip((page - 1) * perPage).take(perPage);

  // The COUNT over the whole filter (a scan of a million members) runs only when `total` is asked for.
  const items = await qb.getMany();
  let total: Promise<number> | undefined;
  return {
    items,
    get total() {
      return (total ??= qb.getCount());
    },
  };
}
