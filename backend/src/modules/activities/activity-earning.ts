import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { executeUpdate, readEntities } from '../../common/database';
import { EarningBonus, EarningContext, EarningRule, EarningRules } from '../points/earning-rules';
import { SalesTransaction } from '../transactions/sales-transaction.entity';
import { TransactionActivity } from '../transactions/transaction-activity.entity';
import { TransactionReversedHooks } from '../transactions/transaction.hooks';
import { appliesTo, EARNING_STATUSES, EARNING_TYPES } from './activity-rules';
import { Activity } from './activity.entity';
import { ActivityType } from './activity.enums';

/** Optimistic retries of a budget claim while concurrent transactions claim from the same activity. */
const MAX_RETRIES = 50;

/**
 * Plugs POINTS_MULTIPLIER and BONUS_POINTS activities into recordTransaction, and keeps each
 * activity's `pointsIssued` (and so its budget) in step with what it issued, reversals included.
 */
@Injectable()
export class ActivityEarning implements EarningRule, OnModuleInit {
  constructor(
    private readonly earningRules: EarningRules,
    private readonly reversed: TransactionReversedHooks,
  ) {}

  /** Plugs the rule and the reversal hook in. */
  onModuleInit(): void {
    this.earningRules.register(this);
    this.reversed.register((manager, { transaction }) => this.release(manager, transaction));
  }

  /**
   * Every published, not yet settled earning activity whose window [startsAt, endsAt) holds the
   * transaction's `occurredAt` and whose tiers, dealerships, transaction types and minimum amount
   * match it. Ordered by id, so concurrent transactions claim budgets in the same order.
   */
  async bonusesFor(context: EarningContext): Promise<EarningBonus[]> {
    const candidates = await readEntities(
      context.manager,
      Activity,
      {
        type: EARNING_TYPES,
        status: EARNING_STATUSES,
        startsAt: { '<=': context.occurredAt },
        endsAt: { '>': context.occurredAt },
      },
      { orderBy: ['id'] },
    );
    return candidates
      .filter((a) => appliesTo(a, context))
      .map((a) => ({
        activityId: a.id,
        multiplier: a.type === ActivityType.POINTS_MULTIPLIER ? a.multiplier : null,
        bonusPoints: a.type === ActivityType.BONUS_POINTS ? a.bonusPoints : null,
        reserve: (manager: EntityManager, points: number) => this.reserve(manager, a.id, points),
      }));
  }

  /**
   * Claims up to `points` against the activity's budget in the caller's transaction and answers how
   * many were granted: all of them without a budget, else at most what is left. The claim is one
   * conditional UPDATE (`pointsIssued + granted <= budgetPoints`); a claim that lost a race re-reads
   * and tries again, so concurrent transactions never issue more than the budget together.
   */
  async reserve(manager: EntityManager, activityId: string, points: number): Promise<number> {
    if (!Number.isSafeInteger(points) || points <= 0) return 0;
    for (let attempt = 0; ; attempt++) {
      const [row] = await manager.query('SELECT `pointsIssued` AS issued, `budgetPoints` AS budget FROM `activity` WHERE `id` = ?', [activityId]);
      if (!row) return 0;
      const budget = row.budget === null || row.budget === undefined ? null : Number(row.budget);
      const granted = budget === null ? points : Math.min(points, budget - Number(row.issued));
      if (granted <= 0) return 0;
      const changed = await executeUpdate(
        manager,
        'UPDATE `activity` SET `pointsIssued` = `pointsIssued` + ? WHERE `id` = ? AND (`budgetPoints` IS NULL OR `pointsIssued` + ? <= `budgetPoints`)',
        [granted, activityId, granted],
      );
      if (changed) return granted;
      if (attempt >= MAX_RETRIES) throw new Error(`The budget of activity ${activityId} kept changing under a claim`);
    }
  }

  /** A reversed transaction gives its activity points back: they no longer count as issued (or against the budget). */
  private async release(manager: EntityManager, transaction: SalesTransaction): Promise<void> {
    const links = await manager.find(TransactionActivity, { where: { transactionId: transaction.id }, order: { activityId: 'ASC' } });
    for (const link of links) {
      if (link.points <= 0) continue;
      await executeUpdate(manager, 'UPDATE `activity` SET `pointsIssued` = `pointsIssued` - ? WHERE `id` = ?', [link.points, link.activityId]);
    }
  }
}
