import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dialectOf, executeUpdate, inKeyChunks, TransactionService } from '../../common/database';
import { JobContext, JobHandler, JobResult } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { PointsLedgerService } from './points-ledger.service';

const CHUNK = 500;

/**
 * Daily: expires what is left of every lot whose end-of-month expiry has passed (FIFO holds
 * because redemptions already drew the oldest lots). Each lot expires once, however often it runs.
 */
@Injectable()
export class PointsExpiryJob implements JobHandler, OnModuleInit {
  readonly name = JobName.POINTS_EXPIRY;
  readonly schedule = '10 0 * * *';
  readonly description = 'Expires the remaining points of lots past the end of their 24th month.';

  constructor(
    private readonly registry: JobRegistry,
    private readonly ledger: PointsLedgerService,
    private readonly tx: TransactionService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async run({ asOf, heartbeat }: JobContext): Promise<JobResult> {
    const sql = dialectOf(this.dataSource);
    // Fully used lots only need closing; no ledger entry.
    await executeUpdate(
      this.dataSource,
      'UPDATE `points_lot` SET `expiredAt` = ? WHERE `expiresAt` <= ? AND `expiredAt` IS NULL AND `remaining` = 0',
      [sql.dateTime(asOf), sql.dateTime(asOf)],
    );
    return inKeyChunks<{ id: string; memberId: string }>({
      fetch: (after) =>
        this.dataSource.query(
          'SELECT `id`, `memberId` FROM `points_lot` WHERE `expiresAt` <= ? AND `expiredAt` IS NULL AND `id` > ? ORDER BY `id` LIMIT ' + CHUNK,
          [sql.dateTime(asOf), after],
        ),
      handle: async (lots) => {
        const byMember = new Map<string, string[]>();
        for (const lot of lots) byMember.set(lot.memberId, [...(byMember.get(lot.memberId) ?? []), lot.id]);
        let expired = 0;
        for (const lotIds of byMember.values()) {
          expired += await this.tx.run(async (manager) => {
            let count = 0;
            for (const lotId of lotIds) if (await this.ledger.expireLot(manager, lotId, asOf)) count++;
            return count;
          });
        }
        return expired;
      },
      heartbeat,
    });
  }
}
