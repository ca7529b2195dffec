/**
 * The admin's own Chinese label of an API enum value (admin/src/i18n), so a test asserts that the
 * screen shows the label of the value the API returned, whatever the wording of the day.
 */
import { appZhCN } from '../../../admin/src/i18n/app.zh-CN';

type Enums = typeof appZhCN.enums;

export function enumLabel<E extends keyof Enums>(enumName: E, value: keyof Enums[E] & string): string {
  return (appZhCN.enums[enumName] as Record<string, string>)[value];
}
