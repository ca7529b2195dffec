import { planEarning } from './earning-plan';

describe('earning plan', () => {
  it('earns type rate × tier multiplier exactly', () => {
    expect(planEarning({ amount: 100_000, rate: '1', tierMultiplier: 1.2, bonuses: [] })).toEqual({ basePoints: 1200, totalPoints: 1200, activities: [] });
    expect(planEarning({ amount: 300_000_00, rate: '0.01', tierMultiplier: 2, bonuses: [] }).basePoints).toBe(6000);
    expect(planEarning({ amount: 33_333, rate: '0.5', tierMultiplier: 1.5, bonuses: [] }).basePoints).toBe(249);
  });

  it('applies the best activity multiplier only, and adds fixed bonuses', () => {
    const plan = planEarning({
      amount: 100_000,
      rate: '1',
      tierMultiplier: 1.5,
      bonuses: [
        { activityId: 'double', multiplier: 2 },
        { activityId: 'triple', multiplier: 3 },
        { activityId: 'gift', bonusPoints: 88 },
      ],
    });
    expect(plan).toEqual({
      basePoints: 1500,
      totalPoints: 1500 + 3000 + 88,
      activities: [
        { activityId: 'triple', points: 3000 },
        { activityId: 'gift', points: 88 },
      ],
    });
  });
});
