/** What a member did in the rolling window; tiers are decided from these figures alone. */
export interface TierFigures {
  qualifyingPoints: number;
  /** Posted spend, fen. */
  spend: number;
  serviceVisits: number;
  /** The largest single repair order, fen. */
  largestRepair: number;
}

export interface TierCriteria {
  id: string;
  rank: number;
  qualifyingPoints: number;
  minSpend: number | null;
  upgradeRepairAmount: number | null;
  upgradeServiceVisits: number | null;
}

export type TierDecision<T extends TierCriteria> =
  | { action: 'UPGRADE'; to: T }
  | { action: 'DOWNGRADE'; to: T }
  | { action: 'KEEP' }
  | { action: 'NONE' };

export const EMPTY_FIGURES: TierFigures = { qualifyingPoints: 0, spend: 0, serviceVisits: 0, largestRepair: 0 };

/** True when the figures reach the tier by any of its paths (points, spend, one big repair, visits). */
export function meetsTier(tier: TierCriteria, figures: TierFigures): boolean {
  if (figures.qualifyingPoints >= tier.qualifyingPoints) return true;
  if (tier.minSpend !== null && figures.spend >= tier.minSpend) return true;
  if (tier.upgradeRepairAmount !== null && figures.largestRepair >= tier.upgradeRepairAmount) return true;
  if (tier.upgradeServiceVisits !== null && figures.serviceVisits >= tier.upgradeServiceVisits) return true;
  return false;
}

/** The best tier the figures reach; the entry (lowest-rank) tier is always reached. */
export function qualifiedTier<T extends TierCriteria>(tiers: T[], figures: TierFigures): T {
  const byRank = [...tiers].sort((a, b) => a.rank - b.rank);
  let best = byRank[0];
  for (const tier of byRank) if (meetsTier(tier, figures)) best = tier;
  return best;
}

/**
 * The tier rule of the programme: upgrade as soon as a better tier is reached; at the yearly review
 * keep the tier if the figures still reach it, otherwise drop exactly one tier.
 */
export function decideTier<T extends TierCriteria>(input: {
  tiers: T[];
  currentTierId: string;
  figures: TierFigures;
  reviewDue: boolean;
}): TierDecision<T> {
  const byRank = [...input.tiers].sort((a, b) => a.rank - b.rank);
  const current = byRank.find((t) => t.id === input.currentTierId);
  const target = qualifiedTier(byRank, input.figures);
  if (!current) return { action: 'UPGRADE', to: target };
  if (target.rank > current.rank) return { action: 'UPGRADE', to: target };
  if (!input.reviewDue) return { action: 'NONE' };
  if (target.rank >= current.rank) return { action: 'KEEP' };
  const below = byRank.filter((t) => t.rank < current.rank);
  return below.length ? { action: 'DOWNGRADE', to: below[below.length - 1] } : { action: 'KEEP' };
}
