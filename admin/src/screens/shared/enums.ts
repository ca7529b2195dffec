import { useCallback } from 'react';
import { useTranslate } from 'react-admin';

/** The API's enum values the screens offer as choices (labelled by the app's enums.<Enum> catalogue, as the generated views are). */
export const TRANSACTION_TYPES = [
  'MAINTENANCE',
  'REPAIR',
  'PARTS',
  'ACCESSORY',
  'WASH',
  'INSURANCE',
  'VEHICLE_PURCHASE',
  'OTHER',
] as const;
export const CARD_TYPES = ['STORED_VALUE', 'COUNT', 'MEMBERSHIP'] as const;
export const PAYMENT_METHODS = ['MOBILE_PAY', 'BANK_CARD', 'CASH', 'TRANSFER', 'OTHER'] as const;
export const GENDERS = ['MALE', 'FEMALE', 'UNKNOWN'] as const;
export const ACTIVITY_TYPES = ['POINTS_MULTIPLIER', 'BONUS_POINTS', 'EVENT', 'REFERRAL', 'BIRTHDAY'] as const;
export const ACTIVITY_STATUSES = ['DRAFT', 'SCHEDULED', 'ACTIVE', 'ENDED', 'SETTLED', 'CANCELLED'] as const;
export const COMPLAINT_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
export const COMPLAINT_PRIORITIES = ['URGENT', 'HIGH', 'NORMAL', 'LOW'] as const;
export const COMPLAINT_OUTCOMES = [
  'RESOLVED_COMPENSATED',
  'RESOLVED_REPAIRED',
  'RESOLVED_EXPLAINED',
  'UNFOUNDED',
  'WITHDRAWN',
] as const;
export const FOLLOW_UP_KINDS = ['POST_SERVICE', 'POST_COMPLAINT', 'POST_EVENT', 'DORMANT_RECALL'] as const;
export const FOLLOW_UP_STATUSES = ['PENDING', 'DONE', 'UNREACHABLE', 'CANCELLED'] as const;
export const JOB_NAMES = [
  'REMINDERS',
  'TIER_EVALUATION',
  'POINTS_EXPIRY',
  'BENEFIT_GRANTS',
  'ACTIVITY_LIFECYCLE',
  'BIRTHDAY_REWARDS',
  'SEGMENTATION',
  'COMPLAINT_ESCALATION',
  'FOLLOW_UP_GENERATION',
  'ACTIVATION_LAPSE',
  'NOTIFICATION_DISPATCH',
  'CARD_EXPIRY',
] as const;
export const JOB_RUN_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED'] as const;
export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED', 'SKIPPED'] as const;
export const NOTIFICATION_CHANNELS = ['SMS', 'EMAIL', 'PUSH', 'WECHAT'] as const;
export const NOTIFICATION_TEMPLATES = [
  'ACTIVATION_CODE',
  'LOGIN_CODE',
  'MAINTENANCE_DUE',
  'INSPECTION_DUE',
  'INSURANCE_DUE',
  'BIRTHDAY',
  'POINTS_EXPIRING',
  'BENEFIT_EXPIRING',
  'TIER_UPGRADED',
  'TIER_DOWNGRADED',
  'ACTIVITY_STARTING',
  'ACTIVATION_LAPSING',
  'COMPLAINT_ESCALATED',
  'CARD_BALANCE_CHANGED',
] as const;
export const FINANCE_EXPORT_KINDS = [
  'STORED_VALUE_LIABILITY',
  'STORED_VALUE_MOVEMENTS',
  'INTER_STORE_SETTLEMENT',
  'CARD_ENTRIES',
] as const;

/** Label of an enum value in the current language; the raw value when no label is known. */
export function useEnumLabel(): (enumName: string, value: string | null | undefined) => string {
  const translate = useTranslate();
  return useCallback(
    (enumName: string, value: string | null | undefined) =>
      value ? translate(`enums.${enumName}.${value}`, { _: value }) : '',
    [translate],
  );
}
