import { fenToYuan, yuanToFen } from '../../../format/money';
import { isoToLocalDateTime, localDateTimeToIso } from '../../shared/period';
import type { Activity } from './activityQueries';

/** The editor's form state: what people type (yuan, local date-times), converted on the way out. */
export interface ActivityDraft {
  name: string;
  description: string;
  type: string;
  announceAt: string;
  startsAt: string;
  endsAt: string;
  eligibleTierIds: string[];
  dealershipIds: string[];
  transactionTypes: string[];
  minAmount: string;
  multiplier: string;
  bonusPoints: string;
  rewardPoints: string;
  capacity: string;
  budgetPoints: string;
  fixedCost: string;
}

/** Which settings each type has (activity-rules configurationProblems on the server). */
export const TYPE_FIELDS: Record<string, (keyof ActivityDraft)[]> = {
  POINTS_MULTIPLIER: ['transactionTypes', 'minAmount', 'multiplier'],
  BONUS_POINTS: ['transactionTypes', 'minAmount', 'bonusPoints'],
  EVENT: ['rewardPoints', 'capacity'],
  REFERRAL: [],
  BIRTHDAY: [],
};

/** What an ACTIVE activity may still change (activity-rules EDITABLE_WHILE_ACTIVE). */
export const EDITABLE_WHILE_ACTIVE: (keyof ActivityDraft)[] = [
  'name',
  'description',
  'endsAt',
  'capacity',
  'budgetPoints',
  'fixedCost',
];

export const EDITABLE_STATUSES = ['DRAFT', 'SCHEDULED', 'ACTIVE'];

export function emptyDraft(): ActivityDraft {
  return {
    name: '',
    description: '',
    type: 'POINTS_MULTIPLIER',
    announceAt: '',
    startsAt: '',
    endsAt: '',
    eligibleTierIds: [],
    dealershipIds: [],
    transactionTypes: [],
    minAmount: '',
    multiplier: '2',
    bonusPoints: '',
    rewardPoints: '',
    capacity: '',
    budgetPoints: '',
    fixedCost: '',
  };
}

const text = (n: number | null) => (n === null || n === undefined ? '' : String(n));

export function draftOf(a: Activity): ActivityDraft {
  return {
    name: a.name,
    description: a.description ?? '',
    type: a.type,
    announceAt: isoToLocalDateTime(a.announceAt),
    startsAt: isoToLocalDateTime(a.startsAt),
    endsAt: isoToLocalDateTime(a.endsAt),
    eligibleTierIds: a.eligibleTierIds,
    dealershipIds: a.dealershipIds,
    transactionTypes: a.transactionTypes,
    minAmount: text(fenToYuan(a.minAmount)),
    multiplier: text(a.multiplier),
    bonusPoints: text(a.bonusPoints),
    rewardPoints: text(a.rewardPoints),
    capacity: text(a.capacity),
    budgetPoints: text(a.budgetPoints),
    fixedCost: text(fenToYuan(a.fixedCost)),
  };
}

const num = (v: string) => (v.trim() === '' ? null : Number(v));
const fen = (v: string) => (v.trim() === '' ? null : yuanToFen(v));

/** Money fields that are not a number of yuan, by input path. */
export function draftProblems(d: ActivityDraft, invalidYuan: string): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const key of ['minAmount', 'fixedCost'] as const) {
    const value = fen(d[key]);
    if (value !== null && Number.isNaN(value)) problems[`input.${key}`] = invalidYuan;
  }
  return problems;
}

/**
 * The CreateActivityInput of a draft (also the preview's input). Settings the type does not have
 * are left out, so switching type does not send stale values.
 */
export function createInput(d: ActivityDraft) {
  const has = (field: keyof ActivityDraft) => TYPE_FIELDS[d.type]?.includes(field) ?? false;
  return {
    name: d.name.trim(),
    description: d.description.trim() || null,
    type: d.type,
    announceAt: localDateTimeToIso(d.announceAt),
    startsAt: localDateTimeToIso(d.startsAt),
    endsAt: localDateTimeToIso(d.endsAt),
    eligibleTierIds: d.eligibleTierIds,
    dealershipIds: d.dealershipIds,
    transactionTypes: has('transactionTypes') ? d.transactionTypes : [],
    minAmount: has('minAmount') ? fen(d.minAmount) : null,
    multiplier: has('multiplier') ? num(d.multiplier) : null,
    bonusPoints: has('bonusPoints') ? num(d.bonusPoints) : null,
    rewardPoints: has('rewardPoints') ? num(d.rewardPoints) : null,
    capacity: has('capacity') ? num(d.capacity) : null,
    budgetPoints: num(d.budgetPoints),
    fixedCost: fen(d.fixedCost),
  };
}

/** The UpdateActivityInput: everything but the type, or only what an ACTIVE activity may change. */
export function updateInput(d: ActivityDraft, status: string) {
  const { type: _type, ...all } = createInput(d);
  if (status !== 'ACTIVE') return all;
  return Object.fromEntries(
    Object.entries(all).filter(([key]) => EDITABLE_WHILE_ACTIVE.includes(key as keyof ActivityDraft)),
  );
}
