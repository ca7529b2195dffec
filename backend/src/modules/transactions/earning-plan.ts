import { EarningBonus } from '../points/earning-rules';
import { earnedPoints } from '../points/points-math';

export interface EarningPlan {
  /** Type rate × tier multiplier: the points that count towards tiers. */
  basePoints: number;
  /** Base plus activity bonuses. */
  totalPoints: number;
  /** What each activity added, in the order applied. */
  activities: { activityId: string; points: number }[];
}

/**
 * The points of a transaction: floor(yuan × rate × tier multiplier) for the base; activity
 * multipliers multiply (double points and a triple-points day make ×6), and each activity is
 * credited the points its factor added on top of those before it, so the parts add up exactly to
 * floor(yuan × rate × tier × every multiplier). Fixed activity bonuses add.
 */
export function planEarning(input: {
  amount: number;
  rate: string | number;
  tierMultiplier: string | number;
  bonuses: EarningBonus[];
}): EarningPlan {
  const factors: (string | number)[] = [input.rate, input.tierMultiplier];
  const basePoints = earnedPoints(input.amount, factors);
  const activities: EarningPlan['activities'] = [];
  let previous = basePoints;
  const multipliers = input.bonuses
    .filter((b) => b.multiplier !== null && b.multiplier !== undefined)
    .sort((a, b) => (a.activityId < b.activityId ? -1 : a.activityId > b.activityId ? 1 : 0));
  for (const bonus of multipliers) {
    factors.push(bonus.multiplier!);
    const next = earnedPoints(input.amount, factors);
    if (next !== previous) activities.push({ activityId: bonus.activityId, points: next - previous });
    previous = next;
  }
  for (const bonus of input.bonuses) {
    if (!bonus.bonusPoints || bonus.bonusPoints <= 0) continue;
    const existing = activities.find((a) => a.activityId === bonus.activityId);
    if (existing) existing.points += bonus.bonusPoints;
    else activities.push({ activityId: bonus.activityId, points: bonus.bonusPoints });
  }
  return { basePoints, totalPoints: basePoints + activities.reduce((sum, a) => sum + a.points, 0), activities };
}
