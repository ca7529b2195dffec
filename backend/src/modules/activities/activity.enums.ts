import { registerEnumType } from '@nestjs/graphql';

export enum ActivityType {
  POINTS_MULTIPLIER = 'POINTS_MULTIPLIER',
  BONUS_POINTS = 'BONUS_POINTS',
  EVENT = 'EVENT',
  REFERRAL = 'REFERRAL',
  BIRTHDAY = 'BIRTHDAY',
}
registerEnumType(ActivityType, {
  name: 'ActivityType',
  description: 'POINTS_MULTIPLIER (多倍积分), BONUS_POINTS (加赠积分), EVENT (试驾日/车主活动), REFERRAL (推荐有礼), BIRTHDAY.',
});

export enum ActivityStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
  SETTLED = 'SETTLED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ActivityStatus, { name: 'ActivityStatus', description: 'DRAFT → SCHEDULED (预热) → ACTIVE → ENDED → SETTLED, or CANCELLED.' });
