import { registerEnumType } from '@nestjs/graphql';

export enum NotificationChannel {
  SMS = 'SMS',
  EMAIL = 'EMAIL',
  PUSH = 'PUSH',
  WECHAT = 'WECHAT',
}
registerEnumType(NotificationChannel, { name: 'NotificationChannel', description: 'How a notification reaches the member.' });

export enum NotificationTemplate {
  ACTIVATION_CODE = 'ACTIVATION_CODE',
  LOGIN_CODE = 'LOGIN_CODE',
  MAINTENANCE_DUE = 'MAINTENANCE_DUE',
  INSPECTION_DUE = 'INSPECTION_DUE',
  INSURANCE_DUE = 'INSURANCE_DUE',
  BIRTHDAY = 'BIRTHDAY',
  POINTS_EXPIRING = 'POINTS_EXPIRING',
  BENEFIT_EXPIRING = 'BENEFIT_EXPIRING',
  TIER_UPGRADED = 'TIER_UPGRADED',
  TIER_DOWNGRADED = 'TIER_DOWNGRADED',
  ACTIVITY_STARTING = 'ACTIVITY_STARTING',
  ACTIVATION_LAPSING = 'ACTIVATION_LAPSING',
  COMPLAINT_ESCALATED = 'COMPLAINT_ESCALATED',
  CARD_BALANCE_CHANGED = 'CARD_BALANCE_CHANGED',
}
registerEnumType(NotificationTemplate, { name: 'NotificationTemplate', description: 'The message template (zh-CN).' });

export enum NotificationStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}
registerEnumType(NotificationStatus, {
  name: 'NotificationStatus',
  description: 'PENDING until delivered (retried with backoff); FAILED after the last attempt; SKIPPED when not to be sent.',
});
