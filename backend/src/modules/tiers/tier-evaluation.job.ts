import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { dialectOf, executeUpdate, inKeyChunks, readDateTime, TransactionService } from '../../common/database';
import { JobContext, JobHandler, JobResult } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { MemberStatus } from '../members/member.enums';
import { addCalendarMonths } from '../points/points-expiry';
import { ProgrammeService } from '../programme/programme.service';
import { TierChangeReason } from './tier-change.entity';
import { decideTier, EMPTY_FIGURES } from './tier-rules';
import { describe, TiersService } from './tiers.service';

const CHUNK = 500;

interface MemberRow {
  id: string;
  tierId: string;
  tierReviewAt: unknown;
  name: string;
  phone: string;
  status: MemberStatus;
}

/**
 * Nightly: refreshes every member's rolling qualifying points, upgrades those who reached a better
 * tier and reviews those whose `tierReviewAt` has come (keep, or drop one tier). Works through the
 * members in primary-key chunks with grouped SQL; re-running the same `asOf` changes nothing.
 */
@Injectable()
export class TierEvaluationJob implements JobHandler, OnModuleInit {
  readonly name = JobName.TIER_EVALUATION;
  readonly schedule = '30 2 * * *';
  readonly description = 'Refreshes qualifying points, upgrades members who qualify and runs the yearly tier reviews that are due.';

  constructor(
    private readonly registry: JobRegistry,
    private readonly tiers: TiersService,
    private readonly programme: ProgrammeService,
    private readonly tx: TransactionService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async run({ asOf, heartbeat }: JobContext): Promise<JobResult> {
    const rules = await this.programme.rules();
    const tiers = await this.tiers.all();
    const sql = dialectOf(this.dataSource);
    const windowFrom = addCalendarMonths(asOf, -rules.qualifyingWindowMonths);
    return inKeyChunks<MemberRow>({
      fetch: (after) =>
        this.dataSource.query(
          'SELECT `id`, `tierId`, `tierReviewAt`, `name`, `phone`, `status` FROM `member` WHERE `id` > ? AND `status` IN (?, ?) ORDER BY `id` LIMIT ' + CHUNK,
          [after, MemberStatus.ACTIVE, MemberStatus.FROZEN],
        ),
      handle: async (members) => {
        const ids = members.map((m) => m.id);
        const placeholders = ids.map(() => '?').join(', ');
        await executeUpdate(
          this.dataSource,
          `UPDATE \`member\` SET \`qualifyingPoints\` = COALESCE((
              SELECT SUM(t.\`qualifyingPoints\`) FROM \`sales_transaction\` t
               WHERE t.\`memberId\` = \`member\`.\`id\` AND t.\`status\` = 'POSTED' AND t.\`occurredAt\` > ? AND t.\`occurredAt\` <= ?), 0)
            WHERE \`id\` IN (${placeholders})`,
          [sql.dateTime(windowFrom), sql.dateTime(asOf), ...ids],
        );
        const figures = await this.tiers.figuresFor(this.dataSource.manager, ids, asOf, rules);
        let changedCount = 0;
        for (const member of members) {
          const reviewAt = readDateTime(member.tierReviewAt);
          const memberFigures = figures.get(member.id) ?? EMPTY_FIGURES;
          const decision = decideTier({ tiers, currentTierId: member.tierId, figures: memberFigures, reviewDue: !!reviewAt && reviewAt <= asOf });
          if (decision.action === 'NONE') continue;
          const changed = await this.tx.run(async (manager) => {
            if (decision.action === 'KEEP') return this.renewReview(manager, member.id, reviewAt!, asOf, rules.tierReviewMonths);
            const reason = decision.action === 'UPGRADE' ? TierChangeReason.UPGRADE : TierChangeReason.DOWNGRADE;
            const note = `${decision.action === 'UPGRADE' ? 'Qualified' : 'Yearly review not met'}; ${describe(memberFigures)}`;
            return this.tiers.applyChange(manager, member, decision.to, reason, note, null, asOf, rules);
          });
          if (changed) changedCount++;
        }
        return changedCount;
      },
      heartbeat,
    });
  }

  /** A kept tier is reviewed again a year after the anniversary just passed (never in the past). */
  private async renewReview(
    manager: EntityManager,
    memberId: string,
    reviewAt: Date,
    asOf: Date,
    months: number,
  ): Promise<boolean> {
    let next = addCalendarMonths(reviewAt, months);
    while (next <= asOf) next = addCalendarMonths(next, months);
    const sql = dialectOf(manager);
    const changed = await executeUpdate(manager, 'UPDATE `member` SET `tierReviewAt` = ? WHERE `id` = ? AND `tierReviewAt` = ?', [
      sql.dateTime(next),
      memberId,
      sql.dateTime(reviewAt),
    ]);
    return changed > 0;
  }
}
