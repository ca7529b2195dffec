import { BenefitPeriod, BenefitType } from '../../backend/src/modules/benefits/benefit.enums';

/** Which tiers get a default benefit, and the quota of each where it differs from `quota`. */
export interface DefaultBenefit {
  code: string;
  name: string;
  description: string;
  type: BenefitType;
  period: BenefitPeriod;
  /** Uses per period. */
  quota: number;
  /** Value of one use, fen. */
  value: number | null;
  /** Tier codes granted this benefit. */
  tiers: string[];
  /** Quotas by tier code where they differ from `quota`. */
  quotaByTier?: Record<string, number>;
}

/**
 * The default benefits (权益) of DESIGN.md ("The default programme"): free maintenance 1/2/3/4 a
 * year by tier, and the extras of the higher tiers. Money in fen.
 */
export const DEFAULT_BENEFITS: DefaultBenefit[] = [
  {
    code: 'FREE_MAINTENANCE',
    name: '免费保养',
    description: '每年免费基础保养（机油、机滤及工时）：普通会员1次，银卡2次，金卡3次，白金4次。',
    type: BenefitType.FREE_SERVICE,
    period: BenefitPeriod.YEAR,
    quota: 1,
    value: 600_00,
    tiers: ['REGULAR', 'SILVER', 'GOLD', 'PLATINUM'],
    quotaByTier: { REGULAR: 1, SILVER: 2, GOLD: 3, PLATINUM: 4 },
  },
  {
    code: 'FREE_DISINFECTION',
    name: '免费全车消毒',
    description: '金卡及白金会员每年1次免费全车消毒（空调系统及内饰）。',
    type: BenefitType.FREE_SERVICE,
    period: BenefitPeriod.YEAR,
    quota: 1,
    value: 200_00,
    tiers: ['GOLD', 'PLATINUM'],
  },
  {
    code: 'PRIORITY_BOOKING',
    name: '优先预约',
    description: '银卡及以上会员保养维修优先预约、优先进厂，至下次等级复评前有效。',
    type: BenefitType.PRIORITY_SERVICE,
    period: BenefitPeriod.ONCE,
    quota: 12,
    value: null,
    tiers: ['SILVER', 'GOLD', 'PLATINUM'],
  },
  {
    code: 'FREE_CAR_WASH',
    name: '免费洗车',
    description: '银卡及以上会员每月1次免费精洗。',
    type: BenefitType.FREE_SERVICE,
    period: BenefitPeriod.MONTH,
    quota: 1,
    value: 50_00,
    tiers: ['SILVER', 'GOLD', 'PLATINUM'],
  },
  {
    code: 'ROADSIDE_ASSISTANCE',
    name: '道路救援',
    description: '金卡及白金会员每年2次免费道路救援（拖车、搭电、换胎、送油）。',
    type: BenefitType.FREE_SERVICE,
    period: BenefitPeriod.YEAR,
    quota: 2,
    value: 300_00,
    tiers: ['GOLD', 'PLATINUM'],
  },
];
