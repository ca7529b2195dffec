import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Principal } from '../../common/auth';
import { dialectOf, executeUpdate, serializeOn } from '../../common/database';
import { ListArgs, listQuery, Page } from '../../common/list';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { storeOf } from '../members/member-access';
import { Member } from '../members/member.entity';
import { MemberStatus } from '../members/member.enums';
import { MemberActivatedHooks, MemberJoinedHooks } from '../members/member.hooks';
import { PointsEntryType } from '../points/points-entry.entity';
import { PointsLedgerService } from '../points/points-ledger.service';
import { ProgrammeService } from '../programme/programme.service';
import { SalesTransaction } from '../transactions/sales-transaction.entity';
import { TransactionStatus, TransactionType } from '../transactions/transaction.enums';
import { TransactionPostedHooks } from '../transactions/transaction.hooks';
import { Referral, ReferralStatus } from './referral.entity';
import { localYearOf } from './referral-year';
import { ReferralFilter, ReferralSort } from './referrals.types';

/**
 * Referrals (推荐有礼). A member who joins with another member's referral code is a referee; the
 * referral is REGISTERED at once, QUALIFIED by the referee's first vehicle purchase, and then either
 * REWARDED (the referrer is credited `referralRewardPoints`) or CAPPED (the referrer already had
 * `referralYearlyCap` referrals rewarded in that calendar year). Everything happens inside the
 * transaction of the event that causes it (registration, purchase, activation), through its manager.
 *
 * Rules decided here (DESIGN.md leaves them open):
 * - The referee must be ACTIVE when the purchase is recorded. A PENDING_ACTIVATION referee's
 *   purchase qualifies the referral when they activate (their earliest posted vehicle purchase).
 *   A purchase by a FROZEN, CANCELLED or LAPSED referee qualifies nothing; and since only the first
 *   posted purchase qualifies, such a referral stays REGISTERED.
 * - The referrer must be ACTIVE when the referral qualifies, otherwise it stays QUALIFIED for good
 *   (no points, and it does not count towards the cap). A reward of 0 points in the programme
 *   settings switches rewards off likewise.
 * - The cap counts REWARDED referrals whose `rewardedAt` falls in the calendar year (programme time
 *   zone) of this reward's time: the recording time of the purchase (or of the activation).
 * - Reversing the qualifying purchase leaves the reward: the points were "credited as soon as the
 *   purchase is recorded", the referral stays REWARDED and a later purchase does not reward again.
 */
@Injectable()
export class ReferralsService implements OnModuleInit {
  constructor(
    @InjectRepository(Referral) private readonly referrals: Repository<Referral>,
    private readonly programme: ProgrammeService,
    private readonly ledger: PointsLedgerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly joined: MemberJoinedHooks,
    private readonly activated: MemberActivatedHooks,
    private readonly posted: TransactionPostedHooks,
  ) {}

  onModuleInit() {
    this.joined.register((manager, { member }) => this.recordReferral(manager, member));
    this.posted.register((manager, { transaction }) => this.onPosted(manager, transaction));
    this.activated.register((manager, { member }) => this.onActivated(manager, member));
  }

  /**
   * Store staff see referrals in which their dealership's member is the referrer or the referee;
   * naming a member (referrerId or refereeId) shows that member's referrals whatever their store.
   */
  list(
    principal: Principal | undefined,
    args: ListArgs<ReferralFilter, ReferralSort>,
  ): Promise<Page<Referral>> {
    const store = storeOf(principal);
    const forOneMember = !!(args.filter?.referrerId || args.filter?.refereeId);
    return listQuery(this.referrals, args, {
      scope: (qb, alias) => {
        if (!store || forOneMember) return;
        qb.andWhere(
          `(${alias}.referrerId IN (SELECT sm.id FROM member sm WHERE sm.homeDealershipId = :store) ` +
            `OR ${alias}.refereeId IN (SELECT sm2.id FROM member sm2 WHERE sm2.homeDealershipId = :store))`,
          { store },
        );
      },
    });
  }

  /** A member who joined with a referral code: one referral per referee (unique in the table). */
  private async recordReferral(manager: EntityManager, member: Member): Promise<void> {
    if (!member.referredById || member.referredById === member.id) return;
    await manager.save(
      manager.create(Referral, {
        referrerId: member.referredById,
        refereeId: member.id,
        status: ReferralStatus.REGISTERED,
        rewardPoints: null,
        transactionId: null,
        qualifiedAt: null,
        rewardedAt: null,
      }),
    );
  }

  /** A posted sale: the referee's first vehicle purchase qualifies their referral. */
  private async onPosted(manager: EntityManager, transaction: SalesTransaction): Promise<void> {
    if (transaction.type !== TransactionType.VEHICLE_PURCHASE || !transaction.memberId) return;
    if (transaction.status !== TransactionStatus.POSTED) return;
    const referral = await manager.findOneBy(Referral, { refereeId: transaction.memberId });
    if (referral?.status !== ReferralStatus.REGISTERED) return;
    const referee = await manager.findOneBy(Member, { id: transaction.memberId });
    // PENDING_ACTIVATION: qualified on activation; FROZEN, CANCELLED, LAPSED: never.
    if (referee?.status !== MemberStatus.ACTIVE) return;
    const earlier = await manager
      .createQueryBuilder(SalesTransaction, 't')
      .where('t.memberId = :memberId AND t.type = :type AND t.status = :status AND t.id <> :id', {
        memberId: referee.id,
        type: TransactionType.VEHICLE_PURCHASE,
        status: TransactionStatus.POSTED,
        id: transaction.id,
      })
      .getExists();
    if (earlier) return;
    await this.qualify(manager, referral, referee, transaction, transaction.createdAt ?? new Date());
  }

  /** A referee activated after buying while PENDING_ACTIVATION: that first purchase qualifies now. */
  private async onActivated(manager: EntityManager, member: Member): Promise<void> {
    if (!member.referredById || member.status !== MemberStatus.ACTIVE) return;
    const referral = await manager.findOneBy(Referral, { refereeId: member.id });
    if (referral?.status !== ReferralStatus.REGISTERED) return;
    const first = await manager.findOne(SalesTransaction, {
      where: {
        memberId: member.id,
        type: TransactionType.VEHICLE_PURCHASE,
        status: TransactionStatus.POSTED,
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    if (!first) return;
    await this.qualify(manager, referral, member, first, new Date());
  }

  /**
   * REGISTERED → QUALIFIED (claimed with a conditional UPDATE, so concurrent purchases qualify it
   * once), then rewarded or capped.
   */
  private async qualify(
    manager: EntityManager,
    referral: Referral,
    referee: Member,
    transaction: SalesTransaction,
    at: Date,
  ): Promise<void> {
    const sql = dialectOf(manager);
    const claimed = await executeUpdate(
      manager,
      'UPDATE `referral` SET `status` = ?, `qualifiedAt` = ?, `transactionId` = ?, `updatedAt` = ' +
        sql.now() +
        ' WHERE `id` = ? AND `status` = ?',
      [ReferralStatus.QUALIFIED, sql.dateTime(at), transaction.id, referral.id, ReferralStatus.REGISTERED],
    );
    if (!claimed) return;
    await this.reward(manager, referral, referee, transaction.dealershipId, at);
  }

  /**
   * QUALIFIED → REWARDED with the points credited to the referrer, or CAPPED. Rewards of one
   * referrer queue on the referrer's member row (a no-op conditional UPDATE, portable: no GET_LOCK),
   * so the count of this year's rewards below already sees every concurrent reward committed before
   * it, and two purchases at the cap edge cannot both be rewarded.
   */
  private async reward(
    manager: EntityManager,
    referral: Referral,
    referee: Member,
    dealershipId: string,
    at: Date,
  ): Promise<void> {
    const rules = await this.programme.rules(manager);
    if (rules.referralRewardPoints <= 0) return; // rewards switched off: stays QUALIFIED
    await serializeOn(manager, 'member', referral.referrerId);
    const referrer = await manager.findOneBy(Member, { id: referral.referrerId });
    if (referrer?.status !== MemberStatus.ACTIVE) return; // stays QUALIFIED
    const sql = dialectOf(manager);
    const year = localYearOf(at, this.config.programmeTimeZone);
    const rewardedThisYear = await manager
      .createQueryBuilder(Referral, 'r')
      .where(
        'r.referrerId = :referrerId AND r.status = :status AND r.rewardedAt >= :start AND r.rewardedAt < :end',
        {
          referrerId: referrer.id,
          status: ReferralStatus.REWARDED,
          start: sql.dateTime(year.start),
          end: sql.dateTime(year.end),
        },
      )
      .getCount();
    if (rewardedThisYear >= rules.referralYearlyCap) {
      await executeUpdate(
        manager,
        'UPDATE `referral` SET `status` = ?, `updatedAt` = ' + sql.now() + ' WHERE `id` = ? AND `status` = ?',
        [ReferralStatus.CAPPED, referral.id, ReferralStatus.QUALIFIED],
      );
      return;
    }
    const points = rules.referralRewardPoints;
    const changed = await executeUpdate(
      manager,
      'UPDATE `referral` SET `status` = ?, `rewardPoints` = ?, `rewardedAt` = ?, `updatedAt` = ' +
        sql.now() +
        ' WHERE `id` = ? AND `status` = ?',
      [ReferralStatus.REWARDED, points, sql.dateTime(at), referral.id, ReferralStatus.QUALIFIED],
    );
    if (!changed) return;
    await this.ledger.credit(manager, {
      memberId: referrer.id,
      type: PointsEntryType.REFERRAL,
      points,
      earnedAt: at,
      reason: `推荐有礼: member ${referee.memberNo} bought a vehicle`,
      sourceType: 'REFERRAL',
      sourceId: referral.id,
      dealershipId,
      operatorId: null,
      idempotencyKey: `referral:${referral.id}`,
    });
  }
}
