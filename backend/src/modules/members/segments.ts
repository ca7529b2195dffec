import type { SegmentRules } from '../programme/programme-rules';
import { MemberSegment } from './member.enums';

/**
 * Member segments (会员分群), DESIGN.md "Segments". Pure: the nightly SEGMENTATION job gathers each
 * member's figures as of its `asOf` and calls `segmentOf`.
 *
 * "Paid transaction": POSTED, amount > 0, occurred at or before `asOf`. Days are 24-hour spans
 * counted back from `asOf` (exact instants, no time zone). The last activity is the last paid
 * transaction, or joining when there is none. In this order:
 *
 * 1. NEW — no paid transaction and joined less than `newDays` (90) days ago.
 * 2. DORMANT — last activity more than `dormantDays` (180) days ago.
 * 3. AT_RISK — last activity `atRiskDays` (90) to `dormantDays` (180) days ago, both inclusive.
 *    (A member who joined 90–180 days ago and never paid is AT_RISK too: neither new any more nor
 *    dormant yet.)
 * 4. Everyone else paid within the last 90 days and is scored on the `rfmWindowMonths` (12) months
 *    up to `asOf`, each dimension 1–3:
 *    - R: days since the last paid transaction: ≤ 30 → 3, ≤ 60 → 2, else 1;
 *    - F: paid transactions in the window: ≥ 6 → 3, ≥ 3 → 2, else 1;
 *    - M: amount paid in the window: ≥ ¥20,000 → 3, ≥ ¥5,000 → 2, else 1.
 *    CHAMPION: R + F + M ≥ 8; LOYAL: ≥ 6; both only for repeat customers (F ≥ 2), so a one-off big
 *    purchase (a new car) is POTENTIAL, as is everyone else.
 *
 * Fixed thresholds (configurable in the programme rules), not quintiles: a member's segment does not
 * move because other members changed, the rules are explainable to staff, and small groups
 * (a single store's programme) get meaningful segments.
 */
export interface SegmentFigures {
  /** When the member joined (createdAt). */
  joinedAt: Date;
  /** The last paid transaction at or before asOf, or null. */
  lastPaidAt: Date | null;
  /** Paid transactions in the RFM window. */
  frequency: number;
  /** Amount paid in the RFM window, fen. */
  monetary: number;
}

export interface RfmScores {
  recency: number;
  frequency: number;
  monetary: number;
  total: number;
}

const DAY_MS = 86_400_000;

/** Whole and partial days from `from` to `asOf`. */
function daysBetween(from: Date, asOf: Date): number {
  return (asOf.getTime() - from.getTime()) / DAY_MS;
}

/** Scores 1–3 against two ascending thresholds: 3 from the higher one, 2 from the lower. */
function ascendingScore(value: number, [low, high]: [number, number]): number {
  if (value >= high) return 3;
  if (value >= low) return 2;
  return 1;
}

export function rfmScores(figures: SegmentFigures, asOf: Date, rules: SegmentRules): RfmScores {
  const sinceLast = figures.lastPaidAt ? daysBetween(figures.lastPaidAt, asOf) : Number.POSITIVE_INFINITY;
  const [r3, r2] = rules.recencyDays;
  const recency = sinceLast <= r3 ? 3 : sinceLast <= r2 ? 2 : 1;
  const frequency = ascendingScore(figures.frequency, rules.frequency);
  const monetary = ascendingScore(figures.monetary, rules.monetary);
  return { recency, frequency, monetary, total: recency + frequency + monetary };
}

export function segmentOf(figures: SegmentFigures, asOf: Date, rules: SegmentRules): MemberSegment {
  if (!figures.lastPaidAt && daysBetween(figures.joinedAt, asOf) < rules.newDays) return MemberSegment.NEW;
  const idle = daysBetween(lastActivityOf(figures), asOf);
  if (idle > rules.dormantDays) return MemberSegment.DORMANT;
  if (idle >= rules.atRiskDays) return MemberSegment.AT_RISK;
  const scores = rfmScores(figures, asOf, rules);
  if (scores.frequency >= 2 && scores.total >= rules.championScore) return MemberSegment.CHAMPION;
  if (scores.frequency >= 2 && scores.total >= rules.loyalScore) return MemberSegment.LOYAL;
  return MemberSegment.POTENTIAL;
}

/** The last paid transaction, or joining when there is none: what dormancy counts from. */
export function lastActivityOf(figures: Pick<SegmentFigures, 'joinedAt' | 'lastPaidAt'>): Date {
  return figures.lastPaidAt ?? figures.joinedAt;
}

/** When a member with this last activity turned (or turns) DORMANT: the start of the dormancy spell. */
export function dormantSince(
  figures: Pick<SegmentFigures, 'joinedAt' | 'lastPaidAt'>,
  rules: SegmentRules,
): Date {
  return new Date(lastActivityOf(figures).getTime() + rules.dormantDays * DAY_MS);
}
