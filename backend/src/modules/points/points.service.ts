import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, Repository } from 'typeorm';
import { actorOf, Principal } from '../../common/auth';
import { dialectOf, TransactionService } from '../../common/database';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../common/errors';
import { idempotentWrite, payloadHash } from '../../common/idempotency';
import { ListArgs, listQuery, Page } from '../../common/list';
import { Dealership } from '../dealerships/dealership.entity';
import { actingDealership, storeOf } from '../members/member-access';
import { Member } from '../members/member.entity';
import { MemberStatus } from '../members/member.enums';
import { PointsEntry, PointsEntryType } from './points-entry.entity';
import { PointsLedgerService } from './points-ledger.service';
import { AdjustPointsInput, PointsEntryFilter, PointsEntrySort, RedeemPointsInput } from './points.types';

/** Points operations staff and apps call: the ledger list, redemption and manual adjustment. */
@Injectable()
export class PointsService {
  constructor(
    @InjectRepository(PointsEntry) private readonly entries: Repository<PointsEntry>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly ledger: PointsLedgerService,
  ) {}

  /** Store staff see entries at their dealership or of their members, and any one member's entries. */
  list(principal: Principal | undefined, args: ListArgs<PointsEntryFilter, PointsEntrySort>): Promise<Page<PointsEntry>> {
    const store = storeOf(principal);
    const forOneMember = !!args.filter?.memberId;
    return listQuery(this.entries, args, {
      scope: (qb, alias) => {
        if (!store || forOneMember) return;
        qb.andWhere(
          new Brackets((or) =>
            or
              .where(`${alias}.dealershipId = :store`)
              .orWhere(`${alias}.memberId IN (SELECT m.id FROM member m WHERE m.homeDealershipId = :store)`),
          ),
          { store },
        );
      },
    });
  }

  /** Spends points (积分抵扣); INSUFFICIENT_POINTS when the balance is short, never below zero. */
  redeem(principal: Principal, input: RedeemPointsInput): Promise<PointsEntry> {
    const dealershipId = actingDealership(principal, input.dealershipId);
    const key = `redeem:${input.idempotencyKey}`;
    const hash = payloadHash({ memberId: input.memberId, points: input.points, reason: input.reason, dealershipId });
    return idempotentWrite({
      find: () => this.entries.findOneBy({ idempotencyKey: key }),
      hashOf: (entry) => entry.payloadHash,
      payloadHash: hash,
      field: 'input.idempotencyKey',
      write: () =>
        this.tx.run(async (manager) => {
          await this.activeMember(manager, input.memberId);
          if (dealershipId && !(await manager.existsBy(Dealership, { id: dealershipId }))) {
            throw new BadUserInputError({ 'input.dealershipId': 'is not an existing dealership' });
          }
          return this.ledger.debit(manager, {
            memberId: input.memberId,
            type: PointsEntryType.REDEEM,
            points: input.points,
            reason: input.reason,
            sourceType: 'REDEMPTION',
            sourceId: null,
            dealershipId,
            operatorId: actorOf(principal).id,
            idempotencyKey: key,
            payloadHash: hash,
          });
        }),
    });
  }

  /** A manual correction by staff: credits open a lot (not qualifying for tiers), debits draw FIFO. */
  adjust(principal: Principal, input: AdjustPointsInput): Promise<PointsEntry> {
    const key = `adjust:${input.idempotencyKey}`;
    const hash = payloadHash({ memberId: input.memberId, points: input.points, reason: input.reason });
    const operatorId = actorOf(principal).id;
    const dealershipId = storeOf(principal);
    return idempotentWrite({
      find: () => this.entries.findOneBy({ idempotencyKey: key }),
      hashOf: (entry) => entry.payloadHash,
      payloadHash: hash,
      field: 'input.idempotencyKey',
      write: () =>
        this.tx.run(async (manager) => {
          const member = await manager.findOneBy(Member, { id: input.memberId });
          if (!member) throw new NotFoundError('Member', input.memberId);
          if (member.status === MemberStatus.ERASED) throw new InvalidStateError('An erased member’s points cannot change');
          const attribution = {
            memberId: input.memberId,
            type: PointsEntryType.ADJUST,
            reason: input.reason,
            sourceType: 'ADJUSTMENT',
            sourceId: null,
            dealershipId,
            operatorId,
            idempotencyKey: key,
            payloadHash: hash,
          };
          return input.points > 0
            ? this.ledger.credit(manager, { ...attribution, points: input.points, earnedAt: new Date() })
            : this.ledger.debit(manager, { ...attribution, points: -input.points });
        }),
    });
  }

  /** Points of each member that expire within the coming days (lots not yet expired), batched. */
  async expiringPoints(memberIds: readonly string[], withinDays: number, asOf = new Date()): Promise<number[]> {
    if (!memberIds.length) return [];
    const until = new Date(asOf.getTime() + withinDays * 86_400_000);
    const rows: { memberId: string; points: string | number }[] = await this.dataSource.query(
      'SELECT `memberId` AS memberId, SUM(`remaining`) AS points FROM `points_lot` WHERE `memberId` IN (' +
        memberIds.map(() => '?').join(', ') +
        ') AND `expiredAt` IS NULL AND `remaining` > 0 AND `expiresAt` <= ? GROUP BY `memberId`',
      [...memberIds, dialectOf(this.dataSource).dateTime(until)],
    );
    const byMember = new Map(rows.map((r) => [r.memberId, Number(r.points)]));
    return memberIds.map((id) => byMember.get(id) ?? 0);
  }

  private async activeMember(manager: import('typeorm').EntityManager, memberId: string): Promise<Member> {
    const member = await manager.findOneBy(Member, { id: memberId });
    if (!member) throw new NotFoundError('Member', memberId);
    if (member.status !== MemberStatus.ACTIVE) throw new InvalidStateError(`A ${member.status} member cannot redeem points`);
    return member;
  }
}
