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
  /** Complaint SLA (投诉时效) by priority, counted from when the complaint was filed. */
  complaintSla: ComplaintSla;
  /** Follow-up calls (回访): hours from the source to the call's due time, by kind of source. */
  followUpDueHours: FollowUpDueHours;
  /** Unanswered attempts after which a follow-up closes as UNREACHABLE. */
  followUpMaxAttempts: number;
  /** Only sources (services, resolutions, check-ins) this recent get a call, so a first run does not flood. */
  followUpLookbackDays: number;
  /** A DORMANT_RECALL call is due this many days after the member turned dormant. */
  dormantRecallDueDays: number;
  /** Member segments (nightly RFM): windows and score thresholds, see members/segments.ts. */
  segmentRules: SegmentRules;
  /** Days ahead of the due date that the daily REMINDERS job reminds, by kind. */
  reminderLeadDays: ReminderLeadDays;
  /** Marketing messages (BIRTHDAY, ACTIVITY_STARTING) are held from `start` to `end` (HH:MM, programme time). */
  quietHours: QuietHours;
}

export interface ReminderLeadDays {
  maintenance: number;
  inspection: number;
  insurance: number;
  pointsExpiring: number;
  benefitExpiring: number;
  /** A pending online registration is reminded when it lapses within this many days. */
  activationLapsing: number;
}

export interface QuietHours {
  start: string;
  end: string;
}

export interface FollowUpDueHours {
  POST_SERVICE: number;
  POST_COMPLAINT: number;
  POST_EVENT: number;
}

/**
 * The numbers of the nightly segmentation. Days are 24-hour spans counted back from the run's
 * `asOf`; amounts are fen. Each of recency, frequency and monetary scores 1–3: 3 when it reaches the
 * higher threshold, 2 the lower one, else 1 (recency: days since the last paid transaction, lower
 * is better).
 */
export interface SegmentRules {
  /** NEW: joined less than this many days ago, with no paid transaction yet. */
  newDays: number;
  /** AT_RISK: the last paid transaction (or joining, without one) at least this many days ago… */
  atRiskDays: number;
  /** …DORMANT: more than this many days ago. */
  dormantDays: number;
  /** The RFM window for frequency and spend, months. */
  rfmWindowMonths: number;
  /** Recency scores 3 within the first number of days, 2 within the second. */
  recencyDays: [number, number];
  /** Frequency scores 2 from the first number of paid transactions in the window, 3 from the second. */
  frequency: [number, number];
  /** Monetary scores 2 from the first amount (fen) paid in the window, 3 from the second. */
  monetary: [number, number];
  /** CHAMPION from this total score (of 9), LOYAL from `loyalScore`, the rest POTENTIAL. */
  championScore: number;
  loyalScore: number;
}

/** Minutes to acknowledge and hours to resolve a complaint, by priority (LOW, NORMAL, HIGH, URGENT). */
export interface ComplaintSla {
  acknowledgeMinutes: Record<'LOW' | 'NORMAL' | 'HIGH' | 'URGENT', number>;
  resolveHours: Record<'LOW' | 'NORMAL' | 'HIGH' | 'URGENT', number>;
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
  complaintSla: {
    acknowledgeMinutes: { LOW: 30, NORMAL: 30, HIGH: 30, URGENT: 15 },
    resolveHours: { LOW: 120, NORMAL: 48, HIGH: 48, URGENT: 24 },
  },
  followUpDueHours: { POST_SERVICE: 72, POST_COMPLAINT: 24, POST_EVENT: 24 },
  followUpMaxAttempts: 3,
  followUpLookbackDays: 30,
  dormantRecallDueDays: 7,
  segmentRules: {
    newDays: 90,
    atRiskDays: 90,
    dormantDays: 180,
    rfmWindowMonths: 12,
    recencyDays: [30, 60],
    frequency: [3, 6],
    monetary: [5_000_00, 20_000_00],
    championScore: 8,
    loyalScore: 6,
  },
  reminderLeadDays: {
    maintenance: 7,
    inspection: 30,
    insurance: 30,
    pointsExpiring: 30,
    benefitExpiring: 14,
    activationLapsing: 2,
  },
  quietHours: { start: '21:00', end: '08:00' },
};

export type ProgrammeRuleKey = keyof ProgrammeRules;
