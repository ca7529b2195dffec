import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../common/auth';
import { dialectOf } from '../../common/database';
import { BadUserInputError, ForbiddenError } from '../../common/errors';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CardType } from '../cards/card.enums';
import { storeOf } from '../members/member-access';
import { localDate, utcOffsetMinutes } from '../../common/time';
import { toCsv, yuan } from './csv';
import {
  CsvExport,
  DealershipBalance,
  FinanceExportInput,
  FinanceExportKind,
  LedgerIntegrityReport,
  LedgerMismatch,
  SettlementLine,
  StoredValueLiability,
  StoredValueMovements,
} from './reports.types';

const num = (value: unknown) => Number(value ?? 0);
/** The most mismatches listed in one report (all are counted). */
const MISMATCH_LIST_LIMIT = 500;
/** A report period is at most this long. */
const MAX_PERIOD_DAYS = 400;

/**
 * The finance reports, computed from the card and points ledgers with grouped SQL (never from
 * cached balances, which `ledgerIntegrity` checks against the ledgers).
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Outstanding stored value at `asOf` by issuing dealership; store staff see their own only. */
  async liability(principal: Principal, asOf = new Date(), dealershipId?: string | null): Promise<StoredValueLiability> {
    const scope = this.scopeTo(principal, dealershipId);
    const sql = dialectOf(this.dataSource);
    const params: unknown[] = [sql.dateTime(asOf), CardType.STORED_VALUE, sql.dateTime(asOf)];
    if (scope) params.push(scope);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT x.dealershipId AS dealershipId, SUM(x.balance) AS balance, SUM(x.principal) AS principal, SUM(x.bonus) AS bonus,
              SUM(CASE WHEN x.balance <> 0 THEN 1 ELSE 0 END) AS cards,
              SUM(CASE WHEN c.\`expiresAt\` IS NOT NULL AND c.\`expiresAt\` <= ? THEN x.balance ELSE 0 END) AS expired
         FROM (SELECT \`cardId\`, \`issuingDealershipId\` AS dealershipId, SUM(\`amount\`) AS balance,
                      SUM(\`principalAmount\`) AS principal, SUM(\`bonusAmount\`) AS bonus
                 FROM \`card_entry\` WHERE \`cardType\` = ? AND \`createdAt\` <= ?${scope ? ' AND `issuingDealershipId` = ?' : ''}
                GROUP BY \`cardId\`, \`issuingDealershipId\`) x
         JOIN \`card\` c ON c.\`id\` = x.\`cardId\`
        GROUP BY x.dealershipId ORDER BY x.dealershipId`,
      params,
    );
    const byDealership: DealershipBalance[] = rows.map((r) => ({
      dealershipId: String(r.dealershipId),
      balance: num(r.balance),
      principalBalance: num(r.principal),
      bonusBalance: num(r.bonus),
      cardCount: num(r.cards),
      expiredBalance: num(r.expired),
    }));
    const sum = (key: keyof DealershipBalance) => byDealership.reduce((total, d) => total + (d[key] as number), 0);
    return {
      asOf,
      totalBalance: sum('balance'),
      principalBalance: sum('principalBalance'),
      bonusBalance: sum('bonusBalance'),
      cardCount: sum('cardCount'),
      expiredBalance: sum('expiredBalance'),
      byDealership,
    };
  }

  /** What moved in [from, to) at a dealership (where it happened), in total and per programme-time-zone day. */
  async movements(principal: Principal, from: Date, to: Date, dealershipId?: string | null): Promise<StoredValueMovements> {
    this.assertPeriod(from, to);
    const scope = this.scopeTo(principal, dealershipId);
    const sql = dialectOf(this.dataSource);
    const day = sql.localDate('`createdAt`', utcOffsetMinutes(this.config.programmeTimeZone, from));
    const params: unknown[] = [CardType.STORED_VALUE, sql.dateTime(from), sql.dateTime(to)];
    if (scope) params.push(scope);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${day} AS bucket, \`type\` AS type, SUM(\`principalAmount\`) AS principal, SUM(\`bonusAmount\`) AS bonus
         FROM \`card_entry\`
        WHERE \`cardType\` = ? AND \`createdAt\` >= ? AND \`createdAt\` < ?${scope ? ' AND `dealershipId` = ?' : ''}
        GROUP BY ${day}, \`type\` ORDER BY bucket`,
      params,
    );
    const result: StoredValueMovements = { recharged: 0, bonusGranted: 0, consumedPrincipal: 0, consumedBonus: 0, refunded: 0, forfeitedBonus: 0, days: [] };
    const days = new Map<string, StoredValueMovements['days'][number]>();
    for (const row of rows) {
      // mysql2 reads a DATE as a Date at UTC midnight; SQLite returns the text.
      const date = row.bucket instanceof Date ? row.bucket.toISOString().slice(0, 10) : String(row.bucket).slice(0, 10);
      const entry = days.get(date) ?? { date, recharged: 0, bonusGranted: 0, consumed: 0, refunded: 0 };
      days.set(date, entry);
      const principalPart = num(row.principal);
      const bonusPart = num(row.bonus);
      switch (row.type) {
        case 'RECHARGE':
          result.recharged += principalPart;
          result.bonusGranted += bonusPart;
          entry.recharged += principalPart;
          entry.bonusGranted += bonusPart;
          break;
        case 'CONSUME':
          result.consumedPrincipal -= principalPart;
          result.consumedBonus -= bonusPart;
          entry.consumed -= principalPart + bonusPart;
          break;
        case 'REFUND':
          result.refunded -= principalPart;
          result.forfeitedBonus -= bonusPart;
          entry.refunded -= principalPart;
          break;
        case 'EXPIRE':
          result.forfeitedBonus -= bonusPart;
          break;
      }
    }
    // Days with only card issues or replacements moved no value.
    result.days = [...days.values()].filter((d) => d.recharged || d.bonusGranted || d.consumed || d.refunded);
    return result;
  }

  /** Stored value spent at one dealership that another issued, by pair, in [from, to); optionally those touching one dealership. */
  async settlement(principal: Principal, from: Date, to: Date, dealershipId?: string | null): Promise<SettlementLine[]> {
    this.assertPeriod(from, to);
    const store = this.scopeTo(principal, dealershipId);
    const sql = dialectOf(this.dataSource);
    const params: unknown[] = [CardType.STORED_VALUE, sql.dateTime(from), sql.dateTime(to)];
    if (store) params.push(store, store);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT \`issuingDealershipId\` AS issuing, \`dealershipId\` AS consuming,
              -SUM(\`principalAmount\`) AS principal, -SUM(\`bonusAmount\`) AS bonus, COUNT(*) AS entries
         FROM \`card_entry\`
        WHERE \`type\` = 'CONSUME' AND \`cardType\` = ? AND \`createdAt\` >= ? AND \`createdAt\` < ?
          AND \`dealershipId\` IS NOT NULL AND \`dealershipId\` <> \`issuingDealershipId\`
          ${store ? 'AND (`issuingDealershipId` = ? OR `dealershipId` = ?)' : ''}
        GROUP BY \`issuingDealershipId\`, \`dealershipId\` ORDER BY issuing, consuming`,
      params,
    );
    return rows.map((r) => ({
      issuingDealershipId: String(r.issuing),
      consumingDealershipId: String(r.consuming),
      principalAmount: num(r.principal),
      bonusAmount: num(r.bonus),
      entryCount: num(r.entries),
    }));
  }

  /**
   * Recomputes every member's points balance, debt and open lots, and every card's balances and
   * uses, from their ledgers, and lists what disagrees with the cached figures. Zero mismatches is
   * the normal state.
   */
  async integrity(): Promise<LedgerIntegrityReport> {
    const checkedAt = new Date();
    // Only disagreeing rows leave the database; the totals are counted there too.
    const points: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT m.\`id\` AS id, m.\`pointsBalance\` AS balance, m.\`pointsDebt\` AS debt,
              COALESCE(e.points, 0) AS ledger, COALESCE(e.debt, 0) AS ledgerDebt, COALESCE(l.remaining, 0) AS lots
         FROM \`member\` m
         LEFT JOIN (SELECT \`memberId\`, SUM(\`points\`) AS points, SUM(\`debtChange\`) AS debt FROM \`points_entry\` GROUP BY \`memberId\`) e
                ON e.\`memberId\` = m.\`id\`
         LEFT JOIN (SELECT \`memberId\`, SUM(\`remaining\`) AS remaining FROM \`points_lot\` WHERE \`expiredAt\` IS NULL GROUP BY \`memberId\`) l
                ON l.\`memberId\` = m.\`id\`
        WHERE m.\`pointsBalance\` <> COALESCE(e.points, 0) OR m.\`pointsDebt\` <> COALESCE(e.debt, 0)
           OR m.\`pointsBalance\` <> COALESCE(l.remaining, 0) OR m.\`pointsBalance\` < 0`,
    );
    const cards: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT c.\`id\` AS id, c.\`balance\` AS balance, c.\`principalBalance\` AS principal, c.\`bonusBalance\` AS bonus,
              c.\`remainingUses\` AS uses, COALESCE(e.amount, 0) AS ledger, COALESCE(e.principal, 0) AS ledgerPrincipal,
              COALESCE(e.bonus, 0) AS ledgerBonus, COALESCE(e.uses, 0) AS ledgerUses
         FROM \`card\` c
         LEFT JOIN (SELECT \`cardId\`, SUM(\`amount\`) AS amount, SUM(\`principalAmount\`) AS principal,
                           SUM(\`bonusAmount\`) AS bonus, SUM(COALESCE(\`uses\`, 0)) AS uses
                      FROM \`card_entry\` GROUP BY \`cardId\`) e ON e.\`cardId\` = c.\`id\`
        WHERE c.\`balance\` <> COALESCE(e.amount, 0) OR c.\`principalBalance\` <> COALESCE(e.principal, 0)
           OR c.\`bonusBalance\` <> COALESCE(e.bonus, 0) OR c.\`balance\` <> c.\`principalBalance\` + c.\`bonusBalance\`
           OR (c.\`remainingUses\` IS NOT NULL AND c.\`remainingUses\` <> COALESCE(e.uses, 0))
           OR c.\`principalBalance\` < 0 OR c.\`bonusBalance\` < 0`,
    );
    const [{ members }] = await this.dataSource.query('SELECT COUNT(*) AS members FROM `member`');
    const [{ cardCount }] = await this.dataSource.query('SELECT COUNT(*) AS cardCount FROM `card`');
    const mismatches: LedgerMismatch[] = [];
    const check = (kind: string, id: unknown, expected: unknown, actual: unknown) => {
      if (num(expected) === num(actual)) return;
      if (mismatches.length < MISMATCH_LIST_LIMIT) mismatches.push({ kind, entityId: String(id), expected: num(expected), actual: num(actual) });
    };
    for (const m of points) {
      check('POINTS_BALANCE', m.id, m.ledger, m.balance);
      check('POINTS_DEBT', m.id, m.ledgerDebt, m.debt);
      check('POINTS_LOTS', m.id, m.lots, m.balance);
      if (num(m.balance) < 0) check('POINTS_NEGATIVE', m.id, 0, m.balance);
    }
    for (const c of cards) {
      check('CARD_BALANCE', c.id, c.ledger, c.balance);
      check('CARD_PRINCIPAL', c.id, c.ledgerPrincipal, c.principal);
      check('CARD_BONUS', c.id, c.ledgerBonus, c.bonus);
      check('CARD_SPLIT', c.id, num(c.principal) + num(c.bonus), c.balance);
      if (c.uses !== null) check('CARD_USES', c.id, c.ledgerUses, c.uses);
      if (num(c.principal) < 0 || num(c.bonus) < 0) check('CARD_NEGATIVE', c.id, 0, Math.min(num(c.principal), num(c.bonus)));
    }
    return {
      checkedAt,
      membersChecked: num(members),
      pointsMismatches: points.length,
      cardsChecked: num(cardCount),
      cardMismatches: cards.length,
      mismatches,
    };
  }

  /** A finance report or the card entries of a period as CSV, for the admin panel to download. */
  async exportCsv(principal: Principal, input: FinanceExportInput): Promise<CsvExport> {
    const to = input.to ?? new Date();
    const from = input.from ?? new Date(to.getTime() - 30 * 86_400_000);
    const stamp = localDate(to, this.config.programmeTimeZone);
    const file = (name: string, header: string[], rows: unknown[][]): CsvExport => ({
      filename: `${name}-${stamp}.csv`,
      contentType: 'text/csv; charset=utf-8',
      content: toCsv(header, rows),
      rows: rows.length,
    });
    const names = await this.dealershipNames();
    switch (input.kind) {
      case FinanceExportKind.STORED_VALUE_LIABILITY: {
        const report = await this.liability(principal, to, input.dealershipId);
        return file(
          'stored-value-liability',
          ['发卡门店 issuing dealership', '余额 balance', '本金 principal', '赠送 bonus', '有余额卡数 cards', '已过期未退 expired'],
          report.byDealership.map((d) => [names.get(d.dealershipId) ?? d.dealershipId, yuan(d.balance), yuan(d.principalBalance), yuan(d.bonusBalance), d.cardCount, yuan(d.expiredBalance)]),
        );
      }
      case FinanceExportKind.STORED_VALUE_MOVEMENTS: {
        const report = await this.movements(principal, from, to, input.dealershipId);
        return file(
          'stored-value-movements',
          ['日期 date', '充值本金 recharged', '赠送 bonus granted', '消费 consumed', '退款 refunded'],
          report.days.map((d) => [d.date, yuan(d.recharged), yuan(d.bonusGranted), yuan(d.consumed), yuan(d.refunded)]),
        );
      }
      case FinanceExportKind.INTER_STORE_SETTLEMENT: {
        const lines = await this.settlement(principal, from, to, input.dealershipId);
        return file(
          'inter-store-settlement',
          ['发卡门店 issuing', '消费门店 consuming', '本金 principal', '赠送 bonus', '笔数 entries'],
          lines.map((l) => [names.get(l.issuingDealershipId) ?? l.issuingDealershipId, names.get(l.consumingDealershipId) ?? l.consumingDealershipId, yuan(l.principalAmount), yuan(l.bonusAmount), l.entryCount]),
        );
      }
      case FinanceExportKind.CARD_ENTRIES: {
        this.assertPeriod(from, to);
        const scope = this.scopeTo(principal, input.dealershipId);
        const sql = dialectOf(this.dataSource);
        const params: unknown[] = [sql.dateTime(from), sql.dateTime(to)];
        if (scope) params.push(scope, scope);
        const rows: Record<string, unknown>[] = await this.dataSource.query(
          `SELECT e.\`createdAt\` AS createdAt, c.\`cardNo\` AS cardNo, e.\`cardType\` AS cardType, e.\`type\` AS type,
                  e.\`amount\` AS amount, e.\`principalAmount\` AS principal, e.\`bonusAmount\` AS bonus, e.\`uses\` AS uses,
                  e.\`balanceAfter\` AS balanceAfter, e.\`dealershipId\` AS dealershipId, e.\`issuingDealershipId\` AS issuing,
                  e.\`paymentMethod\` AS paymentMethod, e.\`operatorId\` AS operatorId, e.\`note\` AS note, e.\`id\` AS id
             FROM \`card_entry\` e JOIN \`card\` c ON c.\`id\` = e.\`cardId\`
            WHERE e.\`createdAt\` >= ? AND e.\`createdAt\` < ?${scope ? ' AND (e.`dealershipId` = ? OR e.`issuingDealershipId` = ?)' : ''}
            ORDER BY e.\`createdAt\`, e.\`id\``,
          params,
        );
        return file(
          'card-entries',
          ['时间 time (UTC)', '卡号 card', '卡类型 card type', '类型 type', '金额 amount', '本金 principal', '赠送 bonus', '次数 uses', '余额 balance after', '门店 dealership', '发卡门店 issuing', '支付方式 payment', '操作员 operator', '备注 note', '流水号 entry'],
          rows.map((r) => [
            r.createdAt instanceof Date ? r.createdAt : `${String(r.createdAt).replace(' ', 'T')}Z`,
            r.cardNo,
            r.cardType,
            r.type,
            yuan(num(r.amount)),
            yuan(num(r.principal)),
            yuan(num(r.bonus)),
            r.uses,
            yuan(num(r.balanceAfter)),
            names.get(String(r.dealershipId)) ?? r.dealershipId,
            names.get(String(r.issuing)) ?? r.issuing,
            r.paymentMethod,
            r.operatorId,
            r.note,
            r.id,
          ]),
        );
      }
    }
  }

  /** Store staff report on their own dealership only; others on the one they name, or the group. */
  private scopeTo(principal: Principal, dealershipId?: string | null): string | null {
    const store = storeOf(principal);
    if (store && dealershipId && dealershipId !== store) throw new ForbiddenError('Store staff report on their own dealership only');
    return store ?? dealershipId ?? null;
  }

  private assertPeriod(from: Date, to: Date) {
    if (to <= from) throw new BadUserInputError({ to: 'must be after from' });
    if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000) throw new BadUserInputError({ to: `the period is at most ${MAX_PERIOD_DAYS} days` });
  }

  private async dealershipNames(): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.dataSource.query('SELECT `id`, `name` FROM `dealership`');
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
