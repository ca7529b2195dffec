import { escapeLike } from '../../common/list';
import { addCalendarMonths } from '../points/points-expiry';
import { BenefitPeriod } from './benefit.enums';

/** Months in one YEAR or MONTH period; ONCE periods end at the tier review instead. */
const PERIOD_MONTHS: Record<Exclude<BenefitPeriod, BenefitPeriod.ONCE>, number> = {
  [BenefitPeriod.YEAR]: 12,
  [BenefitPeriod.MONTH]: 1,
};

/** A ONCE entitlement without a (future) tier review lasts this long. */
const ONCE_FALLBACK_MONTHS = 12;

export interface Period {
  start: Date;
  end: Date;
}

/**
 * The period of a grant made at `start` (pro-rata is never applied): YEAR runs 12 calendar months
 * from the grant, MONTH one month, ONCE until the member's tier review (`reviewAt`), or 12 months
 * when the member has no review ahead (the entry tier).
 */
export function grantPeriod(period: BenefitPeriod, start: Date, reviewAt: Date | null): Period {
  if (period === BenefitPeriod.ONCE) {
    return {
      start,
      end: reviewAt && reviewAt > start ? reviewAt : addCalendarMonths(start, ONCE_FALLBACK_MONTHS),
    };
  }
  return { start, end: addCalendarMonths(start, PERIOD_MONTHS[period]) };
}

/**
 * The next YEAR or MONTH period of a member who still holds a granting tier, as seen at `asOf`.
 * An entitlement that ended within the last period is renewed seamlessly (the new period starts
 * where the last one ended, so periods stay anchored to the first grant); otherwise (never
 * granted, or a gap longer than a period) a fresh period starts at `asOf`. Deterministic for a
 * given `lastEnd` and `asOf`, so re-running a day grants the same period.
 */
export function nextPeriod(
  period: BenefitPeriod.YEAR | BenefitPeriod.MONTH,
  lastEnd: Date | null,
  asOf: Date,
): Period {
  if (lastEnd && lastEnd <= asOf) {
    const renewal = grantPeriod(period, lastEnd, null);
    if (renewal.end > asOf) return renewal;
  }
  return grantPeriod(period, asOf, null);
}

/** The quota a member of `tierId` receives: the tier's own quota if it has one, else the default. */
export function quotaFor(
  benefit: { quota: number; quotaByTier: Record<string, number> | null },
  tierId: string,
): number {
  return benefit.quotaByTier?.[tierId] ?? benefit.quota;
}

/** Whether a benefit names the tier among those it is granted to. */
export function grantsTier(benefit: { tierIds: string[] | null }, tierId: string): boolean {
  return (benefit.tierIds ?? []).includes(tierId);
}

/**
 * A LIKE pattern (with `ESCAPE '!'`) matching the JSON text of a `tierIds` array that holds
 * `tierId`: portable across SQLite and MySQL, which store the array as text.
 */
export function tierIdsPattern(tierId: string): string {
  return `%${escapeLike(JSON.stringify(String(tierId)))}%`;
}
