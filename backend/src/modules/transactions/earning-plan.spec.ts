import { planEarning } from './earning-plan';

describe('earning plan', () => {
  it('earns type rate × tier multiplier exactly', () => {
    expect(planEarning({ amount: 100_000, rate: '1', tierMultiplier: 1.2, bonuses: [] })).toEqual({ basePoints: 1200, totalPoints: 1200, activities: [] });
    expect(planEarning({ amount: 300_000_00, rate: '0.01', tierMultiplier: 2, bonuses: [] }).basePoints).toBe(6000);
    expect(planEarning({ amount: 33_333, rate: '0.5', tierMultiplier: 1.5, bonuses: [] }).basePoints).toBe(249);
  });

  it('multiplies activity multipliers and credits each the points it added; fixed bonuses add', () => {
    const plan = planEarning({
      amount: 100_000,
      rate: '1',
      tierMultiplier: 1.5,
      bonuses: [
        { activityId: 'b-triple', multiplier: 3 },
        { activityId: 'a-double', multiplier: 2 },
        { activityId: 'gift', bonusPoints: 88 },
      ],
    });
    // 1500 base; ×2 → 3000 (+1500 for a-double); ×3 → 9000 (+6000 for b-triple); +88.
    expect(plan).toEqual({
      basePoints: 1500,
      totalPoints: 9000 + 88,
      activities: [
        { activityId: 'a-double', points: 1500 },
        { activityId: 'b-triple', points: 6000 },
        { activityId: 'gift', points: 88 },
      ],
    });
  });

  it('keeps the parts exact with fractional factors: they sum to the floor of the whole product', () => {
    const plan = planEarning({
      amount: 33_333,
      rate: '0.5',
      tierMultiplier: 1.2,
      bonuses: [
        { activityId: 'a', multiplier: 1.5 },
        { activityId: 'b', multiplier: '1.1' },
      ],
    });
    // floor(333.33 × 0.5 × 1.2 × 1.5 × 1.1) = floor(329.99670) = 329
    expect(plan.totalPoints).toBe(329);
    expect(plan.basePoints + plan.activities.reduce((s, a) => s + a.points, 0)).toBe(329);
  });
});
