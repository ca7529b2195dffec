import DataLoader from 'dataloader';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { readEntities } from '../database/entity-reader';
import { requestContext } from '../context/request-context';

/**
 * Request-scoped batching for relations and nested lists: every `load` in one tick of a request
 * becomes one `WHERE column IN (…)` query per entity and column, so a page of 100 records with
 * their relations costs the same few statements as a page of 10.
 */
export class RelationLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly dataSource: DataSource) {}

  /** One record by id (null when missing). */
  one<E extends ObjectLiteral>(entity: EntityTarget<E>, id: string | null | undefined): Promise<E | null> {
    if (id === null || id === undefined) return Promise.resolve(null);
    return this.loader(entity, 'id', 'one').load(id) as Promise<E | null>;
  }

  /** All records whose `column` equals the key, in creation order. */
  many<E extends ObjectLiteral>(entity: EntityTarget<E>, column: keyof E & string, key: string): Promise<E[]> {
    return this.loader(entity, column, 'many').load(key) as Promise<E[]>;
  }

  /** How many records have `column` equal to the key. */
  count<E extends ObjectLiteral>(entity: EntityTarget<E>, column: keyof E & string, key: string): Promise<number> {
    return this.loader(entity, column, 'count').load(key) as Promise<number>;
  }

  /**
   * Any other per-request batch: every `load` of the same `name` in one tick goes to `fetch` once.
   * `fetch` returns one value per key, in key order.
   */
  batch<V>(name: string, key: string, fetch: (keys: readonly string[]) => Promise<V[]>): Promise<V> {
    let loader = this.loaders.get(`batch:${name}`);
    if (!loader) {
      loader = new DataLoader<string, unknown>((keys) => fetch(keys));
      this.loaders.set(`batch:${name}`, loader);
    }
    return loader.load(key) as Promise<V>;
  }

  private loader(entity: EntityTarget<ObjectLiteral>, column: string, kind: 'one' | 'many' | 'count') {
    const metadata = this.dataSource.getMetadata(entity);
    const cacheKey = `${metadata.name}.${column}.${kind}`;
    let loader = this.loaders.get(cacheKey);
    if (!loader) {
      const repository = this.dataSource.getRepository(entity);
      loader = new DataLoader<string, unknown>(async (keys) => {
        if (kind === 'count') {
          const rows: { key: string; n: string | number }[] = await repository
            .createQueryBuilder('e')
            .select(`e.${column}`, 'key')
            .addSelect('COUNT(*)', 'n')
            .where(`e.${column} IN (:...keys)`, { keys })
            .groupBy(`e.${column}`)
            .getRawMany();
          const counts = new Map(rows.map((r) => [String(r.key), Number(r.n)]));
          return keys.map((k) => counts.get(k) ?? 0);
        }
        const rows = await readEntities<ObjectLiteral>(this.dataSource.manager, entity, { [column]: keys as string[] }, {
          orderBy: kind === 'many' ? ['createdAt', 'id'] : undefined,
        });
        if (kind === 'one') {
          const byKey = new Map(rows.map((r) => [String(r[column]), r]));
          return keys.map((k) => byKey.get(k) ?? null);
        }
        const groups = new Map<string, ObjectLiteral[]>();
        for (const row of rows) {
          const k = String(row[column]);
          groups.set(k, [...(groups.get(k) ?? []), row]);
        }
        return keys.map((k) => groups.get(k) ?? []);
      });
      this.loaders.set(cacheKey, loader);
    }
    return loader;
  }
}

/** The current request's loaders (a fresh set outside a request, e.g. in a script). */
export function relationLoaders(dataSource: DataSource): RelationLoaders {
  const context = requestContext.current();
  if (!context) return new RelationLoaders(dataSource);
  context.loaders ??= new RelationLoaders(dataSource);
  return context.loaders;
}
