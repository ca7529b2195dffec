import { decideTier, EMPTY_FIGURES, qualifiedTier, TierCriteria } from './tier-rules';

const tier = (id: string, rank: number, points: number, spend: number | null, extra: Partial<TierCriteria> = {}): TierCriteria => ({
  id,
  rank,
  qualifyingPoints: points,
  minSpend: spend,
  upgradeRepairAmount: null,
  upgradeServiceVisits: null,
  ...extra,
});
const TIERS = [
  tier('REGULAR', 0, 0, null),
  tier('SILVER', 1, 5000, 5_000_000, { upgradeRepairAmount: 500_000, upgradeServiceVisits: 3 }),
  tier('GOLD', 2, 15000, 15_000_000),
  tier('PLATINUM', 3, 30000, 30_000_000),
];

describe('tier rules', () => {
  it('reaches a tier by points, spend, one big repair or three service visits', () => {
    expect(qualifiedTier(TIERS, EMPTY_FIGURES).id).toBe('REGULAR');
    expect(qualifiedTier(TIERS, { ...EMPTY_FIGURES, qualifyingPoints: 5000 }).id).toBe('SILVER');
    expect(qualifiedTier(TIERS, { ...EMPTY_FIGURES, qualifyingPoints: 4999 }).id).toBe('REGULAR');
    expect(qualifiedTier(TIERS, { ...EMPTY_FIGURES, spend: 15_000_000 }).id).toBe('GOLD');
    expect(qualifiedTier(TIERS, { ...EMPTY_FIGURES, largestRepair: 500_000 }).id).toBe('SILVER');
    expect(qualifiedTier(TIERS, { ...EMPTY_FIGURES, largestRepair: 499_999 }).id).toBe('REGULAR');
    expect(qualifiedTier(TIERS, { ...EMPTY_FIGURES, serviceVisits: 3 }).id).toBe('SILVER');
    expect(qualifiedTier(TIERS, { ...EMPTY_FIGURES, qualifyingPoints: 30000 }).id).toBe('PLATINUM');
  });

  it('upgrades straight to the best tier reached, review or not', () => {
    const decision = decideTier({ tiers: TIERS, currentTierId: 'REGULAR', figures: { ...EMPTY_FIGURES, qualifyingPoints: 16000 }, reviewDue: false });
    expect(decision).toEqual({ action: 'UPGRADE', to: TIERS[2] });
  });

  it('does nothing before the review when the figures fall', () => {
    expect(decideTier({ tiers: TIERS, currentTierId: 'GOLD', figures: EMPTY_FIGURES, reviewDue: false })).toEqual({ action: 'NONE' });
  });

  it('keeps the tier at the review when the figures still reach it', () => {
    const figures = { ...EMPTY_FIGURES, qualifyingPoints: 15000 };
    expect(decideTier({ tiers: TIERS, currentTierId: 'GOLD', figures, reviewDue: true })).toEqual({ action: 'KEEP' });
  });

  it('drops exactly one tier at a failed review, never more', () => {
    expect(decideTier({ tiers: TIERS, currentTierId: 'PLATINUM', figures: EMPTY_FIGURES, reviewDue: true })).toEqual({
      action: 'DOWNGRADE',
      to: TIERS[2],
    });
    expect(decideTier({ tiers: TIERS, currentTierId: 'SILVER', figures: EMPTY_FIGURES, reviewDue: true })).toEqual({
      action: 'DOWNGRADE',
      to: TIERS[0],
    });
  });

  it('keeps the entry tier at its review', () => {
    expect(decideTier({ tiers: TIERS, currentTierId: 'REGULAR', figures: EMPTY_FIGURES, reviewDue: true })).toEqual({ action: 'KEEP' });
  });
});
