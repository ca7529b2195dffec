import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dialectOf, inClaimedChunks, TransactionService } from '../../common/database';
import { JobContext, JobHandler, JobResult } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { PointsLedgerService } from './points-ledger.service';

/** Lots per transaction. */
const CHUNK = 2000;

/**
 * Daily: expires what is left of every lot whose end-of-month expiry has passed (FIFO holds
 * because redemptions already drew the oldest lots). Reads the open lots that are due from the
 * (expiredAt, expiresAt, memberId) index, so a night's work costs what expires that night however
 * long the history; each chunk is expired set-based in one transaction. A lot expires once,
 * however often or concurrently the job runs.
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

  run({ asOf, heartbeat }: JobContext): Promise<JobResult> {
    const at = dialectOf(this.dataSource).dateTime(asOf);
    return inClaimedChunks<{ id: string }>({
      fetch: () =>
        this.dataSource.query(
          'SELECT `id` FROM `points_lot` WHERE `expiredAt` IS NULL AND `expiresAt` <= ? ORDER BY `expiresAt`, `memberId`, `id` LIMIT ' +
            CHUNK,
          [at],
        ),
      handle: (lots) =>
        this.tx.run((manager) =>
          this.ledger.expireLots(
            manager,
            lots.map((l) => l.id),
            asOf,
          ),
        ),
      heartbeat,
    });
  }
}
