import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { utcOffsetMinutes } from '../../common/time';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { actorOf, Principal } from '../../common/auth';
import {
  assertUnreferenced,
  dialectOf,
  executeUpdate,
  readEntities,
  readEntity,
  TransactionMemo,
  TransactionService,
} from '../../common/database';
import {
  BadUserInputError,
  ConflictError,
  InvalidStateError,
  NotFoundError,
  uniqueOrConflict,
} from '../../common/errors';
import { ListArgs, listQuery, Page } from '../../common/list';
import { assertNotCleared } from '../../common/validation';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Member } from '../members/member.entity';
import { MemberStatus } from '../members/member.enums';
import { NotificationTemplate } from '../notifications/notification.enums';
import { NotificationsService } from '../notifications/notifications.service';
import { addCalendarMonths } from '../points/points-expiry';
import { ProgrammeRules } from '../programme/programme-rules';
import { ProgrammeService } from '../programme/programme.service';
import { TierChange, TierChangeReason } from './tier-change.entity';
import { TierChangedHooks } from './tier-changed.hooks';
import { decideTier, EMPTY_FIGURES, TierFigures } from './tier-rules';
import { Tier } from './tier.entity';
import {
  CreateTierInput,
  SetMemberTierInput,
  TierChangeFilter,
  TierChangeSort,
  TierFilter,
  TierSort,
  UpdateTierInput,
} from './tiers.types';

/** Members whose tier is evaluated: the others neither earn nor keep a tier that matters. */
const EVALUATED_STATUSES = [MemberStatus.ACTIVE, MemberStatus.FROZEN];

/** Tier configuration and every move of a member between tiers. */
@Injectable()
export class TiersService {
  constructor(
    @InjectRepository(Tier) private readonly tiers: Repository<Tier>,
    @InjectRepository(TierChange) private readonly changes: Repository<TierChange>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly programme: ProgrammeService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tierChanged: TierChangedHooks,
  ) {}

  list(args: ListArgs<TierFilter, TierSort>): Promise<Page<Tier>> {
    return listQuery(this.tiers, args, {
      search: ['code', 'name'],
      defaultSort: { field: 'RANK', order: 'ASC' },
    });
  }

  listChanges(args: ListArgs<TierChangeFilter, TierChangeSort>): Promise<Page<TierChange>> {
    return listQuery(this.changes, args);
  }

  findOne(id: string): Promise<Tier | null> {
    return this.tiers.findOneBy({ id });
  }

  /** Inside a transaction, from the transaction's one read of all tiers (see `all`). */
  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Tier> {
    const tier = manager.queryRunner?.isTransactionActive
      ? (await this.all(manager)).find((t) => t.id === id)
      : await readEntity(manager, Tier, { id });
    if (!tier) throw new NotFoundError('Tier', id);
    return tier;
  }

  /** Tiers read inside a transaction, once per transaction: recording a sale needs them twice. */
  private readonly perTransaction = new TransactionMemo((manager) =>
    readEntities(manager, Tier, {}, { orderBy: ['rank'] }),
  );

  /** All tiers, lowest rank first; within one transaction every caller shares one read (the table holds a handful). */
  all(manager: EntityManager = this.dataSource.manager): Promise<Tier[]> {
    return this.perTransaction.get(manager);
  }

  /** The tier new members start in: the lowest rank. */
  async entryTier(manager: EntityManager = this.dataSource.manager): Promise<Tier> {
    const [entry] = await this.all(manager);
    if (!entry) throw new InvalidStateError('No tiers are configured: create the entry tier first');
    return entry;
  }

  create(input: CreateTierInput): Promise<Tier> {
    return uniqueOrConflict(
      () =>
        this.tx.run(async (manager) => {
          await this.assertUnique(manager, input);
          this.perTransaction.forget(manager);
          return manager.save(manager.create(Tier, { freeMaintenancePerYear: 0, ...input }));
        }),
      'Tier code and rank must be unique',
      'input.code',
    );
  }

  update(id: string, input: UpdateTierInput): Promise<Tier> {
    assertNotCleared(input, ['code', 'name', 'rank', 'qualifyingPoints', 'pointsMultiplier', 'discountRate', 'freeMaintenancePerYear']);
    return uniqueOrConflict(
      () =>
        this.tx.run(async (manager) => {
          const tier = await this.get(id, manager);
          await this.assertUnique(manager, input, id);
          const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
          // The tier read is this transaction's shared copy: what follows must read the change.
          this.perTransaction.forget(manager);
          return manager.save(manager.merge(Tier, tier, changes));
        }),
      'Tier code and rank must be unique',
      'input.code',
    );
  }

  private async assertUnique(
    manager: EntityManager,
    input: { code?: string; rank?: number },
    exceptId?: string,
  ) {
    for (const field of ['code', 'rank'] as const) {
      if (input[field] === undefined) continue;
      const holder = await manager.findOneBy(Tier, { [field]: input[field] });
      if (holder && holder.id !== exceptId)
        throw new ConflictError(`Tier ${holder.code} already has this ${field}`, `input.${field}`);
    }
  }

  /** Refused (INVALID_STATE) while members hold the tier or its history refers to it. */
  delete(id: string): Promise<Tier> {
    return this.tx.run(async (manager) => {
      const tier = await this.get(id, manager);
      const holders = await manager.countBy(Member, { tierId: id });
      if (holders > 0)
        throw new InvalidStateError(`${holders} members hold tier ${tier.code}; move them first`);
      await assertUnreferenced(manager, Tier, id, `Tier ${tier.code}`);
      this.perTransaction.forget(manager);
      await manager.remove(tier);
      return Object.assign(tier, { id });
    });
  }

  /** Staff set a tier by hand; recorded as MANUAL with the reason and reviewed a year on like any other. */
  setMemberTier(principal: Principal, input: SetMemberTierInput): Promise<Member> {
    return this.tx.run(async (manager) => {
      const member = await manager.findOneBy(Member, { id: input.memberId });
      if (!member) throw new NotFoundError('Member', input.memberId);
      if (!EVALUATED_STATUSES.includes(member.status))
        throw new InvalidStateError(`A ${member.status} member's tier cannot be set`);
      const tier = await manager.findOneBy(Tier, { id: input.tierId });
      if (!tier) throw new BadUserInputError({ 'input.tierId': 'is not an existing tier' });
      if (tier.id === member.tierId)
        throw new InvalidStateError(`The member already holds tier ${tier.code}`);
      const rules = await this.programme.rules(manager);
      await this.applyChange(
        manager,
        member,
        tier,
        TierChangeReason.MANUAL,
        input.reason,
        actorOf(principal).id,
        new Date(),
        rules,
      );
      return manager.findOneByOrFail(Member, { id: member.id });
    });
  }

  /**
   * Moves a member to a tier: the member row changes only if it still holds the tier it was read
   * with (a concurrent evaluation wins once), a TierChange is recorded and the member is told.
   */
  async applyChange(
    manager: EntityManager,
    member: Pick<Member, 'id' | 'tierId' | 'name' | 'phone' | 'status'>,
    to: Tier,
    reason: TierChangeReason,
    note: string | null,
    operatorId: string | null,
    asOf: Date,
    rules: ProgrammeRules,
  ): Promise<boolean> {
    const entry = await this.entryTier(manager);
    const reviewAt = to.id === entry.id ? null : addCalendarMonths(asOf, rules.tierReviewMonths);
    if (!(await this.moveMember(manager, member, to, reason, asOf, reviewAt))) return false;
    const change = await manager.save(
      manager.create(TierChange, {
        memberId: member.id,
        fromTierId: member.tierId,
        toTierId: to.id,
        reason,
        note,
        operatorId,
      }),
    );
    await this.tierChanged.run(manager, { memberId: member.id, fromTierId: member.tierId, toTierId: to.id, reason, asOf, reviewAt });
    const from = (await this.all(manager)).find((t) => t.id === member.tierId);
    if (member.status !== MemberStatus.ERASED) {
      const upwards = !from || to.rank > from.rank;
      await this.notifications.enqueue(manager, {
        template: upwards ? NotificationTemplate.TIER_UPGRADED : NotificationTemplate.TIER_DOWNGRADED,
        memberId: member.id,
        recipient: member.phone,
        data: { name: member.name, tier: to.name },
        dedupeKey: `tier-change:${change.id}`,
      });
    }
    return true;
  }

  /**
   * Changes the member row only if it still holds the tier it was read with, so a concurrent
   * evaluation applies once. A change by staff goes through the entity so the audit trail records
   * the member before and after; the jobs' changes are set-based.
   */
  private async moveMember(
    manager: EntityManager,
    member: Pick<Member, 'id' | 'tierId'>,
    to: Tier,
    reason: TierChangeReason,
    asOf: Date,
    reviewAt: Date | null,
  ): Promise<boolean> {
    if (reason === TierChangeReason.MANUAL) {
      const current = await manager.findOneBy(Member, { id: member.id });
      if (!current || current.tierId !== member.tierId) return false;
      await manager.save(
        Object.assign(current, { tierId: to.id, tierAchievedAt: asOf, tierReviewAt: reviewAt }),
      );
      return true;
    }
    const sql = dialectOf(manager);
    const changed = await executeUpdate(
      manager,
      'UPDATE `member` SET `tierId` = ?, `tierAchievedAt` = ?, `tierReviewAt` = ?, `updatedAt` = ' +
        sql.now() +
        ' WHERE `id` = ? AND `tierId` = ?',
      [to.id, sql.dateTime(asOf), reviewAt ? sql.dateTime(reviewAt) : null, member.id, member.tierId],
    );
    return changed > 0;
  }

  /**
   * Upgrades a member at once if the rolling figures reach a better tier (after a transaction).
   * `member` is the row as the caller read it in this transaction: if its tier has changed since,
   * the move does nothing (moveMember) and the nightly evaluation decides.
   */
  async upgradeIfQualified(
    manager: EntityManager,
    member: Pick<Member, 'id' | 'tierId' | 'name' | 'phone' | 'status'>,
    asOf: Date,
  ): Promise<void> {
    if (!EVALUATED_STATUSES.includes(member.status)) return;
    const rules = await this.programme.rules(manager);
    const tiers = await this.all(manager);
    const figures = (await this.figuresFor(manager, [member.id], asOf, rules)).get(member.id) ?? EMPTY_FIGURES;
    const decision = decideTier({ tiers, currentTierId: member.tierId, figures, reviewDue: false });
    if (decision.action === 'UPGRADE') {
      await this.applyChange(
        manager,
        member,
        decision.to,
        TierChangeReason.UPGRADE,
        describe(figures),
        null,
        asOf,
        rules,
      );
    }
  }

  /**
   * The rolling-window figures of many members in one grouped query: qualifying points and spend of
   * posted transactions, service visits (distinct days) and the largest repair order.
   */
  async figuresFor(
    manager: EntityManager,
    memberIds: string[],
    asOf: Date,
    rules: ProgrammeRules,
  ): Promise<Map<string, TierFigures>> {
    const figures = new Map<string, TierFigures>();
    if (!memberIds.length) return figures;
    const sql = dialectOf(manager);
    const from = addCalendarMonths(asOf, -rules.qualifyingWindowMonths);
    const visitTypes = rules.serviceVisitTypes.length ? rules.serviceVisitTypes : ['__none__'];
    // A visit day is a calendar day in the programme time zone (its UTC offset as of `asOf`), not in UTC.
    const visitDay = sql.localDate('`occurredAt`', utcOffsetMinutes(this.config.programmeTimeZone, asOf));
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT \`memberId\` AS memberId,
              COALESCE(SUM(\`qualifyingPoints\`), 0) AS points,
              COALESCE(SUM(\`amount\`), 0) AS spend,
              COUNT(DISTINCT CASE WHEN \`type\` IN (${visitTypes.map(() => '?').join(', ')}) THEN ${visitDay} END) AS visits,
              COALESCE(MAX(CASE WHEN \`type\` = 'REPAIR' THEN \`amount\` ELSE 0 END), 0) AS largestRepair
         FROM \`sales_transaction\`
        WHERE \`status\` = 'POSTED' AND \`memberId\` IN (${memberIds.map(() => '?').join(', ')})
          AND \`occurredAt\` > ? AND \`occurredAt\` <= ?
        GROUP BY \`memberId\``,
      [...visitTypes, ...memberIds, sql.dateTime(from), sql.dateTime(asOf)],
    );
    for (const row of rows) {
      figures.set(String(row.memberId), {
        qualifyingPoints: Number(row.points),
        spend: Number(row.spend),
        serviceVisits: Number(row.visits),
        largestRepair: Number(row.largestRepair),
      });
    }
    return figures;
  }
}

export function describe(figures: TierFigures): string {
  return `12-month figures: ${figures.qualifyingPoints} qualifying points, spend ¥${(figures.spend / 100).toFixed(2)}, ${figures.serviceVisits} service visits`;
}
