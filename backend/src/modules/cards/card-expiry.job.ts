import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dialectOf, executeUpdate } from '../../common/database';
import { JobContext, JobHandler, JobResult } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { CardStatus } from './card.enums';

/**
 * Daily: cards past their expiry stop working (EXPIRED). Their value is not forfeited: it stays on
 * the card and on the liability report (as expired) until refunded or the card is extended.
 */
@Injectable()
export class CardExpiryJob implements JobHandler, OnModuleInit {
  readonly name = JobName.CARD_EXPIRY;
  readonly schedule = '5 0 * * *';
  readonly description = 'Marks cards past their expiry EXPIRED; their remaining value stays owed.';

  constructor(
    private readonly registry: JobRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async run({ asOf }: JobContext): Promise<JobResult> {
    const sql = dialectOf(this.dataSource);
    const affected = await executeUpdate(
      this.dataSource,
      'UPDATE `card` SET `status` = ?, `statusReason` = ?, `updatedAt` = ' +
        sql.now() +
        ' WHERE `status` = ? AND `expiresAt` IS NOT NULL AND `expiresAt` <= ?',
      [CardStatus.EXPIRED, 'Expired', CardStatus.ACTIVE, sql.dateTime(asOf)],
    );
    return { processed: affected, affected };
  }
}
