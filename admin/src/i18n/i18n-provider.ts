/**
 * Chinese by default, English on request (the choice is kept by react-admin's store). Field labels
 * resolve `resources.<resource>.fields.<field>`, then the shared `fields.<field>`, then a
 * humanised name, so a new resource or field reads sensibly before anyone translates it.
 */
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type I18nProvider, type TranslationMessages } from 'ra-core';
import { appEn } from './app.en';
import { appZhCN } from './app.zh-CN';
import { humanise } from './humanise';
import { raZhCN } from './ra-zh-CN';
import { screensEn } from './screens.en';
import { screensZhCN } from './screens.zh-CN';

export const DEFAULT_LOCALE = 'zh-CN';

export const catalogues: Record<string, TranslationMessages> = {
  'zh-CN': mergeTranslations(raZhCN, appZhCN, screensZhCN),
  en: mergeTranslations(englishMessages, appEn, screensEn),
};

const FIELD_KEY = /^resources\.[^.]+\.fields\.(.+)$/;
const ENUM_KEY = /^enums\.[^.]+\.(.+)$/;

export function buildI18nProvider(): I18nProvider {
  const base = polyglotI18nProvider(
    (locale) => catalogues[locale] ?? catalogues[DEFAULT_LOCALE],
    DEFAULT_LOCALE,
    [
      { locale: 'zh-CN', name: '简体中文' },
      { locale: 'en', name: 'English' },
    ],
    {
      allowMissing: true,
      onMissingKey: (key: string) => {
        const enumValue = ENUM_KEY.exec(key);
        return enumValue ? humanise(enumValue[1]) : key;
      },
    },
  );
  return {
    ...base,
    translate: (key: string, options: Record<string, unknown> = {}) => {
      const field = FIELD_KEY.exec(key);
      if (!field) return base.translate(key, options);
      const leaf = field[1].split('.').pop() ?? field[1];
      const shared = base.translate(`fields.${leaf}`, {
        ...options,
        _: (options._ as string | undefined) ?? humanise(leaf),
      });
      return base.translate(key, { ...options, _: shared });
    },
  };
}
