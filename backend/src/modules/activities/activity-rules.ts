import { fromZonedTime } from 'date-fns-tz';
import { addDaysToDate, localDate } from '../../common/time';
import { TransactionType } from '../transactions/transaction.enums';
import { ActivityStatus, ActivityType } from './activity.enums';

/**
 * The rules of activities that do not need a database: which transactions and members an activity
 * applies to, what its points cost, when an event's check-in desk is open, when an ended activity
 * is settled, and what a configuration must look like.
 */

/** Activities that add points to transactions (through the EarningRule). */
export const EARNING_TYPES: readonly ActivityType[] = [ActivityType.POINTS_MULTIPLIER, ActivityType.BONUS_POINTS];

/**
 * Published and not closed: a transaction whose `occurredAt` falls in the window earns from the
 * activity in these states, whether or not the lifecycle job has flipped it yet (a sale at 09:00:30 of
 * a double-points day, a DMS push arriving after the end but before settlement).
 */
export const EARNING_STATUSES: readonly ActivityStatus[] = [ActivityStatus.SCHEDULED, ActivityStatus.ACTIVE, ActivityStatus.ENDED];

/** Statuses in which configuration can no longer change. */
export const CLOSED_STATUSES: readonly ActivityStatus[] = [ActivityStatus.ENDED, ActivityStatus.SETTLED, ActivityStatus.CANCELLED];

/** An ended activity is settled (event rewards paid, books closed) this long after its end. */
export const SETTLEMENT_DELAY_MS = 24 * 3600_000;

/** Fields an ACTIVE activity may still change: nothing that decides who earns how much. */
export const EDITABLE_WHILE_ACTIVE = ['name', 'description', 'endsAt', 'capacity', 'budgetPoints', 'fixedCost'] as const;

export interface ActivityShape {
  type: ActivityType;
  announceAt: Date | null;
  startsAt: Date;
  endsAt: Date;
  eligibleTierIds: string[];
  dealershipIds: string[];
  transactionTypes: TransactionType[];
  minAmount: number | null;
  multiplier: number | null;
  bonusPoints: number | null;
  rewardPoints: number | null;
  capacity: number | null;
  budgetPoints: number | null;
  fixedCost: number | null;
}

/** What a problem with an input is, keyed by input path ('input.multiplier'); empty when valid. */
export function configurationProblems(a: ActivityShape, prefix = 'input'): Record<string, string> {
  const problems: Record<string, string> = {};
  const at = (field: string) => `${prefix}.${field}`;
  if (!(a.endsAt > a.startsAt)) problems[at('endsAt')] = 'must be after startsAt';
  if (a.announceAt && a.announceAt > a.startsAt) problems[at('announceAt')] = 'must not be after startsAt';
  const only = (field: keyof ActivityShape, types: string) => {
    if (a[field] !== null && a[field] !== undefined) problems[at(field)] = `only ${types} activities have ${field}`;
  };
  const earning = EARNING_TYPES.includes(a.type);
  if (!earning) {
    if (a.transactionTypes.length) problems[at('transactionTypes')] = 'only POINTS_MULTIPLIER and BONUS_POINTS activities have transactionTypes';
    only('minAmount', 'POINTS_MULTIPLIER and BONUS_POINTS');
  }
  if (a.type === ActivityType.POINTS_MULTIPLIER) {
    if (a.multiplier === null || a.multiplier === undefined) problems[at('multiplier')] = 'is required for a POINTS_MULTIPLIER activity';
    else if (!(a.multiplier > 1)) problems[at('multiplier')] = 'must be more than 1';
  } else only('multiplier', 'POINTS_MULTIPLIER');
  if (a.type === ActivityType.BONUS_POINTS) {
    if (!a.bonusPoints || a.bonusPoints < 1) problems[at('bonusPoints')] = 'is required for a BONUS_POINTS activity (1 or more)';
  } else only('bonusPoints', 'BONUS_POINTS');
  if (a.type === ActivityType.EVENT) {
    if (a.rewardPoints === null || a.rewardPoints === undefined || a.rewardPoints < 0)
      problems[at('rewardPoints')] = 'is required for an EVENT (0 or more)';
    if (!a.capacity || a.capacity < 1) problems[at('capacity')] = 'is required for an EVENT (1 or more)';
  } else {
    only('rewardPoints', 'EVENT');
    only('capacity', 'EVENT');
  }
  return problems;
}

/** A member may take part: their tier and home dealership are among the listed ones (empty: all). */
export function memberEligible(
  a: Pick<ActivityShape, 'eligibleTierIds' | 'dealershipIds'>,
  member: { tierId: string; homeDealershipId: string | null },
): boolean {
  if (a.eligibleTierIds.length && !a.eligibleTierIds.includes(member.tierId)) return false;
  if (a.dealershipIds.length && (!member.homeDealershipId || !a.dealershipIds.includes(member.homeDealershipId))) return false;
  return true;
}

export interface TransactionFacts {
  tierId: string;
  dealershipId: string;
  type: TransactionType;
  /** Fen. */
  amount: number;
  occurredAt: Date;
}

/**
 * An earning activity applies to a transaction at one of its dealerships (empty: all), of one of its
 * types (empty: all), by a member of one of its tiers (empty: all), of at least `minAmount`, that
 * occurred in [startsAt, endsAt). Status is the caller's concern (EARNING_STATUSES).
 */
export function appliesTo(a: ActivityShape, t: TransactionFacts, options: { ignoreWindow?: boolean } = {}): boolean {
  if (!EARNING_TYPES.includes(a.type)) return false;
  if (!options.ignoreWindow && (t.occurredAt < a.startsAt || t.occurredAt >= a.endsAt)) return false;
  if (a.eligibleTierIds.length && !a.eligibleTierIds.includes(t.tierId)) return false;
  if (a.dealershipIds.length && !a.dealershipIds.includes(t.dealershipId)) return false;
  if (a.transactionTypes.length && !a.transactionTypes.includes(t.type)) return false;
  if (a.minAmount !== null && a.minAmount !== undefined && t.amount < a.minAmount) return false;
  return true;
}

/** What points cost in fen: 100 points = ¥1 = 100 fen by default, rounded half up. */
export function pointsCostFen(points: number, pointsPerYuan: number): number {
  if (points <= 0 || pointsPerYuan <= 0) return 0;
  return Math.floor((points * 100 * 2 + pointsPerYuan) / (2 * pointsPerYuan));
}

/**
 * The check-in desk of an event is open from the start of the (programme-local) day it starts on
 * until the end of the day it ends on: guests who arrive early, and the sign-in sheet typed in after
 * the event closed that evening, both count. Later than that a check-in is refused.
 */
export function checkInWindow(a: Pick<ActivityShape, 'startsAt' | 'endsAt'>, timeZone: string): { opensAt: Date; closesAt: Date } {
  const startDay = localDate(a.startsAt, timeZone);
  const lastDay = localDate(new Date(a.endsAt.getTime() - 1), timeZone);
  return {
    opensAt: fromZonedTime(`${startDay}T00:00:00`, timeZone),
    closesAt: fromZonedTime(`${addDaysToDate(lastDay, 1)}T00:00:00`, timeZone),
  };
}

/** When an ended activity is settled: a day after its end (after the event day's late check-ins). */
export function settlementDueAt(endsAt: Date): Date {
  return new Date(endsAt.getTime() + SETTLEMENT_DELAY_MS);
}

/** The JSON text a one-element search of a JSON id array matches (`LIKE '%"id"%'`). */
export function jsonElementPattern(id: string): string {
  return `%${JSON.stringify(String(id)).replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
