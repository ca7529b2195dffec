import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { dialectOf, executeUpdate, inKeyChunks, TransactionService } from '../../common/database';
import { isUniqueViolation } from '../../common/errors';
import { JobContext, JobHandler, JobResult } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { MemberStatus } from '../members/member.enums';
import { PointsEntryType } from '../points/points-entry.entity';
import { PointsLedgerService } from '../points/points-ledger.service';
import { ActivityEarning } from './activity-earning';
import { ParticipationStatus } from './activity-participation.entity';
import { SETTLEMENT_DELAY_MS } from './activity-rules';
import { ActivityStatus, ActivityType } from './activity.enums';

const CHUNK = 500;
/** Members who are paid an event reward at settlement; others' participations close with 0 points. */
const PAYABLE = [MemberStatus.ACTIVE, MemberStatus.FROZEN];

interface DueActivity {
  id: string;
  name: string;
  type: ActivityType;
  rewardPoints: number | string | null;
}

/**
 * Moves published activities along their lifecycle as of `asOf`, set-based and idempotent:
 * SCHEDULED → ACTIVE at startsAt; SCHEDULED/ACTIVE → ENDED at endsAt; ENDED → SETTLED a day after
 * the end (SETTLEMENT_DELAY_MS, after the event day's last check-ins and late DMS pushes), paying each
 * checked-in EVENT participant its rewardPoints once (an ACTIVITY ledger entry under an idempotency
 * key, counted in pointsIssued and against the budget) before the activity is marked SETTLED.
 * A crashed run resumes where it stopped; a re-run finds nothing left to do.
 */
@Injectable()
export class ActivityLifecycleJob implements JobHandler, OnModuleInit {
  readonly name = JobName.ACTIVITY_LIFECYCLE;
  readonly schedule = '*/5 * * * *';
  readonly description =
    'Starts and ends published activities on time and settles ended ones (event rewards paid once).';

  constructor(
    private readonly registry: JobRegistry,
    private readonly ledger: PointsLedgerService,
    private readonly earning: ActivityEarning,
    private readonly tx: TransactionService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  run({ asOf, heartbeat }: JobContext): Promise<JobResult> {
    return this.advance(asOf, this.dataSource, heartbeat);
  }

  /**
   * The run itself, on the data source or inside a caller's transaction (the demo seed composes it
   * with the services it drives).
   */
  async advance(
    asOf: Date,
    executor: DataSource | EntityManager = this.dataSource,
    heartbeat: () => Promise<void> = async () => {},
  ): Promise<JobResult> {
    const sql = dialectOf(executor);
    // Each write in a transaction of its own (or the caller's): on SQLite's one shared connection a
    // bare write could otherwise land inside a concurrent request's transaction.
    const write = (statement: string, parameters: unknown[]) =>
      this.tx.run((manager) => executeUpdate(manager, statement, parameters));
    const at = sql.dateTime(asOf);
    let processed = 0;
    let affected = 0;

    affected += await write(
      'UPDATE `activity` SET `status` = ?, `updatedAt` = ' +
        sql.now() +
        ' WHERE `status` = ? AND `startsAt` <= ? AND `endsAt` > ?',
      [ActivityStatus.ACTIVE, ActivityStatus.SCHEDULED, at, at],
    );
    affected += await write(
      'UPDATE `activity` SET `status` = ?, `updatedAt` = ' +
        sql.now() +
        ' WHERE `status` IN (?, ?) AND `endsAt` <= ?',
      [ActivityStatus.ENDED, ActivityStatus.SCHEDULED, ActivityStatus.ACTIVE, at],
    );

    const due: DueActivity[] = await executor.query(
      'SELECT `id`, `name`, `type`, `rewardPoints` FROM `activity` WHERE `status` = ? AND `endsAt` <= ? ORDER BY `id`',
      [ActivityStatus.ENDED, sql.dateTime(new Date(asOf.getTime() - SETTLEMENT_DELAY_MS))],
    );
    for (const activity of due) {
      processed++;
      if (activity.type === ActivityType.EVENT) {
        const paid = await this.payRewards(executor, activity, asOf, heartbeat);
        processed += paid.processed;
        affected += paid.affected;
      }
      // Settled only once nobody is left waiting for a reward.
      affected += await write(
        'UPDATE `activity` SET `status` = ?, `settledAt` = ?, `updatedAt` = ' +
          sql.now() +
          ' WHERE `id` = ? AND `status` = ? AND NOT EXISTS (SELECT 1 FROM `activity_participation` p WHERE p.`activityId` = ? AND p.`status` = ?)',
        [
          ActivityStatus.SETTLED,
          at,
          activity.id,
          ActivityStatus.ENDED,
          activity.id,
          ParticipationStatus.CHECKED_IN,
        ],
      );
      await heartbeat();
    }
    return { processed, affected };
  }

  /** Pays every CHECKED_IN participant of an event, each in its own transaction, in primary-key chunks. */
  private async payRewards(
    executor: DataSource | EntityManager,
    activity: DueActivity,
    asOf: Date,
    heartbeat: () => Promise<void>,
  ) {
    return inKeyChunks<{ id: string; memberId: string; memberStatus: MemberStatus }>({
      fetch: (after) =>
        executor.query(
          'SELECT p.`id`, p.`memberId`, m.`status` AS memberStatus FROM `activity_participation` p JOIN `member` m ON m.`id` = p.`memberId` ' +
            'WHERE p.`activityId` = ? AND p.`status` = ? AND p.`id` > ? ORDER BY p.`id` LIMIT ' +
            CHUNK,
          [activity.id, ParticipationStatus.CHECKED_IN, after],
        ),
      handle: async (rows) => {
        let paid = 0;
        for (const row of rows) {
          try {
            if (await this.tx.run((manager) => this.reward(manager, activity, row, asOf))) paid++;
          } catch (error) {
            if (!isUniqueViolation(error)) throw error; // a concurrent run paid it first
          }
        }
        return paid;
      },
      heartbeat,
    });
  }

  /**
   * One participant's reward: the participation is claimed (CHECKED_IN → REWARDED) first, so a
   * concurrent or repeated run pays nothing; then the points are claimed against the budget (fewer,
   * or none, when it is spent) and credited as an ACTIVITY entry with an idempotency key.
   */
  private async reward(
    manager: EntityManager,
    activity: DueActivity,
    row: { id: string; memberId: string; memberStatus: MemberStatus },
    asOf: Date,
  ): Promise<boolean> {
    const sql = dialectOf(manager);
    const claimed = await executeUpdate(
      manager,
      'UPDATE `activity_participation` SET `status` = ?, `rewardedPoints` = 0, `rewardedAt` = ?, `updatedAt` = ' +
        sql.now() +
        ' WHERE `id` = ? AND `status` = ?',
      [ParticipationStatus.REWARDED, sql.dateTime(asOf), row.id, ParticipationStatus.CHECKED_IN],
    );
    if (!claimed) return false;
    const points = Number(activity.rewardPoints ?? 0);
    if (points <= 0 || !PAYABLE.includes(row.memberStatus)) return true;
    const granted = await this.earning.reserve(manager, activity.id, points);
    if (granted <= 0) return true;
    await executeUpdate(manager, 'UPDATE `activity_participation` SET `rewardedPoints` = ? WHERE `id` = ?', [
      granted,
      row.id,
    ]);
    await this.ledger.credit(manager, {
      memberId: row.memberId,
      type: PointsEntryType.ACTIVITY,
      points: granted,
      earnedAt: asOf,
      reason: `活动奖励：${activity.name}`,
      sourceType: 'ACTIVITY',
      sourceId: activity.id,
      dealershipId: null,
      operatorId: null,
      idempotencyKey: `activity-reward:${row.id}`,
    });
    return true;
  }
}
