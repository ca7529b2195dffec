import { appEn } from '../../i18n/app.en';
import { appZhCN } from '../../i18n/app.zh-CN';
import { registry } from '../../test-support/schema';
import * as lists from './enums';

/** Each list the screens offer as choices, by the API enum its values belong to. */
const offered: Record<string, readonly string[]> = {
  TransactionType: lists.TRANSACTION_TYPES,
  CardType: lists.CARD_TYPES,
  PaymentMethod: lists.PAYMENT_METHODS,
  Gender: lists.GENDERS,
  ActivityType: lists.ACTIVITY_TYPES,
  ActivityStatus: lists.ACTIVITY_STATUSES,
  ComplaintStatus: lists.COMPLAINT_STATUSES,
  ComplaintPriority: lists.COMPLAINT_PRIORITIES,
  ComplaintOutcome: lists.COMPLAINT_OUTCOMES,
  FollowUpKind: lists.FOLLOW_UP_KINDS,
  FollowUpStatus: lists.FOLLOW_UP_STATUSES,
  JobName: lists.JOB_NAMES,
  JobRunStatus: lists.JOB_RUN_STATUSES,
  NotificationStatus: lists.NOTIFICATION_STATUSES,
  NotificationChannel: lists.NOTIFICATION_CHANNELS,
  NotificationTemplate: lists.NOTIFICATION_TEMPLATES,
  FinanceExportKind: lists.FINANCE_EXPORT_KINDS,
};

const catalogues = { en: appEn.enums, 'zh-CN': appZhCN.enums } as Record<
  string,
  Record<string, Record<string, string> | undefined>
>;

describe('the enum choices of the task screens', () => {
  it.each(Object.entries(offered))('%s offers only values the API knows', (type, values) => {
    expect(registry.enums[type]).toBeDefined();
    expect(values.filter((v) => !registry.enums[type].includes(v))).toEqual([]);
  });

  it.each(Object.keys(catalogues))('every offered value has a %s label in the app catalogue', (locale) => {
    const missing = Object.entries(offered).flatMap(([type, values]) =>
      values.filter((v) => !catalogues[locale][type]?.[v]).map((v) => `enums.${type}.${v}`),
    );
    expect(missing).toEqual([]);
  });
});
