import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { dialectOf, executeUpdate } from '../../common/database';
import { InsufficientPointsError, NotFoundError } from '../../common/errors';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ProgrammeService } from '../programme/programme.service';
import { lotExpiresAt } from './points-expiry';
import { PointsEntry, PointsEntryType } from './points-entry.entity';
import { PointsLot } from './points-lot.entity';

export interface EntryAttribution {
  reason: string | null;
  sourceType: string | null;
  sourceId: string | null;
  dealershipId: string | null;
  operatorId: string | null;
  idempotencyKey?: string | null;
  payloadHash?: string | null;
}

export interface CreditInput extends EntryAttribution {
  memberId: string;
  type: PointsEntryType;
  points: number;
  /** When the points were earned: the lot expires from this month. */
  earnedAt: Date;
  /** The transaction whose earning this is, so its reversal draws this lot first. */
  transactionId?: string | null;
}

export interface DebitInput extends EntryAttribution {
  memberId: string;
  type: PointsEntryType;
  points: number;
}

const MAX_RETRIES = 20;

/**
 * The points ledger: the only code that changes a member's points. Each change appends a
 * `PointsEntry` and moves the cached balance with a conditional UPDATE in the caller's
 * transaction; credits open lots that expire, debits draw the oldest lots first (FIFO). The lots'
 * remaining points always add up to the balance.
 */
@Injectable()
export class PointsLedgerService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly programme: ProgrammeService,
  ) {}

  /** Credits points; an outstanding debt from reversals is netted first. */
  async credit(manager: EntityManager, input: CreditInput): Promise<PointsEntry> {
    if (!Number.isSafeInteger(input.points) || input.points <= 0)
      throw new RangeError('Credits must be a positive integer');
    const rules = await this.programme.rules(manager);
    let netted = 0;
    for (let attempt = 0; ; attempt++) {
      const { debt } = await this.balances(manager, input.memberId);
      netted = Math.min(debt, input.points);
      const changed = await executeUpdate(
        manager,
        'UPDATE `member` SET `pointsBalance` = `pointsBalance` + ?, `pointsDebt` = `pointsDebt` - ?, `lifetimePoints` = `lifetimePoints` + ? WHERE `id` = ? AND `pointsDebt` = ?',
        [input.points - netted, netted, input.points, input.memberId, debt],
      );
      if (changed) break;
      if (attempt >= MAX_RETRIES) throw new Error('Points debt kept changing under a credit');
    }
    const credited = input.points - netted;
    const expiresAt = lotExpiresAt(input.earnedAt, this.config.programmeTimeZone, rules.pointsExpiryMonths);
    const reason = netted
      ? `${input.reason ?? ''}${input.reason ? '; ' : ''}${netted} points netted against debt`
      : input.reason;
    const entry = await this.append(manager, {
      ...input,
      reason,
      points: credited,
      debtChange: -netted,
      expiresAt,
    });
    if (credited > 0) {
      await manager.save(
        manager.create(PointsLot, {
          memberId: input.memberId,
          entryId: entry.id,
          transactionId: input.transactionId ?? null,
          points: credited,
          remaining: credited,
          earnedAt: input.earnedAt,
          expiresAt,
          expiredAt: null,
        }),
      );
    }
    return entry;
  }

  /** Debits points the member has (INSUFFICIENT_POINTS otherwise), oldest lots first. */
  async debit(manager: EntityManager, input: DebitInput): Promise<PointsEntry> {
    if (!Number.isSafeInteger(input.points) || input.points <= 0)
      throw new RangeError('Debits must be a positive integer');
    const changed = await executeUpdate(
      manager,
      'UPDATE `member` SET `pointsBalance` = `pointsBalance` - ? WHERE `id` = ? AND `pointsBalance` >= ?',
      [input.points, input.memberId, input.points],
    );
    if (!changed) {
      const { balance } = await this.balances(manager, input.memberId);
      throw new InsufficientPointsError(input.points, balance);
    }
    await this.drawLots(manager, input.memberId, input.points, null);
    return this.append(manager, { ...input, points: -input.points, debtChange: 0, expiresAt: null });
  }

  /**
   * Claws back points earned by a transaction: what the balance holds is taken (the
   * transaction's own lot first), the rest becomes debt netted against future credits. The
   * points no longer count as ever earned (lifetime).
   */
  async clawBack(
    manager: EntityManager,
    input: DebitInput & { transactionId: string },
  ): Promise<PointsEntry> {
    let taken = 0;
    for (let attempt = 0; ; attempt++) {
      const { balance } = await this.balances(manager, input.memberId);
      taken = Math.min(balance, input.points);
      const changed = await executeUpdate(
        manager,
        'UPDATE `member` SET `pointsBalance` = `pointsBalance` - ?, `pointsDebt` = `pointsDebt` + ?, `lifetimePoints` = `lifetimePoints` - ? WHERE `id` = ? AND `pointsBalance` = ?',
        [taken, input.points - taken, input.points, input.memberId, balance],
      );
      if (changed) break;
      if (attempt >= MAX_RETRIES) throw new Error('Points balance kept changing under a reversal');
    }
    if (taken > 0) await this.drawLots(manager, input.memberId, taken, input.transactionId);
    return this.append(manager, {
      ...input,
      points: -taken,
      debtChange: input.points - taken,
      expiresAt: null,
    });
  }

  /**
   * Expires what is left of one lot, once: the lot is claimed with a conditional UPDATE, so a
   * re-run or a concurrent run finds nothing left to expire.
   */
  async expireLot(manager: EntityManager, lotId: string, asOf: Date): Promise<PointsEntry | null> {
    const lot = await manager.findOneBy(PointsLot, { id: lotId });
    if (!lot || lot.expiredAt || lot.expiresAt > asOf) return null;
    const sql = dialectOf(manager);
    const claimed = await executeUpdate(
      manager,
      'UPDATE `points_lot` SET `remaining` = 0, `expiredAt` = ? WHERE `id` = ? AND `expiredAt` IS NULL AND `remaining` = ?',
      [sql.dateTime(asOf), lot.id, lot.remaining],
    );
    if (!claimed || lot.remaining === 0) return null;
    const debited = await executeUpdate(
      manager,
      'UPDATE `member` SET `pointsBalance` = `pointsBalance` - ? WHERE `id` = ? AND `pointsBalance` >= ?',
      [lot.remaining, lot.memberId, lot.remaining],
    );
    if (!debited) throw new Error(`Points lot ${lot.id} holds more than its member's balance`);
    return this.append(manager, {
      memberId: lot.memberId,
      type: PointsEntryType.EXPIRE,
      points: -lot.remaining,
      debtChange: 0,
      expiresAt: null,
      reason: `Points earned ${lot.earnedAt.toISOString().slice(0, 10)} expired`,
      sourceType: 'POINTS_LOT',
      sourceId: lot.id,
      dealershipId: null,
      operatorId: null,
      idempotencyKey: `expire:${lot.id}`,
    });
  }

  async balances(manager: EntityManager, memberId: string): Promise<{ balance: number; debt: number }> {
    const [row] = await manager.query(
      'SELECT `pointsBalance` AS balance, `pointsDebt` AS debt FROM `member` WHERE `id` = ?',
      [memberId],
    );
    if (!row) throw new NotFoundError('Member', memberId);
    return { balance: Number(row.balance), debt: Number(row.debt) };
  }

  /** Takes `points` from the member's open lots: the given transaction's lots first, then oldest expiry first. */
  private async drawLots(
    manager: EntityManager,
    memberId: string,
    points: number,
    transactionId: string | null,
  ) {
    let left = points;
    for (let pass = 0; left > 0; pass++) {
      if (pass > MAX_RETRIES) throw new Error(`Points lots of member ${memberId} do not cover the balance`);
      const lots: { id: string; remaining: number | string; transactionId: string | null }[] =
        await manager.query(
          'SELECT `id`, `remaining`, `transactionId` FROM `points_lot` WHERE `memberId` = ? AND `remaining` > 0 AND `expiredAt` IS NULL ORDER BY `expiresAt`, `id`',
          [memberId],
        );
      if (!lots.length) throw new Error(`Points lots of member ${memberId} do not cover the balance`);
      const ordered = transactionId
        ? [
            ...lots.filter((l) => l.transactionId === transactionId),
            ...lots.filter((l) => l.transactionId !== transactionId),
          ]
        : lots;
      for (const lot of ordered) {
        if (left === 0) break;
        const take = Math.min(Number(lot.remaining), left);
        const changed = await executeUpdate(
          manager,
          'UPDATE `points_lot` SET `remaining` = `remaining` - ? WHERE `id` = ? AND `remaining` >= ?',
          [take, lot.id, take],
        );
        if (changed) left -= take;
      }
    }
  }

  private async append(
    manager: EntityManager,
    input: EntryAttribution & {
      memberId: string;
      type: PointsEntryType;
      points: number;
      debtChange: number;
      expiresAt: Date | null;
    },
  ): Promise<PointsEntry> {
    const { balance, debt } = await this.balances(manager, input.memberId);
    const entry = manager.create(PointsEntry, {
      memberId: input.memberId,
      type: input.type,
      points: input.points,
      balanceAfter: balance,
      debtChange: input.debtChange,
      debtAfter: debt,
      reason: input.reason,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      expiresAt: input.expiresAt,
      dealershipId: input.dealershipId,
      operatorId: input.operatorId,
      idempotencyKey: input.idempotencyKey ?? null,
      payloadHash: input.payloadHash ?? null,
    });
    return manager.save(entry);
  }
}
