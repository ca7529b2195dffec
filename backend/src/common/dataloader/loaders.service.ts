import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { relationLoaders } from './relation-loaders';

/** What field resolvers use to load relations, batched per request. */
@Injectable()
export class Loaders {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  one<E extends ObjectLiteral>(entity: EntityTarget<E>, id: string | null | undefined): Promise<E | null> {
    return relationLoaders(this.dataSource).one(entity, id);
  }

  many<E extends ObjectLiteral>(entity: EntityTarget<E>, column: keyof E & string, key: string): Promise<E[]> {
    return relationLoaders(this.dataSource).many(entity, column, key);
  }

  /** A custom batch (sums, lookups) keyed by `name`; see RelationLoaders.batch. */
  batch<V>(name: string, key: string, fetch: (keys: readonly string[]) => Promise<V[]>): Promise<V> {
    return relationLoaders(this.dataSource).batch(name, key, fetch);
  }

  count<E extends ObjectLiteral>(entity: EntityTarget<E>, column: keyof E & string, key: string): Promise<number> {
    return relationLoaders(this.dataSource).count(entity, column, key);
  }
}
