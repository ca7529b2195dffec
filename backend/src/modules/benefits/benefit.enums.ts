import { registerEnumType } from '@nestjs/graphql';

export enum BenefitType {
  FREE_SERVICE = 'FREE_SERVICE',
  DISCOUNT = 'DISCOUNT',
  VOUCHER = 'VOUCHER',
  PRIORITY_SERVICE = 'PRIORITY_SERVICE',
  GIFT = 'GIFT',
  EXPERIENCE = 'EXPERIENCE',
}
registerEnumType(BenefitType, {
  name: 'BenefitType',
  description: 'FREE_SERVICE (免费保养/洗车), DISCOUNT, VOUCHER (代金券), PRIORITY_SERVICE (优先预约), GIFT, EXPERIENCE (试驾/活动体验).',
});

export enum BenefitPeriod {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
  ONCE = 'ONCE',
}
registerEnumType(BenefitPeriod, {
  name: 'BenefitPeriod',
  description: 'YEAR: quota per 12 months from the grant; MONTH: per month; ONCE: until the tier review.',
});

export enum MemberBenefitStatus {
  ACTIVE = 'ACTIVE',
  EXHAUSTED = 'EXHAUSTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(MemberBenefitStatus, { name: 'MemberBenefitStatus' });
