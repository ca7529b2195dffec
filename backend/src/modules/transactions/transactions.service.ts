import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { actorOf, Principal } from '../../common/auth';
import { dialectOf, entityExists, executeUpdate, insertRecord, readEntity, TransactionService } from '../../common/database';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../common/errors';
import { idempotentWrite, payloadHash } from '../../common/idempotency';
import { ListArgs, listQuery, Page } from '../../common/list';
import { Dealership } from '../dealerships/dealership.entity';
import { actingDealership, storeOf } from '../members/member-access';
import { Member } from '../members/member.entity';
import { MemberStatus } from '../members/member.enums';
import { EarningRules } from '../points/earning-rules';
import { PointsEntryType } from '../points/points-entry.entity';
import { addCalendarMonths } from '../points/points-expiry';
import { PointsLedgerService } from '../points/points-ledger.service';
import { ProgrammeRules } from '../programme/programme-rules';
import { ProgrammeService } from '../programme/programme.service';
import { TiersService } from '../tiers/tiers.service';
import { Vehicle } from '../vehicles/vehicle.entity';
import { VehiclesService } from '../vehicles/vehicles.service';
import { EarningPlan, planEarning } from './earning-plan';
import { SalesTransaction } from './sales-transaction.entity';
import { TransactionActivity } from './transaction-activity.entity';
import { TransactionStatus } from './transaction.enums';
import { TransactionPostedHooks, TransactionReversedHooks } from './transaction.hooks';
import {
  RecordTransactionInput,
  ReverseTransactionInput,
  TransactionFilter,
  TransactionSort,
} from './transactions.types';

/** Clock skew tolerated on `occurredAt` from a DMS whose clock runs ahead. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Sales and services: recording (idempotent per dealership and DMS reference), earning and reversal. */
@Injectable()
export class TransactionsService {
  constructor(
    @InjectRepository(SalesTransaction) private readonly transactions: Repository<SalesTransaction>,
    private readonly tx: TransactionService,
    private readonly programme: ProgrammeService,
    private readonly ledger: PointsLedgerService,
    private readonly earningRules: EarningRules,
    private readonly tiers: TiersService,
    private readonly vehicles: VehiclesService,
    private readonly posted: TransactionPostedHooks,
    private readonly reversed: TransactionReversedHooks,
  ) {}

  /** Store staff see their dealership's transactions only. */
  list(
    principal: Principal | undefined,
    args: ListArgs<TransactionFilter, TransactionSort>,
  ): Promise<Page<SalesTransaction>> {
    const store = storeOf(principal);
    return listQuery(this.transactions, args, {
      defaultSort: { field: 'OCCURRED_AT', order: 'DESC' },
      scope: (qb, alias) => {
        if (store) qb.andWhere(`${alias}.dealershipId = :store`, { store });
      },
    });
  }

  async findOne(principal: Principal | undefined, id: string): Promise<SalesTransaction | null> {
    const found = await this.transactions.findOneBy({ id });
    const store = storeOf(principal);
    return found && (!store || found.dealershipId === store) ? found : null;
  }

  /**
   * Records a sale or service and everything it moves, in one database transaction: points
   * (type rate × tier multiplier × activity rules), the member's spend and qualifying points, the
   * vehicle's odometer and service schedule, and an immediate upgrade if a better tier is reached.
   */
  record(principal: Principal, input: RecordTransactionInput): Promise<SalesTransaction> {
    const dealershipId = actingDealership(principal, input.dealershipId)!;
    if (input.occurredAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
      throw new BadUserInputError({ 'input.occurredAt': 'must not be in the future' });
    }
    const hash = payloadHash({ ...input, dealershipId });
    return idempotentWrite({
      find: () => readEntity(this.transactions.manager, SalesTransaction, { dealershipId, externalRef: input.externalRef }),
      hashOf: (t) => t.payloadHash,
      payloadHash: hash,
      field: 'input.externalRef',
      write: () => this.tx.run((manager) => this.post(manager, principal, { ...input, dealershipId }, hash)),
    });
  }

  /** Reverses a posted transaction once, clawing back exactly the points it earned. */
  reverse(principal: Principal, input: ReverseTransactionInput): Promise<SalesTransaction> {
    return this.tx.run(async (manager) => {
      const transaction = await manager.findOneBy(SalesTransaction, { id: input.transactionId });
      const store = storeOf(principal);
      if (!transaction || (store && transaction.dealershipId !== store))
        throw new NotFoundError('Transaction', input.transactionId);
      if (transaction.status === TransactionStatus.REVERSED) {
        if (transaction.reversalReason === input.reason) return transaction; // a retry of the same reversal
        throw new InvalidStateError('The transaction is already reversed');
      }
      const now = new Date();
      const sql = dialectOf(manager);
      const claimed = await executeUpdate(
        manager,
        'UPDATE `sales_transaction` SET `status` = ?, `reversedAt` = ?, `reversalReason` = ? WHERE `id` = ? AND `status` = ?',
        [
          TransactionStatus.REVERSED,
          sql.dateTime(now),
          input.reason,
          transaction.id,
          TransactionStatus.POSTED,
        ],
      );
      if (!claimed) {
        // A concurrent reversal won; if it was this same request retried, answer with its result.
        const winner = await manager.findOneByOrFail(SalesTransaction, { id: transaction.id });
        if (winner.reversalReason === input.reason) return winner;
        throw new InvalidStateError('The transaction is already reversed');
      }

      if (transaction.memberId) {
        if (transaction.pointsEarned > 0) {
          await this.ledger.clawBack(manager, {
            memberId: transaction.memberId,
            transactionId: transaction.id,
            type: PointsEntryType.REVERSAL,
            points: transaction.pointsEarned,
            reason: input.reason,
            sourceType: 'TRANSACTION',
            sourceId: transaction.id,
            dealershipId: transaction.dealershipId,
            operatorId: actorOf(principal).id,
            idempotencyKey: `reverse:${transaction.id}`,
          });
        }
        const rules = await this.programme.rules(manager);
        const inWindow = transaction.occurredAt > addCalendarMonths(now, -rules.qualifyingWindowMonths);
        await executeUpdate(
          manager,
          'UPDATE `member` SET `totalSpend` = `totalSpend` - ?, `qualifyingPoints` = `qualifyingPoints` - ? WHERE `id` = ?',
          [transaction.amount, inWindow ? transaction.qualifyingPoints : 0, transaction.memberId],
        );
      }
      const reversed = await manager.findOneByOrFail(SalesTransaction, { id: transaction.id });
      await this.reversed.run(manager, { transaction: reversed });
      return reversed;
    });
  }

  /**
   * The points a member earns on a transaction: type rate × tier multiplier, then the activities
   * that apply (multipliers multiply, bonuses add), each activity's share claimed against its budget
   * so a budget is never exceeded, also by concurrent transactions.
   */
  private async earn(
    manager: EntityManager,
    member: Member,
    input: RecordTransactionInput & { dealershipId: string },
    rules: ProgrammeRules,
  ): Promise<EarningPlan> {
    const bonuses = await this.earningRules.bonusesFor({
      manager,
      memberId: member.id,
      tierId: member.tierId,
      dealershipId: input.dealershipId,
      type: input.type,
      amount: input.amount,
      occurredAt: input.occurredAt,
    });
    const plan = planEarning({
      amount: input.amount,
      rate: rules.earningRates[input.type] ?? '0',
      tierMultiplier: (await this.tiers.get(member.tierId, manager)).pointsMultiplier,
      bonuses,
    });
    const activities: EarningPlan['activities'] = [];
    for (const share of plan.activities) {
      const reserve = bonuses.find((b) => b.activityId === share.activityId && b.reserve)?.reserve;
      const granted = reserve ? await reserve(manager, share.points) : share.points;
      if (granted > 0) activities.push({ activityId: share.activityId, points: granted });
    }
    return {
      ...plan,
      activities,
      totalPoints: plan.basePoints + activities.reduce((sum, a) => sum + a.points, 0),
    };
  }

  private async post(
    manager: EntityManager,
    principal: Principal,
    input: RecordTransactionInput & { dealershipId: string },
    hash: string,
  ): Promise<SalesTransaction> {
    if (!(await entityExists(manager, Dealership, { id: input.dealershipId }))) {
      throw new BadUserInputError({ 'input.dealershipId': 'is not an existing dealership' });
    }
    let member: Member | null = null;
    if (input.memberId) {
      member = await readEntity(manager, Member, { id: input.memberId });
      if (!member) throw new BadUserInputError({ 'input.memberId': 'is not an existing member' });
      if (member.status === MemberStatus.ERASED)
        throw new InvalidStateError('An erased member takes no new transactions');
    }
    let vehicle: Vehicle | null = null;
    if (input.vehicleId) {
      vehicle = await manager.findOneBy(Vehicle, { id: input.vehicleId });
      if (!vehicle) throw new BadUserInputError({ 'input.vehicleId': 'is not an existing vehicle' });
      if (member && vehicle.memberId !== member.id)
        throw new BadUserInputError({ 'input.vehicleId': 'belongs to another member' });
    } else if (member && input.plateNumber) {
      vehicle = await manager.findOneBy(Vehicle, { memberId: member.id, plateNumber: input.plateNumber });
    }

    const rules = await this.programme.rules(manager);
    const earning =
      member?.status === MemberStatus.ACTIVE
        ? await this.earn(manager, member, input, rules)
        : { basePoints: 0, totalPoints: 0, activities: [] };

    const transaction = await insertRecord(
      manager,
      manager.create(SalesTransaction, {
        externalRef: input.externalRef,
        dealershipId: input.dealershipId,
        memberId: member?.id ?? null,
        vehicleId: vehicle?.id ?? null,
        plateNumber: input.plateNumber ?? vehicle?.plateNumber ?? null,
        type: input.type,
        amount: input.amount,
        occurredAt: input.occurredAt,
        mileage: input.mileage ?? null,
        description: input.description ?? null,
        pointsEarned: earning.totalPoints,
        qualifyingPoints: earning.basePoints,
        status: TransactionStatus.POSTED,
        reversedAt: null,
        reversalReason: null,
        payloadHash: hash,
        recordedById: actorOf(principal).id,
      }),
    );

    if (member) {
      const attribution = {
        memberId: member.id,
        earnedAt: input.occurredAt,
        transactionId: transaction.id,
        dealershipId: input.dealershipId,
        operatorId: actorOf(principal).id,
      };
      if (earning.basePoints > 0) {
        await this.ledger.credit(manager, {
          ...attribution,
          type: PointsEntryType.EARN,
          points: earning.basePoints,
          reason: `${input.type} ${input.externalRef}`,
          sourceType: 'TRANSACTION',
          sourceId: transaction.id,
          idempotencyKey: `earn:${transaction.id}`,
        });
      }
      for (const activity of earning.activities) {
        await insertRecord(
          manager,
          manager.create(TransactionActivity, {
            transactionId: transaction.id,
            activityId: activity.activityId,
            points: activity.points,
          }),
        );
        if (activity.points > 0) {
          await this.ledger.credit(manager, {
            ...attribution,
            type: PointsEntryType.ACTIVITY,
            points: activity.points,
            reason: `Activity bonus on ${input.externalRef}`,
            sourceType: 'ACTIVITY',
            sourceId: activity.activityId,
            idempotencyKey: `earn:${transaction.id}:${activity.activityId}`,
          });
        }
      }
      const inWindow = input.occurredAt > addCalendarMonths(new Date(), -rules.qualifyingWindowMonths);
      const sql = dialectOf(manager);
      await executeUpdate(
        manager,
        'UPDATE `member` SET `totalSpend` = `totalSpend` + ?, `qualifyingPoints` = `qualifyingPoints` + ?, ' +
          '`lastTransactionAt` = CASE WHEN `lastTransactionAt` IS NULL OR `lastTransactionAt` < ? THEN ? ELSE `lastTransactionAt` END WHERE `id` = ?',
        [
          input.amount,
          inWindow ? earning.basePoints : 0,
          sql.dateTime(input.occurredAt),
          sql.dateTime(input.occurredAt),
          member.id,
        ],
      );
    }
    if (vehicle) {
      await this.vehicles.recordVisit(manager, vehicle.id, {
        at: input.occurredAt,
        mileage: input.mileage ?? null,
        isService: rules.serviceVisitTypes.includes(input.type),
      });
    }
    if (member) await this.tiers.upgradeIfQualified(manager, member, new Date());
    await this.posted.run(manager, { transaction });
    return transaction;
  }
}
