import { NotificationTemplate as T } from './notification.enums';

type Data = Record<string, string | number | null | undefined>;

const v = (data: Data, key: string) => {
  const value = data[key];
  if (value === undefined || value === null || value === '') throw new Error(`Notification data lacks ${key}`);
  return String(value);
};

/** The zh-CN text of every template, from the data each needs. */
const TEMPLATES: Record<T, (d: Data) => string> = {
  [T.ACTIVATION_CODE]: (d) => `【会员中心】您的会员激活验证码为${v(d, 'code')}，10分钟内有效。请勿告诉他人。`,
  [T.LOGIN_CODE]: (d) => `【会员中心】您的登录验证码为${v(d, 'code')}，10分钟内有效。如非本人操作请忽略。`,
  [T.MAINTENANCE_DUE]: (d) => `尊敬的${v(d, 'name')}，您的爱车${v(d, 'plate')}预计于${v(d, 'dueDate')}需要保养，欢迎预约到店。`,
  [T.INSPECTION_DUE]: (d) => `尊敬的${v(d, 'name')}，您的爱车${v(d, 'plate')}将于${v(d, 'dueDate')}到期年审，请提前安排。`,
  [T.INSURANCE_DUE]: (d) => `尊敬的${v(d, 'name')}，您的爱车${v(d, 'plate')}车险将于${v(d, 'dueDate')}到期，欢迎到店办理续保。`,
  [T.BIRTHDAY]: (d) => `亲爱的${v(d, 'name')}，生日快乐！感谢您一直以来的支持，祝您生日愉快、出行平安。`,
  [T.POINTS_EXPIRING]: (d) => `尊敬的${v(d, 'name')}，您有${v(d, 'points')}积分将于${v(d, 'expiresOn')}过期，请及时使用。`,
  [T.BENEFIT_EXPIRING]: (d) => `尊敬的${v(d, 'name')}，您的权益「${v(d, 'benefit')}」将于${v(d, 'expiresOn')}到期，请及时使用。`,
  [T.TIER_UPGRADED]: (d) => `恭喜${v(d, 'name')}！您已升级为${v(d, 'tier')}，尊享更多会员权益。`,
  [T.TIER_DOWNGRADED]: (d) => `尊敬的${v(d, 'name')}，根据近12个月消费情况，您的会员等级已调整为${v(d, 'tier')}。`,
  [T.ACTIVITY_STARTING]: (d) => `尊敬的${v(d, 'name')}，您报名的活动「${v(d, 'activity')}」将于${v(d, 'startsAt')}开始，期待您的光临。`,
  [T.ACTIVATION_LAPSING]: (d) => `尊敬的${v(d, 'name')}，您的会员注册尚未激活，将于${v(d, 'lapsesOn')}失效，请尽快完成激活。`,
  [T.COMPLAINT_ESCALATED]: (d) => `投诉工单${v(d, 'ticketNo')}已超时升级至${v(d, 'level')}级，请尽快处理。`,
  [T.CARD_BALANCE_CHANGED]: (d) => `您的卡${v(d, 'cardNo')}发生变动${v(d, 'change')}，当前余额${v(d, 'balance')}。`,
};

/** The English fallback of every template, same data. */
const TEMPLATES_EN: Record<T, (d: Data) => string> = {
  [T.ACTIVATION_CODE]: (d) => `[Member Centre] Your activation code is ${v(d, 'code')}, valid for 10 minutes. Do not share it.`,
  [T.LOGIN_CODE]: (d) => `[Member Centre] Your login code is ${v(d, 'code')}, valid for 10 minutes. Ignore this if it was not you.`,
  [T.MAINTENANCE_DUE]: (d) => `Dear ${v(d, 'name')}, your car ${v(d, 'plate')} is due for maintenance around ${v(d, 'dueDate')}. Book a visit any time.`,
  [T.INSPECTION_DUE]: (d) => `Dear ${v(d, 'name')}, the annual inspection of your car ${v(d, 'plate')} is due on ${v(d, 'dueDate')}.`,
  [T.INSURANCE_DUE]: (d) => `Dear ${v(d, 'name')}, the insurance of your car ${v(d, 'plate')} expires on ${v(d, 'dueDate')}. Renew it with us.`,
  [T.BIRTHDAY]: (d) => `Dear ${v(d, 'name')}, happy birthday! Thank you for your support, and safe travels.`,
  [T.POINTS_EXPIRING]: (d) => `Dear ${v(d, 'name')}, ${v(d, 'points')} of your points expire on ${v(d, 'expiresOn')}. Use them in time.`,
  [T.BENEFIT_EXPIRING]: (d) => `Dear ${v(d, 'name')}, your benefit "${v(d, 'benefit')}" expires on ${v(d, 'expiresOn')}. Use it in time.`,
  [T.TIER_UPGRADED]: (d) => `Congratulations ${v(d, 'name')}! You are now ${v(d, 'tier')}.`,
  [T.TIER_DOWNGRADED]: (d) => `Dear ${v(d, 'name')}, based on the last 12 months your tier is now ${v(d, 'tier')}.`,
  [T.ACTIVITY_STARTING]: (d) => `Dear ${v(d, 'name')}, the event "${v(d, 'activity')}" you signed up for starts at ${v(d, 'startsAt')}. See you there.`,
  [T.ACTIVATION_LAPSING]: (d) => `Dear ${v(d, 'name')}, your registration is not activated yet and lapses on ${v(d, 'lapsesOn')}. Please activate it soon.`,
  [T.COMPLAINT_ESCALATED]: (d) => `Complaint ${v(d, 'ticketNo')} is overdue and escalated to level ${v(d, 'level')}.`,
  [T.CARD_BALANCE_CHANGED]: (d) => `Your card ${v(d, 'cardNo')} changed by ${v(d, 'change')}; balance ${v(d, 'balance')}.`,
};

export type NotificationLocale = 'zh-CN' | 'en';

/**
 * Marketing messages: sent only to members with `marketingConsent`, and held during quiet hours.
 * Service reminders, codes and account messages go to every member at once.
 */
export const MARKETING_TEMPLATES: ReadonlySet<T> = new Set([T.BIRTHDAY, T.ACTIVITY_STARTING]);

const HAN = /\p{Script=Han}/u;

/**
 * The locale of a message: `data.locale` when given ('en' or 'zh-CN'); otherwise zh-CN, unless the
 * member's name is given and has no Chinese character (e.g. "John Smith"), then English.
 */
export function localeFor(data: Data): NotificationLocale {
  if (data.locale === 'en' || data.locale === 'zh-CN') return data.locale;
  const name = data.name;
  if (typeof name === 'string' && name.trim() && !HAN.test(name)) return 'en';
  return 'zh-CN';
}

/** The text of a message in its locale (see `localeFor`); zh-CN by default. */
export function renderTemplate(template: T, data: Data): string {
  return (localeFor(data) === 'en' ? TEMPLATES_EN : TEMPLATES)[template](data);
}
