import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { dialectOf, executeUpdate, insertRecord, insertRowsSql, readDateTime } from '../../common/database';
import { newId } from '../../common/entity';
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

interface Balances {
  balance: number;
  debt: number;
}
const EXPIRY_ENTRY_COLUMNS = [
  'id',
  'createdAt',
  'updatedAt',
  'memberId',
  'type',
  'points',
  'balanceAfter',
  'debtChange',
  'debtAfter',
  'reason',
  'sourceType',
  'sourceId',
  'idempotencyKey',
];
/** Entries per multi-row INSERT (×13 parameters stays well under every driver's placeholder limit). */
const ENTRY_INSERT_BATCH = 500;

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
    let after: Balances;
    for (let attempt = 0; ; attempt++) {
      // Locked (MySQL/MariaDB), so the balances after the UPDATE are known without reading them again.
      const { balance, debt } = await this.balances(manager, input.memberId, true);
      netted = Math.min(debt, input.points);
      after = { balance: balance + input.points - netted, debt: debt - netted };
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
    const entry = await this.append(
      manager,
      { ...input, reason, points: credited, debtChange: -netted, expiresAt },
      after,
    );
    if (credited > 0) {
      await insertRecord(
        manager,
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
   * Expires what is left of the given lots that are due at `asOf`, each once, in the caller's
   * transaction, with a handful of statements however many lots: the lots are claimed with one
   * conditional UPDATE (so a re-run or a concurrent run finds nothing left to expire, and their
   * rows stay locked until commit), the members' balances drop by one UPDATE, and one EXPIRE
   * entry per lot that still held points is appended by multi-row INSERTs. Fully used lots are
   * only closed. Answers how many lots' points expired.
   */
  async expireLots(manager: EntityManager, lotIds: string[], asOf: Date): Promise<number> {
    if (!lotIds.length) return 0;
    const sql = dialectOf(manager);
    const at = sql.dateTime(asOf);
    const inLots = lotIds.map(() => '?').join(', ');
    await executeUpdate(
      manager,
      `UPDATE \`points_lot\` SET \`expiredAt\` = ? WHERE \`id\` IN (${inLots}) AND \`expiredAt\` IS NULL AND \`expiresAt\` <= ?`,
      [at, ...lotIds, at],
    );
    // Ours are the claimed lots that still hold points: a run that closed them before left none.
    const lots: { id: string; memberId: string; remaining: number | string; earnedAt: unknown }[] =
      await manager.query(
        `SELECT \`id\`, \`memberId\`, \`remaining\`, \`earnedAt\` FROM \`points_lot\`
        WHERE \`id\` IN (${inLots}) AND \`expiredAt\` = ? AND \`remaining\` > 0 ORDER BY \`memberId\`, \`expiresAt\`, \`id\``,
        [...lotIds, at],
      );
    if (!lots.length) return 0;
    const inOurs = lots.map(() => '?').join(', ');
    const ours = lots.map((l) => l.id);
    // Each member loses what their claimed lots hold (a correlated sum, not a CASE over thousands of ids).
    const expiringOf = `(SELECT SUM(l.\`remaining\`) FROM \`points_lot\` l WHERE l.\`memberId\` = \`member\`.\`id\` AND l.\`id\` IN (${inOurs}))`;
    const expiring = new Map<string, number>();
    for (const lot of lots) expiring.set(lot.memberId, (expiring.get(lot.memberId) ?? 0) + Number(lot.remaining));
    const members = [...expiring.keys()];
    const inMembers = members.map(() => '?').join(', ');
    const debited = await executeUpdate(
      manager,
      `UPDATE \`member\` SET \`pointsBalance\` = \`pointsBalance\` - ${expiringOf} WHERE \`id\` IN (${inMembers}) AND \`pointsBalance\` >= ${expiringOf}`,
      [...ours, ...members, ...ours],
    );
    if (debited !== members.length) throw new Error("Expiring points lots hold more than their members' balances");
    await executeUpdate(manager, `UPDATE \`points_lot\` SET \`remaining\` = 0 WHERE \`id\` IN (${inOurs})`, ours);

    const balances: { id: string; balance: number | string; debt: number | string }[] = await manager.query(
      `SELECT \`id\`, \`pointsBalance\` AS balance, \`pointsDebt\` AS debt FROM \`member\` WHERE \`id\` IN (${inMembers})`,
      members,
    );
    const after = new Map(
      balances.map((b) => [b.id, { balance: Number(b.balance) + expiring.get(b.id)!, debt: Number(b.debt) }]),
    );
    const now = sql.dateTime(new Date());
    const rows = lots.map((lot) => {
      const member = after.get(lot.memberId)!;
      member.balance -= Number(lot.remaining);
      return [
        newId(),
        now,
        now,
        lot.memberId,
        PointsEntryType.EXPIRE,
        -Number(lot.remaining),
        member.balance,
        0,
        member.debt,
        `Points earned ${readDateTime(lot.earnedAt)!.toISOString().slice(0, 10)} expired`,
        'POINTS_LOT',
        lot.id,
        `expire:${lot.id}`,
      ];
    });
    for (let i = 0; i < rows.length; i += ENTRY_INSERT_BATCH) {
      const batch = rows.slice(i, i + ENTRY_INSERT_BATCH);
      await manager.query(insertRowsSql('points_entry', EXPIRY_ENTRY_COLUMNS, batch.length), batch.flat());
    }
    return lots.length;
  }

  /** The member's cached balances; `lock` holds the row for the rest of the transaction (MySQL/MariaDB; SQLite transactions are serial). */
  async balances(manager: EntityManager, memberId: string, lock = false): Promise<Balances> {
    const locking = lock && manager.queryRunner?.isTransactionActive ? dialectOf(manager).lockRows : '';
    const [row] = await manager.query(
      `SELECT \`pointsBalance\` AS balance, \`pointsDebt\` AS debt FROM \`member\` WHERE \`id\` = ?${locking}`,
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
    /** The balances after the change, when the caller knows them (its row lock makes them exact). */
    known?: Balances,
  ): Promise<PointsEntry> {
    const { balance, debt } = known ?? (await this.balances(manager, input.memberId));
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
    return insertRecord(manager, entry);
  }
}
