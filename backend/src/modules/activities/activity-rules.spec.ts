import { TransactionType } from '../transactions/transaction.enums';
import { ActivityShape, appliesTo, checkInWindow, configurationProblems, jsonElementPattern, memberEligible, pointsCostFen, settlementDueAt } from './activity-rules';
import { ActivityType } from './activity.enums';

const base: ActivityShape = {
  type: ActivityType.POINTS_MULTIPLIER,
  announceAt: null,
  startsAt: new Date('2026-05-01T00:00:00Z'),
  endsAt: new Date('2026-06-01T00:00:00Z'),
  eligibleTierIds: [],
  dealershipIds: [],
  transactionTypes: [],
  minAmount: null,
  multiplier: 2,
  bonusPoints: null,
  rewardPoints: null,
  capacity: null,
  budgetPoints: null,
  fixedCost: null,
};

describe('activity rules', () => {
  it('names every misconfigured field', () => {
    expect(configurationProblems(base)).toEqual({});
    expect(Object.keys(configurationProblems({ ...base, endsAt: base.startsAt, multiplier: 1 }))).toEqual(['input.endsAt', 'input.multiplier']);
    expect(configurationProblems({ ...base, announceAt: new Date('2026-05-02T00:00:00Z') })).toHaveProperty(['input.announceAt']);
    expect(Object.keys(configurationProblems({ ...base, type: ActivityType.EVENT, transactionTypes: [TransactionType.WASH] })).sort()).toEqual([
      'input.capacity',
      'input.multiplier',
      'input.rewardPoints',
      'input.transactionTypes',
    ]);
    expect(configurationProblems({ ...base, type: ActivityType.EVENT, multiplier: null, rewardPoints: 0, capacity: 1 })).toEqual({});
    expect(configurationProblems({ ...base, type: ActivityType.BONUS_POINTS, multiplier: null }, 'activity')).toHaveProperty(['activity.bonusPoints']);
    expect(configurationProblems({ ...base, type: ActivityType.BIRTHDAY, multiplier: null })).toEqual({});
  });

  it('matches transactions by window, tier, dealership, type and minimum amount', () => {
    const limited = { ...base, eligibleTierIds: ['T1'], dealershipIds: ['D1'], transactionTypes: [TransactionType.MAINTENANCE], minAmount: 10_000 };
    const tx = { tierId: 'T1', dealershipId: 'D1', type: TransactionType.MAINTENANCE, amount: 10_000, occurredAt: base.startsAt };
    expect(appliesTo(limited, tx)).toBe(true);
    expect(appliesTo(limited, { ...tx, occurredAt: base.endsAt })).toBe(false);
    expect(appliesTo(limited, { ...tx, occurredAt: base.endsAt }, { ignoreWindow: true })).toBe(true);
    expect(appliesTo(limited, { ...tx, tierId: 'T2' })).toBe(false);
    expect(appliesTo(limited, { ...tx, dealershipId: 'D2' })).toBe(false);
    expect(appliesTo(limited, { ...tx, type: TransactionType.REPAIR })).toBe(false);
    expect(appliesTo(limited, { ...tx, amount: 9_999 })).toBe(false);
    expect(appliesTo({ ...limited, type: ActivityType.EVENT }, tx)).toBe(false);
    expect(memberEligible(limited, { tierId: 'T1', homeDealershipId: null })).toBe(false);
    expect(memberEligible(base, { tierId: 'T9', homeDealershipId: null })).toBe(true);
  });

  it('prices points at 100 = ¥1 and opens check-in for the event’s local days', () => {
    expect(pointsCostFen(2681, 100)).toBe(2681);
    expect(pointsCostFen(3, 200)).toBe(2); // 1.5 fen, half up
    expect(pointsCostFen(0, 100)).toBe(0);
    // 2026-05-01 10:00–16:00 in Shanghai (UTC+8): the desk is open the whole local day.
    const desk = checkInWindow({ startsAt: new Date('2026-05-01T02:00:00Z'), endsAt: new Date('2026-05-01T08:00:00Z') }, 'Asia/Shanghai');
    expect(desk).toEqual({ opensAt: new Date('2026-04-30T16:00:00Z'), closesAt: new Date('2026-05-01T16:00:00Z') });
    // Ending exactly at local midnight: that day is the last.
    expect(checkInWindow({ startsAt: new Date('2026-05-01T02:00:00Z'), endsAt: new Date('2026-05-01T16:00:00Z') }, 'Asia/Shanghai').closesAt).toEqual(
      new Date('2026-05-01T16:00:00Z'),
    );
    expect(settlementDueAt(new Date('2026-05-01T08:00:00Z'))).toEqual(new Date('2026-05-02T08:00:00Z'));
    expect(jsonElementPattern('01H_X%')).toBe('%"01H!_X!%"%');
  });
});
