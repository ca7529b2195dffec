import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inKeyChunks, TransactionService } from '../../common/database';
import { isUniqueViolation } from '../../common/errors';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { JobContext, JobHandler, JobResult } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { MemberStatus } from '../members/member.enums';
import { ProgrammeService } from '../programme/programme.service';
import { monthOf } from './points-expiry';
import { PointsEntryType } from './points-entry.entity';
import { PointsLedgerService } from './points-ledger.service';

const CHUNK = 500;

/** Daily: credits the birthday points (200) to active members in their birthday month, once a year. */
@Injectable()
export class BirthdayRewardsJob implements JobHandler, OnModuleInit {
  readonly name = JobName.BIRTHDAY_REWARDS;
  readonly schedule = '0 8 * * *';
  readonly description = 'Credits birthday points once in each active member’s birthday month.';

  constructor(
    private readonly registry: JobRegistry,
    private readonly ledger: PointsLedgerService,
    private readonly programme: ProgrammeService,
    private readonly tx: TransactionService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async run({ asOf, heartbeat }: JobContext): Promise<JobResult> {
    const rules = await this.programme.rules();
    if (rules.birthdayPoints <= 0) return { processed: 0, affected: 0 };
    const { year, month } = monthOf(asOf, this.config.programmeTimeZone);
    const period = `${year}`;
    return inKeyChunks<{ id: string }>({
      fetch: (after) =>
        this.dataSource.query(
          `SELECT m.\`id\` FROM \`member\` m
            WHERE m.\`id\` > ? AND m.\`status\` = ? AND SUBSTR(m.\`birthday\`, 6, 2) = ?
              AND NOT EXISTS (SELECT 1 FROM \`points_entry\` pe WHERE pe.\`memberId\` = m.\`id\` AND pe.\`type\` = ? AND pe.\`sourceId\` = ?)
            ORDER BY m.\`id\` LIMIT ${CHUNK}`,
          [after, MemberStatus.ACTIVE, String(month).padStart(2, '0'), PointsEntryType.BIRTHDAY, period],
        ),
      handle: async (members) => {
        let credited = 0;
        for (const member of members) {
          try {
            await this.tx.run((manager) =>
              this.ledger.credit(manager, {
                memberId: member.id,
                type: PointsEntryType.BIRTHDAY,
                points: rules.birthdayPoints,
                earnedAt: asOf,
                reason: `${year}年生日积分`,
                sourceType: 'BIRTHDAY',
                sourceId: period,
                dealershipId: null,
                operatorId: null,
                idempotencyKey: `birthday:${member.id}:${period}`,
              }),
            );
            credited++;
          } catch (error) {
            if (!isUniqueViolation(error)) throw error; // another run credited it first
          }
        }
        return credited;
      },
      heartbeat,
    });
  }
}
