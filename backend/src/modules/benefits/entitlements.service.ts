import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Principal } from '../../common/auth';
import { dialectOf, executeUpdate } from '../../common/database';
import { ListArgs, listQuery, Page } from '../../common/list';
import { storeOf } from '../members/member-access';
import { MemberActivatedHooks } from '../members/member.hooks';
import { TierChangedEvent, TierChangedHooks } from '../tiers/tier-changed.hooks';
import { Tier } from '../tiers/tier.entity';
import { grantPeriod, grantsTier, quotaFor, tierIdsPattern } from './benefit-rules';
import { Benefit } from './benefit.entity';
import { BenefitPeriod, MemberBenefitStatus } from './benefit.enums';
import { MemberBenefitFilter, MemberBenefitSort } from './benefits.types';
import { MemberBenefit } from './member-benefit.entity';

/** Entitlements still running: they block a second grant of the same benefit and can be topped up or revoked. */
export const OPEN_STATUSES = [MemberBenefitStatus.ACTIVE, MemberBenefitStatus.EXHAUSTED];

interface TierGrant {
  memberId: string;
  tierId: string;
  /** When the member entered the tier (the grant's start). */
  asOf: Date;
  /** The member's tier review, where ONCE entitlements end; null for the entry tier. */
  reviewAt: Date | null;
}

/**
 * Entitlements (会员权益): what a member holds of each benefit for a period. A member receives the
 * benefits of a tier the moment they enter it (activation in the entry tier, or any tier change),
 * inside the transaction that moved them; dropping to a lower tier revokes what the new tier does
 * not grant. Renewals and benefits configured later come from the BENEFIT_GRANTS job.
 *
 * One entitlement per member and benefit is open at a time: a grant into a tier whose benefit the
 * member already holds for the running period tops that entitlement up to the new tier's quota
 * (never lowers it) instead of starting a second, overlapping one.
 */
@Injectable()
export class EntitlementsService implements OnModuleInit {
  constructor(
    @InjectRepository(MemberBenefit) private readonly entitlements: Repository<MemberBenefit>,
    private readonly activated: MemberActivatedHooks,
    private readonly tierChanged: TierChangedHooks,
  ) {}

  onModuleInit() {
    // Both run inside the emitting transaction and write only through its manager.
    this.activated.register((manager, { member }) =>
      this.grantTier(manager, {
        memberId: member.id,
        tierId: member.tierId,
        asOf: new Date(),
        reviewAt: member.tierReviewAt,
      }).then(() => undefined),
    );
    this.tierChanged.register((manager, event) => this.onTierChanged(manager, event));
  }

  /** Store staff see their own dealership's members' entitlements, or any one member's by memberId. */
  list(
    principal: Principal | undefined,
    args: ListArgs<MemberBenefitFilter, MemberBenefitSort>,
  ): Promise<Page<MemberBenefit>> {
    const store = storeOf(principal);
    return listQuery(this.entitlements, args, {
      scope: (qb, alias) => {
        if (!store || args.filter?.memberId) return;
        qb.andWhere(`${alias}.memberId IN (SELECT sm.id FROM member sm WHERE sm.homeDealershipId = :store)`, {
          store,
        });
      },
    });
  }

  findOne(id: string): Promise<MemberBenefit | null> {
    return this.entitlements.findOneBy({ id });
  }

  /** The ACTIVE entitlements (quota left, period running) of many members, in key order: for batching. */
  async activeFor(memberIds: readonly string[]): Promise<MemberBenefit[][]> {
    const rows = await this.entitlements
      .createQueryBuilder('mb')
      .where('mb.memberId IN (:...memberIds)', { memberIds })
      .andWhere('mb.status = :status', { status: MemberBenefitStatus.ACTIVE })
      .andWhere('mb.periodEnd > :now', { now: new Date() })
      .orderBy('mb.periodEnd', 'ASC')
      .addOrderBy('mb.id', 'ASC')
      .getMany();
    return memberIds.map((id) => rows.filter((row) => row.memberId === id));
  }

  /** A tier change: revokes on the way down, then grants (or tops up) what the new tier gives. */
  async onTierChanged(manager: EntityManager, event: TierChangedEvent): Promise<void> {
    const to = await manager.findOneByOrFail(Tier, { id: event.toTierId });
    const from = event.fromTierId ? await manager.findOneBy(Tier, { id: event.fromTierId }) : null;
    if (from && to.rank < from.rank)
      await this.revokeNotGrantedBy(manager, event.memberId, to.id, event.asOf);
    await this.grantTier(manager, {
      memberId: event.memberId,
      tierId: to.id,
      asOf: event.asOf,
      reviewAt: event.reviewAt,
    });
  }

  /**
   * Gives a member who has just entered a tier every active benefit of that tier, starting now.
   * An entitlement of the same benefit that is still open is kept and topped up instead: its quota
   * rises to the new tier's (never falls), it is attributed to the new tier, and a ONCE one runs
   * on to the new tier review. Returns how many entitlements were granted or changed.
   */
  async grantTier(manager: EntityManager, grant: TierGrant): Promise<number> {
    const benefits = (await this.benefitsOf(manager, grant.tierId)).filter((b) => b.active);
    if (!benefits.length) return 0;
    const running = await manager
      .createQueryBuilder(MemberBenefit, 'mb')
      .where('mb.memberId = :memberId', { memberId: grant.memberId })
      .andWhere('mb.benefitId IN (:...benefitIds)', { benefitIds: benefits.map((b) => b.id) })
      .andWhere('mb.periodEnd > :asOf', { asOf: grant.asOf })
      .getMany();
    const sql = dialectOf(manager);
    let changed = 0;
    for (const benefit of benefits) {
      const quota = quotaFor(benefit, grant.tierId);
      if (quota < 1) continue;
      const period = grantPeriod(benefit.period, grant.asOf, grant.reviewAt);
      const mine = running.filter((e) => e.benefitId === benefit.id);
      const current = mine
        .filter((e) => e.status !== MemberBenefitStatus.REVOKED)
        .sort((a, b) => b.periodEnd.getTime() - a.periodEnd.getTime())[0];
      if (current) {
        // Still covered (an EXPIRED one here was closed by a run as of a later date): never a second, overlapping grant.
        if (!OPEN_STATUSES.includes(current.status)) continue;
        const newQuota = Math.max(current.quota, quota);
        const newEnd =
          benefit.period === BenefitPeriod.ONCE && period.end > current.periodEnd
            ? period.end
            : current.periodEnd;
        if (
          newQuota === current.quota &&
          newEnd.getTime() === current.periodEnd.getTime() &&
          current.tierId === grant.tierId
        )
          continue;
        // Conditional on `used` as it is now, so a concurrent redemption cannot be overwritten.
        changed += await executeUpdate(
          manager,
          'UPDATE `member_benefit` SET `quota` = ?, `tierId` = ?, `periodEnd` = ?, `status` = CASE WHEN `used` < ? THEN ? ELSE ? END, `updatedAt` = ' +
            sql.now() +
            ' WHERE `id` = ? AND `status` IN (?, ?)',
          [
            newQuota,
            grant.tierId,
            sql.dateTime(newEnd),
            newQuota,
            MemberBenefitStatus.ACTIVE,
            MemberBenefitStatus.EXHAUSTED,
            current.id,
            ...OPEN_STATUSES,
          ],
        );
        continue;
      }
      // A revoked entitlement that started at this very instant holds the unique key: nothing to add.
      if (mine.some((e) => e.periodStart.getTime() === period.start.getTime())) continue;
      await manager.save(
        manager.create(MemberBenefit, {
          memberId: grant.memberId,
          benefitId: benefit.id,
          tierId: grant.tierId,
          quota,
          used: 0,
          periodStart: period.start,
          periodEnd: period.end,
          status: MemberBenefitStatus.ACTIVE,
        }),
      );
      changed++;
    }
    return changed;
  }

  /** Revokes the member's open entitlements of benefits the tier does not grant (active or not). */
  async revokeNotGrantedBy(
    manager: EntityManager,
    memberId: string,
    tierId: string,
    asOf: Date,
  ): Promise<number> {
    const kept = (await this.benefitsOf(manager, tierId)).map((b) => b.id);
    const sql = dialectOf(manager);
    return executeUpdate(
      manager,
      'UPDATE `member_benefit` SET `status` = ?, `updatedAt` = ' +
        sql.now() +
        ' WHERE `memberId` = ? AND `status` IN (?, ?) AND `periodEnd` > ?' +
        (kept.length ? ` AND \`benefitId\` NOT IN (${kept.map(() => '?').join(', ')})` : ''),
      [MemberBenefitStatus.REVOKED, memberId, ...OPEN_STATUSES, sql.dateTime(asOf), ...kept],
    );
  }

  /** The benefits that name a tier (active or not), by code. */
  async benefitsOf(manager: EntityManager, tierId: string): Promise<Benefit[]> {
    const rows = await manager
      .createQueryBuilder(Benefit, 'b')
      .where("b.tierIds LIKE :pattern ESCAPE '!'", { pattern: tierIdsPattern(tierId) })
      .orderBy('b.code', 'ASC')
      .getMany();
    return rows.filter((b) => grantsTier(b, tierId));
  }
}
