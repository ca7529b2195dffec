import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { dialectOf, executeUpdate, inKeyChunks, readDateTime, TransactionService } from '../../common/database';
import { newId } from '../../common/entity';
import { JobContext, JobHandler, JobResult } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { MemberStatus } from '../members/member.enums';
import { grantPeriod, nextPeriod, Period, quotaFor } from './benefit-rules';
import { Benefit } from './benefit.entity';
import { BenefitPeriod, MemberBenefitStatus } from './benefit.enums';
import { MemberBenefit } from './member-benefit.entity';

const CHUNK = 500;
/** Rows per INSERT statement: well inside SQLite's limit on bound parameters. */
const INSERT_BATCH = 200;
/** Members who hold a tier that matters (as for the tier evaluation). */
const HOLDING_STATUSES = [MemberStatus.ACTIVE, MemberStatus.FROZEN];

interface MemberRow {
  id: string;
  tierId: string;
  status: MemberStatus;
  tierAchievedAt: unknown;
  tierReviewAt: unknown;
  createdAt: unknown;
}

/**
 * Daily: closes entitlements whose period has ended with quota left (EXPIRED: unused quota lapses),
 * then gives every member who holds a tier each active benefit of that tier they do not hold for
 * the current period: the renewal of a YEAR or MONTH entitlement that lapsed, or a benefit created
 * for (or newly assigned to) a tier after the member entered it. ONCE benefits are granted once per
 * tier holding. Works in primary-key chunks with grouped SQL; re-running the same `asOf` finds
 * every entitlement already in place and changes nothing.
 */
@Injectable()
export class BenefitGrantsJob implements JobHandler, OnModuleInit {
  readonly name = JobName.BENEFIT_GRANTS;
  readonly schedule = '20 0 * * *';
  readonly description =
    'Lapses entitlements past their period end and grants renewals and newly configured tier benefits.';

  constructor(
    private readonly registry: JobRegistry,
    private readonly tx: TransactionService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async run({ asOf, heartbeat }: JobContext): Promise<JobResult> {
    const lapsed = await this.lapse(asOf, heartbeat);
    const granted = await this.grant(asOf, heartbeat);
    return { processed: lapsed.processed + granted.processed, affected: lapsed.affected + granted.affected };
  }

  /** ACTIVE entitlements whose period ended by `asOf` become EXPIRED (EXHAUSTED ones stay as they are). */
  private async lapse(asOf: Date, heartbeat: () => Promise<void>): Promise<JobResult> {
    const sql = dialectOf(this.dataSource);
    return inKeyChunks<{ id: string }>({
      fetch: (after) =>
        this.dataSource.query(
          'SELECT `id` FROM `member_benefit` WHERE `status` = ? AND `periodEnd` <= ? AND `id` > ? ORDER BY `id` LIMIT ' +
            CHUNK,
          [MemberBenefitStatus.ACTIVE, sql.dateTime(asOf), after],
        ),
      handle: (rows) => {
        const ids = rows.map((r) => r.id);
        return executeUpdate(
          this.dataSource,
          'UPDATE `member_benefit` SET `status` = ?, `updatedAt` = ' +
            sql.now() +
            ` WHERE \`id\` IN (${ids.map(() => '?').join(', ')}) AND \`status\` = ? AND \`periodEnd\` <= ?`,
          [MemberBenefitStatus.EXPIRED, ...ids, MemberBenefitStatus.ACTIVE, sql.dateTime(asOf)],
        );
      },
      heartbeat,
    });
  }

  private async grant(asOf: Date, heartbeat: () => Promise<void>): Promise<JobResult> {
    const benefits = await this.dataSource
      .getRepository(Benefit)
      .find({ where: { active: true }, order: { code: 'ASC' } });
    const byTier = new Map<string, Benefit[]>();
    for (const benefit of benefits)
      for (const tierId of benefit.tierIds ?? [])
        byTier.set(tierId, [...(byTier.get(tierId) ?? []), benefit]);
    if (!byTier.size) return { processed: 0, affected: 0 };
    const tierIds = [...byTier.keys()];
    return inKeyChunks<{ id: string }>({
      fetch: (after) =>
        this.dataSource.query(
          'SELECT `id` FROM `member` WHERE `id` > ? AND `status` IN (?, ?) AND `tierId` IN (' +
            tierIds.map(() => '?').join(', ') +
            ') ORDER BY `id` LIMIT ' +
            CHUNK,
          [after, ...HOLDING_STATUSES, ...tierIds],
        ),
      handle: (rows) =>
        this.tx.run((manager) =>
          this.grantChunk(
            manager,
            rows.map((r) => r.id),
            byTier,
            asOf,
          ),
        ),
      heartbeat,
    });
  }

  /**
   * One chunk of members in one transaction. Their rows are locked first (a plain UPDATE, portable)
   * so a concurrent tier change of one of them, which grants in its own transaction, is either
   * seen here or waits: a benefit is never granted twice for overlapping periods.
   */
  private async grantChunk(
    manager: EntityManager,
    memberIds: string[],
    byTier: Map<string, Benefit[]>,
    asOf: Date,
  ): Promise<number> {
    const placeholders = memberIds.map(() => '?').join(', ');
    await executeUpdate(
      manager,
      `UPDATE \`member\` SET \`id\` = \`id\` WHERE \`id\` IN (${placeholders})`,
      memberIds,
    );
    const members: MemberRow[] = await manager.query(
      `SELECT \`id\`, \`tierId\`, \`status\`, \`tierAchievedAt\`, \`tierReviewAt\`, \`createdAt\` FROM \`member\` WHERE \`id\` IN (${placeholders})`,
      memberIds,
    );
    // The latest end of any entitlement not revoked, per member and benefit.
    const latest: { memberId: string; benefitId: string; lastEnd: unknown }[] = await manager.query(
      `SELECT \`memberId\`, \`benefitId\`, MAX(\`periodEnd\`) AS lastEnd FROM \`member_benefit\`
        WHERE \`memberId\` IN (${placeholders}) AND \`status\` <> ? GROUP BY \`memberId\`, \`benefitId\``,
      [...memberIds, MemberBenefitStatus.REVOKED],
    );
    const lastEnds = new Map(
      latest.map((row) => [`${row.memberId}:${row.benefitId}`, readDateTime(row.lastEnd)]),
    );

    const grants: Partial<MemberBenefit>[] = [];
    for (const member of members) {
      if (!HOLDING_STATUSES.includes(member.status)) continue;
      for (const benefit of byTier.get(member.tierId) ?? []) {
        const quota = quotaFor(benefit, member.tierId);
        if (quota < 1) continue;
        const lastEnd = lastEnds.get(`${member.id}:${benefit.id}`) ?? null;
        if (lastEnd && lastEnd > asOf) continue; // held for the current period already
        let period: Period;
        if (benefit.period === BenefitPeriod.ONCE) {
          // Once per tier holding: nothing if one ran at any time since the member entered the tier.
          const enteredAt = readDateTime(member.tierAchievedAt) ?? readDateTime(member.createdAt)!;
          if (lastEnd && lastEnd > enteredAt) continue;
          period = grantPeriod(BenefitPeriod.ONCE, asOf, readDateTime(member.tierReviewAt));
        } else {
          period = nextPeriod(benefit.period, lastEnd, asOf);
        }
        grants.push({
          id: newId(),
          memberId: member.id,
          benefitId: benefit.id,
          tierId: member.tierId,
          quota,
          used: 0,
          periodStart: period.start,
          periodEnd: period.end,
          status: MemberBenefitStatus.ACTIVE,
        });
      }
    }
    for (let i = 0; i < grants.length; i += INSERT_BATCH) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(MemberBenefit)
        .values(grants.slice(i, i + INSERT_BATCH))
        .updateEntity(false)
        .execute();
    }
    return grants.length;
  }
}
