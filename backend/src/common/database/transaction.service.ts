import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** The transaction the current unit of work runs in, so nested service calls join it. */
const ambient = new AsyncLocalStorage<EntityManager>();

/**
 * Runs a unit of work in one database transaction; the one way services group their writes.
 * A service called from inside another unit of work (a seed step, a job that composes services)
 * joins that transaction instead of opening a second one, which on MySQL would be another
 * connection that cannot see the outer rows and may wait on their locks.
 *
 * On MySQL/MariaDB it runs READ COMMITTED: after a conditional UPDATE has waited for a concurrent
 * writer, the reads that follow see that writer's committed rows instead of an older snapshot, which
 * the ledgers' conditional-update pattern relies on. Every pooled session is set to it when it
 * connects (database/mysql-utc-driver), which spares a `SET TRANSACTION` before each transaction.
 * (SQLite transactions are serial anyway.)
 */
@Injectable()
export class TransactionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const outer = ambient.getStore();
    if (outer?.queryRunner?.isTransactionActive) return work(outer);
    const inTransaction = (manager: EntityManager) => ambient.run(manager, () => work(manager));
    return this.dataSource.transaction(inTransaction);
  }
}
