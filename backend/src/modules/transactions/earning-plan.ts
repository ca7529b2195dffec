import { EarningBonus } from '../points/earning-rules';
import { earnedPoints } from '../points/points-math';

export interface EarningPlan {
  /** Type rate × tier multiplier: the points that count towards tiers. */
  basePoints: number;
  /** Base plus activity bonuses. */
  totalPoints: number;
  /** What each activity added. */
  activities: { activityId: string; points: number }[];
}

/**
 * The points of a transaction: floor(yuan × rate × tier multiplier) for the base; the best
 * activity multiplier on top (multipliers do not stack), plus every fixed activity bonus.
 */
export function planEarning(input: {
  amount: number;
  rate: string | number;
  tierMultiplier: string | number;
  bonuses: EarningBonus[];
}): EarningPlan {
  const basePoints = earnedPoints(input.amount, [input.rate, input.tierMultiplier]);
  const activities: EarningPlan['activities'] = [];
  const best = input.bonuses
    .filter((b) => b.multiplier !== null && b.multiplier !== undefined)
    .map((b) => ({ activityId: b.activityId, points: earnedPoints(input.amount, [input.rate, input.tierMultiplier, b.multiplier!]) - basePoints }))
    .sort((a, b) => b.points - a.points)[0];
  if (best && best.points > 0) activities.push(best);
  for (const bonus of input.bonuses) {
    if (bonus.bonusPoints && bonus.bonusPoints > 0) {
      const existing = activities.find((a) => a.activityId === bonus.activityId);
      if (existing) existing.points += bonus.bonusPoints;
      else activities.push({ activityId: bonus.activityId, points: bonus.bonusPoints });
    }
  }
  return { basePoints, totalPoints: basePoints + activities.reduce((sum, a) => sum + a.points, 0), activities };
}
