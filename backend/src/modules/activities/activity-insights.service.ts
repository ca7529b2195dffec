import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { dialectOf } from '../../common/database';
import { MemberStatus } from '../members/member.enums';
import { ProgrammeService } from '../programme/programme.service';
import { Tier } from '../tiers/tier.entity';
import { planEarning } from '../transactions/earning-plan';
import { TransactionStatus } from '../transactions/transaction.enums';
import { ActivitiesService, shapeOf } from './activities.service';
import { ActivityPreview, ActivityStats, CreateActivityInput } from './activities.types';
import { ParticipationStatus } from './activity-participation.entity';
import { ActivityShape, EARNING_TYPES, memberEligible, pointsCostFen } from './activity-rules';
import { Activity } from './activity.entity';
import { ActivityType } from './activity.enums';

/** Transactions a preview looks back over. */
export const PREVIEW_DAYS = 90;
const DAY_MS = 86_400_000;

/** Campaigns whose points other parts of the programme pay (referral rewards, birthday points). */
const LEDGER_CAMPAIGNS: readonly ActivityType[] = [ActivityType.REFERRAL, ActivityType.BIRTHDAY];
const CHECKED_IN = [ParticipationStatus.CHECKED_IN, ParticipationStatus.REWARDED];
const SIGNED_UP = [ParticipationStatus.REGISTERED, ...CHECKED_IN];

interface MemberGroup {
  tierId: string;
  homeDealershipId: string | null;
  members: number;
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * An activity's figures (ActivityStats) and the preview of a draft (ActivityPreview). Stats are
 * computed for a whole page of activities at once with a handful of grouped queries; eligibility by
 * JSON id lists is applied to the grouped rows in code.
 */
@Injectable()
export class ActivityInsightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programme: ProgrammeService,
    private readonly activities: ActivitiesService,
  ) {}

  /** Stats of many activities, in the order of `ids` (a DataLoader batch). */
  async statsFor(ids: readonly string[]): Promise<ActivityStats[]> {
    const manager = this.dataSource.manager;
    const list = await manager.findBy(Activity, { id: In([...ids]) });
    const byId = new Map(list.map((a) => [a.id, a]));
    const rules = await this.programme.rules();
    const groups = await this.memberGroups();
    const keys = list.map((a) => a.id);
    const blank = () => ({ registered: 0, checkedIn: 0, participants: 0, revenue: 0, ledgerPoints: 0 });
    const figures = new Map(keys.map((id) => [id, blank()]));

    if (keys.length) {
      // Sign-ups and check-ins.
      const signUps: { activityId: string; registered: string | number; checkedIn: string | number }[] = await manager.query(
        `SELECT \`activityId\` AS activityId,
                SUM(CASE WHEN \`status\` IN (${placeholders(SIGNED_UP)}) THEN 1 ELSE 0 END) AS registered,
                SUM(CASE WHEN \`status\` IN (${placeholders(CHECKED_IN)}) THEN 1 ELSE 0 END) AS checkedIn
           FROM \`activity_participation\` WHERE \`activityId\` IN (${placeholders(keys)}) GROUP BY \`activityId\``,
        [...SIGNED_UP, ...CHECKED_IN, ...keys],
      );
      for (const row of signUps) Object.assign(figures.get(row.activityId)!, { registered: Number(row.registered), checkedIn: Number(row.checkedIn) });

      // Earning activities: the posted transactions they added points to.
      const earning = list.filter((a) => EARNING_TYPES.includes(a.type)).map((a) => a.id);
      if (earning.length) {
        const rows: { activityId: string; participants: string | number; revenue: string | number }[] = await manager.query(
          `SELECT ta.\`activityId\` AS activityId, COUNT(DISTINCT t.\`memberId\`) AS participants, COALESCE(SUM(t.\`amount\`), 0) AS revenue
             FROM \`transaction_activity\` ta JOIN \`sales_transaction\` t ON t.\`id\` = ta.\`transactionId\`
            WHERE ta.\`activityId\` IN (${placeholders(earning)}) AND t.\`status\` = ?
            GROUP BY ta.\`activityId\``,
          [...earning, TransactionStatus.POSTED],
        );
        for (const row of rows) Object.assign(figures.get(row.activityId)!, { participants: Number(row.participants), revenue: Number(row.revenue) });
      }

      // Events: checked-in participants, and their transactions during the event.
      const events = list.filter((a) => a.type === ActivityType.EVENT).map((a) => a.id);
      if (events.length) {
        for (const id of events) figures.get(id)!.participants = figures.get(id)!.checkedIn;
        const rows: { activityId: string; dealershipId: string; revenue: string | number }[] = await manager.query(
          `SELECT p.\`activityId\` AS activityId, t.\`dealershipId\` AS dealershipId, COALESCE(SUM(t.\`amount\`), 0) AS revenue
             FROM \`activity_participation\` p
             JOIN \`activity\` a ON a.\`id\` = p.\`activityId\`
             JOIN \`sales_transaction\` t ON t.\`memberId\` = p.\`memberId\` AND t.\`occurredAt\` >= a.\`startsAt\` AND t.\`occurredAt\` < a.\`endsAt\`
            WHERE p.\`activityId\` IN (${placeholders(events)}) AND p.\`status\` IN (${placeholders(CHECKED_IN)}) AND t.\`status\` = ?
            GROUP BY p.\`activityId\`, t.\`dealershipId\``,
          [...events, ...CHECKED_IN, TransactionStatus.POSTED],
        );
        for (const row of rows) {
          const activity = byId.get(row.activityId)!;
          if (activity.dealershipIds.length && !activity.dealershipIds.includes(row.dealershipId)) continue;
          figures.get(row.activityId)!.revenue += Number(row.revenue);
        }
      }

      // Referral and birthday campaigns: eligible members credited those points during the window.
      const campaigns = list.filter((a) => LEDGER_CAMPAIGNS.includes(a.type)).map((a) => a.id);
      if (campaigns.length) {
        const credited: { activityId: string; tierId: string; homeDealershipId: string | null; participants: string | number; points: string | number }[] =
          await manager.query(
            `SELECT a.\`id\` AS activityId, m.\`tierId\` AS tierId, m.\`homeDealershipId\` AS homeDealershipId,
                    COUNT(DISTINCT pe.\`memberId\`) AS participants, COALESCE(SUM(pe.\`points\`), 0) AS points
               FROM \`activity\` a
               JOIN \`points_entry\` pe ON pe.\`type\` = a.\`type\` AND pe.\`createdAt\` >= a.\`startsAt\` AND pe.\`createdAt\` < a.\`endsAt\`
               JOIN \`member\` m ON m.\`id\` = pe.\`memberId\`
              WHERE a.\`id\` IN (${placeholders(campaigns)})
              GROUP BY a.\`id\`, m.\`tierId\`, m.\`homeDealershipId\``,
            campaigns,
          );
        for (const row of credited) {
          if (!memberEligible(byId.get(row.activityId)!, row)) continue;
          const f = figures.get(row.activityId)!;
          f.participants += Number(row.participants);
          f.ledgerPoints += Number(row.points);
        }
        const spent: { activityId: string; tierId: string; homeDealershipId: string | null; dealershipId: string; revenue: string | number }[] =
          await manager.query(
            `SELECT a.\`id\` AS activityId, m.\`tierId\` AS tierId, m.\`homeDealershipId\` AS homeDealershipId,
                    t.\`dealershipId\` AS dealershipId, COALESCE(SUM(t.\`amount\`), 0) AS revenue
               FROM \`activity\` a
               JOIN \`sales_transaction\` t ON t.\`status\` = ? AND t.\`occurredAt\` >= a.\`startsAt\` AND t.\`occurredAt\` < a.\`endsAt\`
               JOIN \`member\` m ON m.\`id\` = t.\`memberId\`
              WHERE a.\`id\` IN (${placeholders(campaigns)})
                AND EXISTS (SELECT 1 FROM \`points_entry\` pe WHERE pe.\`memberId\` = t.\`memberId\` AND pe.\`type\` = a.\`type\`
                                AND pe.\`createdAt\` >= a.\`startsAt\` AND pe.\`createdAt\` < a.\`endsAt\`)
              GROUP BY a.\`id\`, m.\`tierId\`, m.\`homeDealershipId\`, t.\`dealershipId\``,
            [TransactionStatus.POSTED, ...campaigns],
          );
        for (const row of spent) {
          const activity = byId.get(row.activityId)!;
          if (!memberEligible(activity, row)) continue;
          if (activity.dealershipIds.length && !activity.dealershipIds.includes(row.dealershipId)) continue;
          figures.get(row.activityId)!.revenue += Number(row.revenue);
        }
      }
    }

    return ids.map((id) => {
      const activity = byId.get(id);
      const f = figures.get(id) ?? blank();
      const eligibleMembers = activity ? countEligible(groups, activity) : 0;
      const pointsIssued = activity ? activity.pointsIssued + (LEDGER_CAMPAIGNS.includes(activity.type) ? f.ledgerPoints : 0) : 0;
      const cost = pointsCostFen(pointsIssued, rules.pointsPerYuan) + (activity?.fixedCost ?? 0);
      return {
        eligibleMembers,
        registered: f.registered,
        checkedIn: f.checkedIn,
        participants: f.participants,
        participationRate: eligibleMembers > 0 ? f.participants / eligibleMembers : 0,
        pointsIssued,
        revenue: f.revenue,
        cost,
        roi: cost > 0 ? f.revenue / cost : null,
      };
    });
  }

  /**
   * What a draft would have reached over the last 90 days of posted transactions: eligible members
   * now; the transactions its rules match (current tier of ACTIVE members, dealership, type, minimum
   * amount; the window's dates are not applied, only its shape); the extra points it would have
   * issued by the earning arithmetic (exact decimals, floor per transaction), before any budget; and
   * their cost plus the fixed cost. An EVENT expects rewardPoints × min(capacity, eligible members).
   */
  async preview(input: CreateActivityInput, now = new Date()): Promise<ActivityPreview> {
    const manager = this.dataSource.manager;
    const shape = shapeOf(input);
    await this.activities.assertValid(manager, shape, 'input');
    const rules = await this.programme.rules();
    const eligibleMembers = countEligible(await this.memberGroups(), shape);
    let matchingTransactions = 0;
    let expectedPoints = 0;

    if (EARNING_TYPES.includes(shape.type)) {
      const tiers = new Map((await manager.find(Tier)).map((t) => [t.id, t.pointsMultiplier]));
      const sql = dialectOf(manager);
      const conditions = ['t.`status` = ?', 'm.`status` = ?', 't.`occurredAt` >= ?', 't.`occurredAt` < ?'];
      const parameters: unknown[] = [
        TransactionStatus.POSTED,
        MemberStatus.ACTIVE,
        sql.dateTime(new Date(now.getTime() - PREVIEW_DAYS * DAY_MS)),
        sql.dateTime(now),
      ];
      const among = (column: string, values: readonly string[]) => {
        if (!values.length) return;
        conditions.push(`${column} IN (${placeholders(values)})`);
        parameters.push(...values);
      };
      among('m.`tierId`', shape.eligibleTierIds);
      among('t.`dealershipId`', shape.dealershipIds);
      among('t.`type`', shape.transactionTypes);
      if (shape.minAmount !== null) {
        conditions.push('t.`amount` >= ?');
        parameters.push(shape.minAmount);
      }
      // Identical (type, tier, amount) transactions earn identically: one row per combination.
      const rows: { type: string; tierId: string; amount: string | number; n: string | number }[] = await manager.query(
        `SELECT t.\`type\` AS type, m.\`tierId\` AS tierId, t.\`amount\` AS amount, COUNT(*) AS n
           FROM \`sales_transaction\` t JOIN \`member\` m ON m.\`id\` = t.\`memberId\`
          WHERE ${conditions.join(' AND ')}
          GROUP BY t.\`type\`, m.\`tierId\`, t.\`amount\``,
        parameters,
      );
      for (const row of rows) {
        const n = Number(row.n);
        matchingTransactions += n;
        const plan = planEarning({
          amount: Number(row.amount),
          rate: rules.earningRates[row.type as keyof typeof rules.earningRates] ?? '0',
          tierMultiplier: tiers.get(row.tierId) ?? 1,
          bonuses: [{ activityId: 'preview', multiplier: shape.multiplier, bonusPoints: shape.bonusPoints }],
        });
        expectedPoints += n * (plan.totalPoints - plan.basePoints);
      }
    } else if (shape.type === ActivityType.EVENT) {
      expectedPoints = (shape.rewardPoints ?? 0) * Math.min(shape.capacity ?? 0, eligibleMembers);
    }

    return {
      eligibleMembers,
      matchingTransactions,
      expectedPoints,
      expectedCost: pointsCostFen(expectedPoints, rules.pointsPerYuan) + (shape.fixedCost ?? 0),
      exceedsBudget: shape.budgetPoints !== null && expectedPoints > shape.budgetPoints,
    };
  }

  /** ACTIVE members by tier and home dealership: a small table every eligibility count is read from. */
  private async memberGroups(): Promise<MemberGroup[]> {
    const rows: { tierId: string; homeDealershipId: string | null; members: string | number }[] = await this.dataSource.query(
      'SELECT `tierId` AS tierId, `homeDealershipId` AS homeDealershipId, COUNT(*) AS members FROM `member` WHERE `status` = ? GROUP BY `tierId`, `homeDealershipId`',
      [MemberStatus.ACTIVE],
    );
    return rows.map((r) => ({ tierId: r.tierId, homeDealershipId: r.homeDealershipId, members: Number(r.members) }));
  }
}

function countEligible(groups: MemberGroup[], activity: Pick<ActivityShape, 'eligibleTierIds' | 'dealershipIds'>): number {
  return groups.filter((g) => memberEligible(activity, g)).reduce((sum, g) => sum + g.members, 0);
}
