import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a unit of work in one database transaction; the one way services group their writes.
 * On MySQL/MariaDB it runs READ COMMITTED: after a conditional UPDATE has waited for a concurrent
 * writer, the reads that follow see that writer's committed rows instead of an older snapshot, which
 * the ledgers' conditional-update pattern relies on. (SQLite transactions are serial anyway.)
 */
@Injectable()
export class TransactionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.options.type === 'mysql' || this.dataSource.options.type === 'mariadb'
      ? this.dataSource.transaction('READ COMMITTED', work)
      : this.dataSource.transaction(work);
  }
}
