import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionType } from '../transactions/transaction.enums';

/** A transaction about to earn points, as earning rules see it. */
export interface EarningContext {
  manager: EntityManager;
  memberId: string;
  tierId: string;
  dealershipId: string;
  type: TransactionType;
  /** Fen. */
  amount: number;
  occurredAt: Date;
}

/** Extra points a rule (an activity) adds to a transaction. */
export interface EarningBonus {
  activityId: string;
  /** Factor on the transaction's points (exact decimal), e.g. 2 for double points; several multiply. */
  multiplier?: number | string | null;
  /** Fixed points on top. */
  bonusPoints?: number | null;
  /**
   * Claims points against the activity's budget in the caller's transaction and answers how many
   * were granted (fewer when the budget runs out, also under concurrent transactions). Without it
   * the activity has no budget.
   */
  reserve?: (manager: EntityManager, points: number) => Promise<number>;
}

export interface EarningRule {
  bonusesFor(context: EarningContext): Promise<EarningBonus[]>;
}

/**
 * Where modules plug extra earning into recordTransaction (activities register theirs). With no
 * rule registered a transaction earns its type rate times the tier multiplier only.
 */
@Injectable()
export class EarningRules {
  private readonly rules: EarningRule[] = [];

  register(rule: EarningRule): void {
    this.rules.push(rule);
  }

  async bonusesFor(context: EarningContext): Promise<EarningBonus[]> {
    const all = await Promise.all(this.rules.map((rule) => rule.bonusesFor(context)));
    return all.flat();
  }
}
