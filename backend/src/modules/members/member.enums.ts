import { registerEnumType } from '@nestjs/graphql';

export enum MemberStatus {
  PENDING_ACTIVATION = 'PENDING_ACTIVATION',
  ACTIVE = 'ACTIVE',
  FROZEN = 'FROZEN',
  CANCELLED = 'CANCELLED',
  LAPSED = 'LAPSED',
  ERASED = 'ERASED',
}
registerEnumType(MemberStatus, {
  name: 'MemberStatus',
  description:
    'PENDING_ACTIVATION (online registration awaiting its SMS code), ACTIVE, FROZEN (冻结), CANCELLED (注销), LAPSED (never activated), ERASED (personal data deleted).',
});

export enum RegistrationChannel {
  STORE = 'STORE',
  APP = 'APP',
  WECHAT = 'WECHAT',
  WEBSITE = 'WEBSITE',
  PARTNER = 'PARTNER',
}
registerEnumType(RegistrationChannel, { name: 'RegistrationChannel', description: 'Where the member registered (注册渠道).' });

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(Gender, { name: 'Gender' });

export enum MemberSegment {
  NEW = 'NEW',
  CHAMPION = 'CHAMPION',
  LOYAL = 'LOYAL',
  POTENTIAL = 'POTENTIAL',
  AT_RISK = 'AT_RISK',
  DORMANT = 'DORMANT',
}
registerEnumType(MemberSegment, { name: 'MemberSegment', description: 'RFM segment, computed nightly.' });

/** Statuses whose phone number is taken: a phone is unique among members not ERASED or LAPSED. */
export const PHONE_HOLDING_STATUSES = [
  MemberStatus.PENDING_ACTIVATION,
  MemberStatus.ACTIVE,
  MemberStatus.FROZEN,
  MemberStatus.CANCELLED,
];
