import { grantPeriod, grantsTier, nextPeriod, quotaFor, tierIdsPattern } from './benefit-rules';
import { BenefitPeriod } from './benefit.enums';

const at = (iso: string) => new Date(iso);

describe('benefit periods', () => {
  it('runs YEAR 12 calendar months and MONTH one month from the grant, without pro-rata', () => {
    expect(grantPeriod(BenefitPeriod.YEAR, at('2025-03-15T08:00:00.000Z'), null)).toEqual({
      start: at('2025-03-15T08:00:00.000Z'),
      end: at('2026-03-15T08:00:00.000Z'),
    });
    expect(grantPeriod(BenefitPeriod.MONTH, at('2025-01-31T08:00:00.000Z'), null).end).toEqual(
      at('2025-02-28T08:00:00.000Z'),
    );
    expect(grantPeriod(BenefitPeriod.YEAR, at('2024-02-29T00:00:00.000Z'), null).end).toEqual(
      at('2025-02-28T00:00:00.000Z'),
    );
  });

  it('runs ONCE until the tier review, or 12 months without a review ahead', () => {
    const start = at('2025-06-01T00:00:00.000Z');
    expect(grantPeriod(BenefitPeriod.ONCE, start, at('2026-01-10T00:00:00.000Z')).end).toEqual(
      at('2026-01-10T00:00:00.000Z'),
    );
    expect(grantPeriod(BenefitPeriod.ONCE, start, null).end).toEqual(at('2026-06-01T00:00:00.000Z'));
    expect(grantPeriod(BenefitPeriod.ONCE, start, at('2025-05-01T00:00:00.000Z')).end).toEqual(
      at('2026-06-01T00:00:00.000Z'),
    );
  });

  it('renews seamlessly within a period of the last end, afresh after a longer gap', () => {
    const lastEnd = at('2026-03-15T08:00:00.000Z');
    expect(nextPeriod(BenefitPeriod.YEAR, lastEnd, at('2026-03-16T00:00:00.000Z'))).toEqual({
      start: lastEnd,
      end: at('2027-03-15T08:00:00.000Z'),
    });
    expect(nextPeriod(BenefitPeriod.YEAR, lastEnd, lastEnd)).toEqual({
      start: lastEnd,
      end: at('2027-03-15T08:00:00.000Z'),
    });
    const late = at('2027-04-01T00:00:00.000Z');
    expect(nextPeriod(BenefitPeriod.YEAR, lastEnd, late)).toEqual({
      start: late,
      end: at('2028-04-01T00:00:00.000Z'),
    });
    expect(nextPeriod(BenefitPeriod.MONTH, null, late)).toEqual({
      start: late,
      end: at('2027-05-01T00:00:00.000Z'),
    });
    // Deterministic: the same inputs, the same period.
    expect(nextPeriod(BenefitPeriod.MONTH, lastEnd, late)).toEqual(
      nextPeriod(BenefitPeriod.MONTH, lastEnd, late),
    );
  });
});

describe('benefit tiers and quotas', () => {
  const benefit = { quota: 1, quotaByTier: { gold: 3 }, tierIds: ['regular', 'gold'] };

  it('uses a tier’s own quota where it has one', () => {
    expect(quotaFor(benefit, 'gold')).toBe(3);
    expect(quotaFor(benefit, 'regular')).toBe(1);
    expect(quotaFor({ quota: 2, quotaByTier: null }, 'gold')).toBe(2);
  });

  it('matches a tier id inside the JSON text of tierIds, and only whole ids', () => {
    expect(grantsTier(benefit, 'gold')).toBe(true);
    expect(grantsTier(benefit, 'go')).toBe(false);
    expect(tierIdsPattern('01HZX')).toBe('%"01HZX"%');
    expect(tierIdsPattern('a_b%')).toBe('%"a!_b!%"%');
  });
});
