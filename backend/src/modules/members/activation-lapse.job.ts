import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dialectOf, executeUpdate } from '../../common/database';
import { JobContext, JobHandler, JobResult } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { ProgrammeService } from '../programme/programme.service';
import { MemberStatus } from './member.enums';

/**
 * Hourly: online registrations still pending after 7 days lapse (LAPSED), which frees their phone
 * number for a new registration. One set-based UPDATE; re-running changes nothing.
 */
@Injectable()
export class ActivationLapseJob implements JobHandler, OnModuleInit {
  readonly name = JobName.ACTIVATION_LAPSE;
  readonly schedule = '15 * * * *';
  readonly description = 'Lapses online registrations not activated within 7 days.';

  constructor(
    private readonly registry: JobRegistry,
    private readonly programme: ProgrammeService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async run({ asOf }: JobContext): Promise<JobResult> {
    const rules = await this.programme.rules();
    const cutoff = new Date(asOf.getTime() - rules.activationLapseDays * 86_400_000);
    const sql = dialectOf(this.dataSource);
    const affected = await executeUpdate(
      this.dataSource,
      'UPDATE `member` SET `status` = ?, `phoneKey` = NULL, `statusReason` = ?, `updatedAt` = ' +
        sql.now() +
        ' WHERE `status` = ? AND `createdAt` <= ?',
      [MemberStatus.LAPSED, `Not activated within ${rules.activationLapseDays} days`, MemberStatus.PENDING_ACTIVATION, sql.dateTime(cutoff)],
    );
    return { processed: affected, affected };
  }
}
