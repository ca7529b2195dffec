import { TransactionType } from '../transactions/transaction.enums';

/** A maintenance interval: whichever of distance or time comes first. */
export interface MaintenanceInterval {
  km: number;
  months: number;
}

/**
 * The programme's numbers (DESIGN.md, "The default programme"). Each is stored as a
 * `programme_setting` row, seeded into every empty database and editable by marketing; these
 * defaults fill in any key not stored.
 */
export interface ProgrammeRules {
  /** Points per ¥1 paid, by transaction type, as exact decimal strings. */
  earningRates: Record<TransactionType, string>;
  /** An earned lot expires at the end of this many months after the month it was earned in. */
  pointsExpiryMonths: number;
  /** Points that buy ¥1 off (100 points = ¥1). */
  pointsPerYuan: number;
  birthdayPoints: number;
  /** Points to the referrer (推荐有礼) when a referred member's first vehicle purchase is recorded. */
  referralRewardPoints: number;
  /** Most referrals rewarded per referrer per calendar year (programme time zone); the rest are CAPPED. */
  referralYearlyCap: number;
  /** Rolling window of qualifying points, spend and service visits for tiers. */
  qualifyingWindowMonths: number;
  /** A tier is kept this long from reaching it, then reviewed. */
  tierReviewMonths: number;
  /** Transaction types that count as a service visit (进店保养/维修). */
  serviceVisitTypes: TransactionType[];
  /** Activation and login codes. */
  codeTtlMinutes: number;
  codeMaxAttempts: number;
  /** Minimum gap between two codes to the same phone, and the most per hour. */
  codeMinIntervalSeconds: number;
  codesPerHour: number;
  /** Online registrations not activated within this many days lapse. */
  activationLapseDays: number;
  /** Default maintenance interval, and overrides by vehicle model. */
  maintenanceInterval: MaintenanceInterval;
  maintenanceIntervalsByModel: Record<string, MaintenanceInterval>;
}

export const DEFAULT_PROGRAMME_RULES: ProgrammeRules = {
  earningRates: {
    [TransactionType.MAINTENANCE]: '1',
    [TransactionType.REPAIR]: '1',
    [TransactionType.PARTS]: '1',
    [TransactionType.ACCESSORY]: '1',
    [TransactionType.WASH]: '1',
    [TransactionType.INSURANCE]: '0.5',
    [TransactionType.VEHICLE_PURCHASE]: '0.01',
    [TransactionType.OTHER]: '0',
  },
  pointsExpiryMonths: 24,
  pointsPerYuan: 100,
  birthdayPoints: 200,
  referralRewardPoints: 1000,
  referralYearlyCap: 10,
  qualifyingWindowMonths: 12,
  tierReviewMonths: 12,
  serviceVisitTypes: [TransactionType.MAINTENANCE, TransactionType.REPAIR],
  codeTtlMinutes: 10,
  codeMaxAttempts: 5,
  codeMinIntervalSeconds: 60,
  codesPerHour: 5,
  activationLapseDays: 7,
  maintenanceInterval: { km: 5000, months: 6 },
  maintenanceIntervalsByModel: {},
};

export type ProgrammeRuleKey = keyof ProgrammeRules;
